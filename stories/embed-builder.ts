/**
 * The embed builder (docs only, not part of the widget script): pick a widget, set its
 * attributes, see it live, copy a ready-to-paste snippet. The list of widgets and of each
 * one's attributes comes from custom-elements.json, so it always matches the code.
 */
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { getCustomElements } from '@storybook/web-components';
import sampleFeed from '../sample/feed.json';
import { allowStep, snippet } from './embed-snippet.js';
import { serverBase } from './helpers.js';

/** The widgets with a script of their own (src/single-widget/<tag>.ts → dist/widgets/<tag>.js). */
const SINGLE_WIDGET_TAGS = Object.keys(import.meta.glob('../src/single-widget/*.ts')).map((path) =>
  path.replace(/^.*\/(.*)\.ts$/, '$1'),
);

interface ManifestAttribute {
  name: string;
  type?: { text: string };
  description?: string;
  default?: string;
}

export interface WidgetInfo {
  tag: string;
  summary: string;
  attributes: ManifestAttribute[];
}

interface Declaration {
  customElement?: boolean;
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: ManifestAttribute[];
}

/**
 * Widgets a webmaster places on a page (`<org-feed>` only wraps others), from the manifest that
 * .storybook/preview.ts hands to Storybook (custom-elements.json, written by `npm run analyze`).
 */
export function widgets(): WidgetInfo[] {
  const manifest = getCustomElements() as { modules?: Array<{ declarations?: Declaration[] }> } | undefined;
  return (manifest?.modules ?? [])
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName && d.tagName !== 'org-feed')
    .map((d) => ({ tag: d.tagName!, summary: d.summary ?? d.description ?? '', attributes: d.attributes ?? [] }))
    .sort((a, b) => a.tag.localeCompare(b.tag));
}

const feed = sampleFeed as {
  platform?: Array<{ id: string; tags?: string[] }>;
  petitions?: Array<{ id: string }>;
  chapters?: Array<{ id: string }>;
};

/**
 * Fixed choices, from the manifest: an attribute whose type is a union of strings (`'card' | 'compact'`,
 * written out by .storybook/cem-types.mjs from the component's own type) is shown as a select, "default" first.
 */
