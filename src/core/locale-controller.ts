/**
 * The widget's language: its own `lang`, else the nearest ancestor's (across
 * shadow roots), else the document's. Loads non-English UI strings lazily.
 */
import { formatNumber, pluralCategory } from './number-format.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  formatMessage,
  loadMessages,
  loadRareMessages,
  messagesNow,
  uiLanguage,
  type AllMessages,
  type MessageKey,
} from '../i18n/index.js';

const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

function watchLangChanges(callback: () => void): () => void {
  listeners.add(callback);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((l) => l()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => listeners.delete(callback);
}

export function resolveLang(el: Element): string {
  let node: Element | null = el;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return document.documentElement.lang || 'en';
}

export class LocaleController implements ReactiveController {
  /** The resolved language tag, e.g. `es-MX`; use it for feed text and Intl. */
  lang = 'en';
  private messages: AllMessages = messagesNow('en')!;
  private unwatch?: () => void;

  constructor(private host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.refresh();
    this.unwatch = watchLangChanges(() => this.refresh());
  }

  hostDisconnected(): void {
    this.unwatch?.();
  }

  private refresh(): void {
    const lang = resolveLang(this.host);
    if (lang === this.lang && this.messages === messagesNow(uiLanguage(lang))) return;
    this.lang = lang;
    const ui = uiLanguage(lang);
    const ready = messagesNow(ui);
    if (ready) {
      this.messages = ready;
      this.host.requestUpdate();
    } else {
      loadMessages(ui).then((m) => {
        if (uiLanguage(this.lang) !== ui) return;
        this.messages = m;
        this.host.requestUpdate();
      });
    }
  }

  /** A UI string in the widget's language, with `{name}` placeholders filled. */
  t(key: MessageKey, params?: Record<string, string | number>): string {
    const template = this.messages[key] ?? messagesNow('en')![key];
    if (template !== undefined) return formatMessage(template, params, this.lang);
    // A rare English string (i18n/lazy/en-problems.ts): shown once its chunk has come.
    loadRareMessages().then(
      () => this.host.requestUpdate(),
      () => {},
    );
    return '';
  }

  /** A plural UI string: `key_one` / `key_other` chosen by the language's plural rules. */
  plural(key: string, count: number, params?: Record<string, string | number>): string {
    const rule = pluralCategory(this.lang, count);
    const k = (`${key}_${rule}` in this.messages ? `${key}_${rule}` : `${key}_other`) as MessageKey;
    return this.t(k, { count: this.number(count), ...params });
  }

  /** `n` written for the widget's language (see number-format.ts). */
  number(n: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(this.lang, n, options);
  }
}
