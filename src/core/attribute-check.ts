/**
 * The one handling of bad attribute values, shared by every widget: before each render the
 * widget's check runs; each problem shows as a visible, polite message inside the widget
 * (localized: the attribute, its value, what is expected) and is warned once in the console,
 * in English, in the same words (the strings travel in the lazy en-problems chunk, so the
 * entry carries no second copy of them).
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { SolidarityElement } from './base-element.js';
import type { LocaleController } from './locale-controller.js';
import { formatMessage, loadRareMessages, messagesNow, type MessageKey } from '../i18n/index.js';

export interface AttributeProblem {
  /** The attribute as written in the page: `variant`, `default-amount`. */
  name: string;
  /** Its value as written; empty when a needed attribute is missing. */
  value: string;
  /** What is expected (and what the widget does instead): a message key; `{name}` and `{value}` are filled in. */
  hint: MessageKey;
  /** Values for the hint's other placeholders. */
  params?: Params;
  /** More detail for the webmaster's console only (English). */
  detail?: string;
}

/** What a check returns: the problems found (falsy entries are no problem). */
export type AttributeCheckFn = () => (AttributeProblem | false | undefined)[];

/** The message's two sentences, from a string table (`t`): what is wrong, then what is expected. */
type Params = Record<string, string | number>;
const sentences = ({ name, value, hint, params }: AttributeProblem, t: (key: MessageKey, p: Params) => string) =>
  `${t(value ? 'attr.bad' : 'attr.missing', { name, value })} ${t(hint, { name, value, ...params })}`;

export class AttributeCheck implements ReactiveController {
  /** The problems found before the latest render. */
  problems: AttributeProblem[] = [];

  constructor(
    private host: SolidarityElement,
    private locale: LocaleController,
    private check: AttributeCheckFn,
  ) {
    host.addController(this);
  }

  /** Runs before every render, so the first render already shows what is wrong. */
  hostUpdate(): void {
    this.problems = this.check().filter((p): p is AttributeProblem => !!p);
    if (this.problems.length) loadRareMessages().then(this.warn, this.warn);
  }

  /** One warning per distinct problem, in English (offline, the keys stand in for the words). */
  private warn = (): void => {
    const en = messagesNow('en')!;
    const t = (key: MessageKey, params: Params) => formatMessage(en[key] ?? key, params);
    for (const p of this.problems) {
      this.host.warnOnce(`<${this.host.localName}> ${p.name}="${p.value}": ${sentences(p, t)}${p.detail ? ` (${p.detail})` : ''}`);
    }
  };

  /** One message per problem (nothing when there is none), for the top of the widget. */
  render(): TemplateResult | typeof nothing {
    const t = this.locale;
    return this.problems.length
      ? html`${this.problems.map(
          (p) => html`<p class="message error" part="message" role="status" tabindex="-1">${sentences(p, t.t.bind(t))}</p>`,
        )}`
      : nothing;
  }
}