export function choicesOf(a: ManifestAttribute): string[] | undefined {
  const members = (a.type?.text ?? '').split('|').map((m) => m.trim());
  const strings = members.filter((m) => m !== 'undefined');
  if (strings.length < 2 || !strings.every((m) => /^'[^']*'$/.test(m))) return undefined;
  return strings.map((m) => m.slice(1, -1));
}

/** Suggestions (free text allowed), from the sample feed. */
const SUGGESTIONS: Record<string, string[]> = {
  plank: (feed.platform ?? []).map((p) => p.id),
  petition: (feed.petitions ?? []).map((p) => p.id),
  tags: [...new Set((feed.platform ?? []).flatMap((p) => p.tags ?? []))],
  chapter: (feed.chapters ?? []).map((c) => c.id),
  currency: ['USD', 'EUR', 'GBP', 'CAD', 'MXN', 'AUD'],
};

/** Widgets whose readers send to the organization's server (which must allow the site's address). */
const SENDS_TO_SERVER = ['petition-form', 'join-form'];

export { snippet } from './embed-snippet.js';

const plain = (s = '') => s.replace(/`/g, '');

const isBoolean = (a: ManifestAttribute) => /\bboolean\b/.test(a.type?.text ?? '');
const isNumber = (a: ManifestAttribute) => /^number\b/.test(a.type?.text ?? '');

export class EmbedBuilder extends LitElement {
  static styles = css`
    :host {
      display: block;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      color: #1f1f23;
      line-height: 1.4;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    fieldset {
      min-inline-size: 0;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(16rem, 22rem) minmax(0, 1fr);
      gap: 1.5rem;
      align-items: start;
    }
    @media (max-width: 48rem) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
    fieldset {
      border: 1px solid #c8c8d0;
      border-radius: 0.5rem;
      margin: 0 0 1rem;
      padding: 0.75rem 1rem 1rem;
    }
    legend {
      font-weight: 700;
      padding: 0 0.25rem;
    }
    .field {
      margin-block: 0.75rem;
    }
    .field label {
      display: block;
      font-weight: 600;
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
      font-size: 0.9rem;
    }
    .field.check label {
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
    .hint {
      display: block;
      color: #55555f;
      font-size: 0.85rem;
      margin-block-start: 0.15rem;
    }
    input:not([type='checkbox']),
    select {
      font: inherit;
      inline-size: 100%;
      padding: 0.35rem 0.5rem;
      border: 1px solid #767680;
      border-radius: 0.35rem;
      background: #fff;
      color: inherit;
      margin-block-start: 0.25rem;
    }
    :focus-visible {
      outline: 3px solid #1a5fb4;
      outline-offset: 2px;
    }
    h2 {
      font-size: 1.1rem;
      margin: 0 0 0.5rem;
    }
    .stage {
      border: 1px dashed #767680;
      border-radius: 0.5rem;
      padding: 1rem;
      margin-block-end: 1.5rem;
      background: #fff;
    }
    .stage.dark {
      background: #121216;
    }
    textarea {
      display: block;
      inline-size: 100%;
      min-block-size: 7rem;
      font: 0.85rem/1.5 ui-monospace, SFMono-Regular, Menlo, monospace;
      padding: 0.75rem;
      border: 1px solid #767680;
      border-radius: 0.35rem;
      background: #f4f4f6;
      color: #1f1f23;
      resize: vertical;
    }
    .copy-row {
      display: flex;
      gap: 1rem;
      align-items: center;
      margin-block-start: 0.5rem;
    }
    button {
      font: inherit;
      font-weight: 700;
      padding: 0.5rem 1rem;
      border: 0;
      border-radius: 0.35rem;
      background: #1a5fb4;
      color: #fff;
      cursor: pointer;
    }
    .note {
      color: #55555f;
      font-size: 0.9rem;
    }
    .allow {
      border-inline-start: 4px solid #1a5fb4;
      padding: 0.5rem 1rem;
      margin-block: 1rem;
      background: #f4f4f6;
    }
    .allow code {
      font: 0.85rem/1.5 ui-monospace, SFMono-Regular, Menlo, monospace;
      overflow-wrap: anywhere;
    }
    .error {
      color: #a51d2d;
    }
  `;

  /** The widget shown first. */
  @property() widget = 'petition-form';

  @state() private values: Record<string, Record<string, string | boolean>> = {};
  @state() private scriptUrl = serverBase() + 'solidarity-widgets.js';
  /** For a widget with a script of its own: the page shows no other widget of ours, so the snippet uses that script. */
  @state() private onlyThisWidget = true;
  @state() private feedUrl = serverBase() + 'feed.json';
  @state() private widgetLang = '';
  @state() private copyStatus = '';
  /** The address of the webmaster's site, for the allow-list step. */
  @state() private siteAddress = '';

  private get info(): WidgetInfo | undefined {
    const all = widgets();
    return all.find((w) => w.tag === this.widget) ?? all[0];
  }

  private initialValues(info: WidgetInfo): Record<string, string | boolean> {
    // Start from something that shows the widget at its best with the sample feed.
    const start: Record<string, Record<string, string>> = {
      'platform-plank': { plank: 'healthcare' },
      'platform-list': { limit: '3' },
      'petition-form': { petition: 'cancel-rent' },
      'event-list': { limit: '3' },
      'join-form': {},
    };
    return { ...(start[info.tag] ?? {}) };
  }

  private current(): Record<string, string | boolean> {
    const info = this.info!;
    return (this.values[info.tag] ??= this.initialValues(info));
  }

  /** The attributes, in the manifest's order: `feed` first, then the rest as set. */
  chosen(): Array<[string, string | boolean]> {
    const info = this.info;
    if (!info) return [];
    const values = this.current();
    const out: Array<[string, string | boolean]> = [];
    if (this.widgetLang) out.push(['lang', this.widgetLang]);
    for (const a of info.attributes) {
      if (a.name === 'feed') {
        if (this.feedUrl.trim()) out.push(['feed', this.feedUrl.trim()]);
        continue;
      }
      const v = values[a.name];
      if (v === undefined || v === '' || v === false) continue;
      out.push([a.name, typeof v === 'string' ? v.trim() : v]);
    }
    return out;
  }

  /** The script the snippet loads: the widget's own (widgets/<tag>.js beside the main one) when it is alone. */
  private snippetScript(): string {
    const main = this.scriptUrl.trim();
    const tag = this.info?.tag ?? '';
    if (!this.onlyThisWidget || !SINGLE_WIDGET_TAGS.includes(tag)) return main;
    try {
      return new URL(`widgets/${tag}.js`, main).href;
    } catch {
      return main; // not an address yet: the field says so
    }
  }

  /** The snippet as it stands. */
  get code(): string {
    return snippet(this.snippetScript(), this.info?.tag ?? '', this.chosen());
  }

  private set(name: string, value: string | boolean) {
    this.values = { ...this.values, [this.info!.tag]: { ...this.current(), [name]: value } };
    this.copyStatus = '';
  }

  private async copy() {
    const text = this.code;
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus = 'Copied. Paste it into your page.';
    } catch {
      // Clipboard refused (e.g. inside a frame without permission): select it for Ctrl+C.
      const area = this.renderRoot.querySelector('textarea')!;
      area.focus();
      area.select();
      this.copyStatus = document.execCommand?.('copy')
        ? 'Copied. Paste it into your page.'
        : 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
    }
  }

  protected updated(changed: PropertyValues): void {
    super.updated(changed);
    this.renderPreview();
  }

  private previewKey = '';

  /** The live widget: a fresh element each time the snippet changes, built like the page would. */
  private renderPreview() {
    const stage = this.renderRoot.querySelector('#stage');
    const info = this.info;
    if (!stage || !info) return;
    const key = JSON.stringify([info.tag, this.chosen()]);
    if (key === this.previewKey) return;
    this.previewKey = key;
    const el = document.createElement(info.tag);
    for (const [k, v] of this.chosen()) el.setAttribute(k, v === true ? '' : String(v));
    stage.replaceChildren(el);
  }

  private renderControl(a: ManifestAttribute) {
    const id = `attr-${a.name}`;
    const values = this.current();
    const hint = html`<span class="hint" id="${id}-hint">${plain(a.description)}</span>`;
    if (isBoolean(a)) {
      return html`<div class="field check">
        <label
          ><input
            type="checkbox"
            id=${id}
            aria-describedby="${id}-hint"
            .checked=${values[a.name] === true}
            @change=${(e: Event) => this.set(a.name, (e.target as HTMLInputElement).checked)}
          />${a.name}</label
        >${hint}
      </div>`;
    }
    const choices = choicesOf(a);
    if (choices) {
      return html`<div class="field">
        <label for=${id}>${a.name}</label>${hint}
        <select id=${id} aria-describedby="${id}-hint" @change=${(e: Event) => this.set(a.name, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!values[a.name]}>(default)</option>
          ${choices.map((c) => html`<option ?selected=${values[a.name] === c}>${c}</option>`)}
        </select>
      </div>`;
    }
    const suggestions = SUGGESTIONS[a.name];
    return html`<div class="field">
      <label for=${id}>${a.name}</label>${hint}
      <input
        id=${id}
        type=${isNumber(a) ? 'number' : 'text'}
        aria-describedby="${id}-hint"
        list=${suggestions ? `${id}-list` : nothing}
        placeholder=${a.default ? `default ${a.default.replace(/^'|'$/g, '')}` : nothing}
        .value=${String(values[a.name] ?? '')}
        @input=${(e: Event) => this.set(a.name, (e.target as HTMLInputElement).value)}
      />
      ${suggestions ? html`<datalist id="${id}-list">${suggestions.map((s) => html`<option value=${s}></option>`)}</datalist>` : nothing}
    </div>`;
  }

  /** Signing needs the organization to allow the site's address: the option and the command to send them. */
  private renderAllowStep() {
    const typed = this.siteAddress.trim();
    const step = allowStep(typed || 'https://your-site.example');
    return html`<section class="allow" aria-labelledby="allow-heading">
      <h2 id="allow-heading">Before readers on your site can sign</h2>
      <p>
        The organization must allow your site's address, or signatures from your pages are refused. Type it and send
        them one of the two lines below.
      </p>
      <div class="field">
        <label for="site">your site's address</label>
        <span class="hint" id="site-hint">Any page of your site, e.g. https://union-local.example/join</span>
        <input
          id="site"
          type="url"
          aria-describedby="site-hint"
          placeholder="https://your-site.example"
          .value=${this.siteAddress}
          @input=${(e: Event) => (this.siteAddress = (e.target as HTMLInputElement).value)}
        />
      </div>
      ${
        'error' in step
          ? html`<p class="error" role="alert">${step.error}</p>`
          : html`<p>
              Where the server starts, add: <code id="allow-option">${step.option}</code><br />
              or, on a running server (no restart): <code id="allow-command">${step.command}</code>
            </p>
            ${typed ? nothing : html`<p class="note">(Shown for an example address: type yours above.)</p>`}`
      }
    </section>`;
  }

  render() {
    const info = this.info;
    if (!info) return html`<p>No widgets found in custom-elements.json (run <code>npm run analyze</code>).</p>`;
    const hasFeed = info.attributes.some((a) => a.name === 'feed');
    return html`
      <div class="layout">
        <form @submit=${(e: Event) => e.preventDefault()} aria-label="Widget options">
          <fieldset>
            <legend>Widget</legend>
            <div class="field">
              <label for="widget">tag</label>
              <span class="hint" id="widget-hint">${plain(info.summary)}</span>
              <select id="widget" aria-describedby="widget-hint" @change=${(e: Event) => (this.widget = (e.target as HTMLSelectElement).value)}>
                ${widgets().map((w) => html`<option value=${w.tag} ?selected=${w.tag === info.tag}>${w.tag}</option>`)}
              </select>
            </div>
          </fieldset>
          <fieldset>
            <legend>Organization's server</legend>
            <div class="field">
              <label for="script">script address</label>
              <span class="hint" id="script-hint">The widget script on the organization's server.</span>
              <input id="script" type="url" aria-describedby="script-hint" .value=${this.scriptUrl} @input=${(e: Event) => (this.scriptUrl = (e.target as HTMLInputElement).value)} />
            </div>
            ${
              SINGLE_WIDGET_TAGS.includes(info.tag)
                ? html`<div class="field">
                  <label><input id="only-widget" type="checkbox" aria-describedby="only-widget-hint" .checked=${this.onlyThisWidget}
                    @change=${(e: Event) => (this.onlyThisWidget = (e.target as HTMLInputElement).checked)} />
                    This page shows no other widget</label>
                  <span class="hint" id="only-widget-hint">Then the snippet loads <code>widgets/${info.tag}.js</code>, a lighter
                    script with this widget alone. Untick it if the page also shows other widgets: they share the main script.</span>
                </div>`
                : nothing
            }
            ${
              hasFeed
                ? html`<div class="field">
                  <label for="feed">feed</label>
                  <span class="hint" id="feed-hint">The organization's feed. Leave it empty to use only the attributes below.</span>
                  <input id="feed" type="url" aria-describedby="feed-hint" .value=${this.feedUrl} @input=${(e: Event) => (this.feedUrl = (e.target as HTMLInputElement).value)} />
                </div>`
                : nothing
            }
            <div class="field">
              <label for="lang">lang</label>
              <span class="hint" id="lang-hint">The widget's language. Default: the page's.</span>
              <select id="lang" aria-describedby="lang-hint" @change=${(e: Event) => (this.widgetLang = (e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${!this.widgetLang}>(the page's)</option>
                <option value="en" ?selected=${this.widgetLang === 'en'}>en — English</option>
                <option value="es" ?selected=${this.widgetLang === 'es'}>es — Español</option>
                <option value="fr" ?selected=${this.widgetLang === 'fr'}>fr — Français</option>
              </select>
            </div>
          </fieldset>
          <fieldset>
            <legend>Attributes of &lt;${info.tag}&gt;</legend>
            ${info.attributes.filter((a) => a.name !== 'feed').map((a) => this.renderControl(a))}
          </fieldset>
        </form>
        <div>
          <h2 id="preview-heading">Live preview</h2>
          <div class="stage" id="stage" role="region" aria-labelledby="preview-heading"></div>
          <h2><label for="code">Your snippet</label></h2>
          <textarea id="code" readonly spellcheck="false" .value=${this.code}></textarea>
          <div class="copy-row">
            <button type="button" @click=${this.copy}>Copy snippet</button>
            <span role="status">${this.copyStatus}</span>
          </div>
          ${SENDS_TO_SERVER.includes(info.tag) ? this.renderAllowStep() : nothing}
          <p class="note">
            Paste it where the widget should appear (see Docs › Getting started for WordPress and site builders). With several
            widgets on one page, keep one script tag. In this preview petitions are answered by a stand-in: nothing is sent.
          </p>
        </div>
      </div>
    `;
  }
}

if (!customElements.get('sw-embed-builder')) customElements.define('sw-embed-builder', EmbedBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'sw-embed-builder': EmbedBuilder;
  }
}
