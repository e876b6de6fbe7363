/**
 * The one handling of bad attribute values, shared by every widget: before each render the
 * widget's check runs; each problem shows as a visible, polite message inside the widget
 * (localized: the attribute, its value, what is expected) and is warned once in the console,
 * in English, in the same words. The words and their rendering load only when a widget has a
 * problem (lazy/attribute-messages.ts, a chunk of a few hundred bytes, with the English strings for problems).
 */
import { nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { SolidarityElement } from './base-element.js';
import { lazy } from './lazy.js';
import type { LocaleController } from './locale-controller.js';
import type { MessageKey } from '../i18n/index.js';

export interface AttributeProblem {
  /** The attribute as written in the page: `variant`, `default-amount`. */
  name: string;
  /** Its value as written; empty when a needed attribute is missing. */
  value: string;
  /** What is expected (and what the widget does instead): a message key; `{name}` and `{value}` are filled in. */
  hint: MessageKey;
  /** Values for the hint's other placeholders. */
  params?: Record<string, string | number>;
  /** More detail for the webmaster's console only (English). */
  detail?: string;
}

/** What a check returns: the problems found (falsy entries are no problem). */
export type AttributeCheckFn = () => (AttributeProblem | false | undefined)[];

/** The chunk, once it and the strings it needs have come. */
const messages = lazy(() => import('./lazy/attribute-messages.js').then((m) => m.ready.then(() => m)));

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

  /** Runs before every render, so the first render already knows what is wrong. */
  hostUpdate(): void {
    const problems = (this.problems = this.check().filter((p): p is AttributeProblem => !!p));
    const m = messages.module;
    if (!problems.length) return;
    if (m) m.warnProblems(this.host, problems);
    else
      messages.load().then(
        () => this.host.requestUpdate(),
        // Offline: no words to show, but the webmaster still learns which attribute is wrong.
        () => problems.forEach((p) => this.host.warnOnce(`<${this.host.localName}> ${p.name}="${p.value}": ${p.hint}`)),
      );
  }

  /** The messages, once their words have come. */
  render(): TemplateResult | typeof nothing {
    const m = messages.module;
    return m && this.problems.length ? m.renderProblems(this.problems, this.locale) : nothing;
  }
}
