/**
 * The words of a bad-attribute message (see attribute-check.ts), loaded with the English
 * strings for problems only when a widget has a problem to show: most pages never need them.
 */
import { html, type TemplateResult } from 'lit';
import { formatMessage, loadRareMessages, messagesNow, type MessageKey } from '../../i18n/index.js';
import type { AttributeProblem } from '../attribute-check.js';
import type { SolidarityElement } from '../base-element.js';
import type { LocaleController } from '../locale-controller.js';

type Params = Record<string, string | number>;

/** The message's two sentences, from a string table (`t`): what is wrong, then what is expected. */
const sentences = ({ name, value, hint, params }: AttributeProblem, t: (key: MessageKey, p: Params) => string) =>
  `${t(value ? 'attr.bad' : 'attr.missing', { name, value })} ${t(hint, { name, value, ...params })}`;

/** Resolves once the English strings for problems are here (or failed to come: offline). */
export const ready: Promise<void> = loadRareMessages().catch(() => {});

/**
 * One warning per distinct problem, in English, in the words the widget shows (offline, the keys stand in for them).
 */
export function warnProblems(host: SolidarityElement, problems: AttributeProblem[]): void {
  const en = messagesNow('en')!;
  const t = (key: MessageKey, params: Params) => formatMessage(en[key] ?? key, params);
  for (const p of problems) {
    host.warnOnce(`<${host.localName}> ${p.name}="${p.value}": ${sentences(p, t)}${p.detail ? ` (${p.detail})` : ''}`);
  }
}

/** One visible, polite message per problem, in the widget's language. */
export function renderProblems(problems: AttributeProblem[], locale: LocaleController): TemplateResult {
  return html`${problems.map(
    (p) =>
      html`<p class="message error" part="message" role="status" tabindex="-1">${sentences(p, locale.t.bind(locale))}</p>`,
  )}`;
}
