import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { SolidarityElement, yieldToPage } from '../../core/base-element.js';
import { renderRichText } from '../../core/rich-text.js';
import { FeedController } from '../../core/feed-controller.js';
import { renderFeedStatus } from '../../core/feed-status.js';
import { SIGNATURE_FIELDS, type Petition, type SignatureField, type Text } from '../../core/feed-types.js';
import { LocaleController } from '../../core/locale-controller.js';
import { pickTranslation } from '../../core/translations.js';
import { themeStyles } from '../../core/theme.styles.js';
import { safeUrl } from '../../core/url.js';
import type { MessageKey } from '../../i18n/index.js';
import { enqueue, hasQueued, LEASE_MS, newKey } from './offline-queue.js';
import { petitionStyles } from './petition-form.styles.js';
import { email, firstProblem, maxLength, phone, required, type Validator } from './validators.js';

type Phase = 'form' | 'sending' | 'signed' | 'queued';
export type Problem = { key: MessageKey; params?: Record<string, string | number> } | { text: string };

/** Per field: input type (also its inputmode), autocomplete token, longest value the server takes. */
const FIELD: Record<SignatureField, [type: string, autocomplete: string, max: number]> = {
  given_name: ['text', 'given-name', 200],
  family_name: ['text', 'family-name', 200],
  email: ['email', 'email', 320],
  postal_code: ['text', 'postal-code', 32],
  country: ['text', 'country-name', 100],
  phone: ['tel', 'tel', 40],
  comment: ['', 'off', 4000],
};
const DEFAULT_FIELDS: SignatureField[] = ['given_name', 'family_name', 'email', 'postal_code'];

/** The petition as this widget uses it: feed values with attributes on top. */
export interface PetitionView {
  id: string;
  title: string;
  target: string;
  body: string;
  goal?: number;
  closes?: string;
  consent: string;
  required: Set<string>;
  shown: SignatureField[];
  endpoint: string;
  privacy: string | null;
  base?: string;
}

/** What the form does once a signature is on its way (a lazy chunk): sending, the answer, thanks. */
type Flow = typeof import('./petition-flow.js');
let flow: Flow | undefined;
const loadFlow = (): Promise<Flow> => import('./petition-flow.js').then((m) => (flow = m));
const prefetch = () => void loadFlow().catch(() => {});
/** Runs `act` with the flow: at once when loaded (it is, once the form had focus), else when it comes. */
const withFlow = (act: (m: Flow) => unknown, failed = () => {}) => (flow ? act(flow) : loadFlow().then(act, failed));

/** Every connected widget, so a queued signature delivered later is reported by one showing its petition. */
const widgets = new Set<PetitionForm>();

let retry: ReturnType<typeof setTimeout> | undefined;
const flushLater = () => {
  clearTimeout(retry);
  retry = setTimeout(flush, LEASE_MS);
};

/** Sends what earlier pages (or this one) queued; while some is left, tries again each minute. */
function flush(): void {
  clearTimeout(retry);
  if (widgets.size && hasQueued()) withFlow((m) => m.flush(widgets).then(() => hasQueued() && flushLater()));
}

/**
 * Sign a petition without leaving the page: the petition's text, a counter with a
 * goal, the fields it needs with real labels and autocomplete, consent, validation
 * that helps, and a thank-you with sharing. A signature made offline is kept on
 * this device and sent, exactly once, when the connection returns.
 *
 * @summary An embeddable petition signing form.
 *
 * @slot - The petition's text when it has none in the feed (e.g. with `endpoint` and no feed); it is
 *   readable before the script runs, and stays under the message if the feed fails.
 *
 * @csspart petition - The outer box.
 * @csspart heading - The petition title.
 * @csspart counter - The signature count, goal and progress bar.
 * @csspart bar - The progress bar.
 * @csspart form - The form.
 * @csspart field - One label + input group.
 * @csspart input - Each text input.
 * @csspart error - A field's error message.
 * @csspart consent - The consent checkbox and text.
 * @csspart submit - The submit button.
 * @csspart status - The live status line ("Sending…", "Signed", "Saved…").
 * @csspart thanks - The thank-you and sharing box.
 * @csspart message - Loading, closed and error messages.
 *
 * @cssprop --sw-color-accent - Accent color (button, progress bar). Defaults to the feed's `org.color`.
 * @cssprop --sw-color-on-accent - Text on the accent color.
 * @cssprop --sw-color-text - Text color.
 * @cssprop --sw-color-muted - Secondary text color.
 * @cssprop --sw-color-surface - Background.
 * @cssprop --sw-color-border - Borders of the box and inputs.
 * @cssprop --sw-color-danger - Error color (errors are also marked by an icon and text).
 * @cssprop --sw-color-success - Thank-you accent.
 * @cssprop --sw-radius - Corner radius.
 * @cssprop --sw-space - Base spacing.
 * @cssprop --sw-font-family - Font family.
 * @cssprop --sw-heading-size - Title size.
 *
 * @fires petition-signed - A signature was accepted (also when a queued one is delivered later). `detail: { petition, count }`.
 * @fires petition-queued - Offline: the signature was saved on this device and will be sent. `detail: { petition }`.
 * @fires petition-error - The server refused the signature, or it could not be sent nor saved. `detail: { petition, code, message }`.
 * @fires feed-load - The feed loaded. `detail: { url }`.
 * @fires feed-error - The feed failed. `detail: { url, message }`.
 */
export class PetitionForm extends SolidarityElement {
  static styles = [themeStyles, petitionStyles];
  static override properties = {
    feed: {},
    petition: {},
    endpoint: {},
    heading: {},
    goal: {},
    fields: {},
    source: {},
    privacyUrl: { attribute: 'privacy-url' },
    phase: { state: true },
    values: { state: true },
    consented: { state: true },
    problems: { state: true },
    suggestion: { state: true },
    status: { state: true },
    alert: { state: true },
    count: { state: true },
    share: { state: true },
    serverGoal: { state: true },
    serverCloses: { state: true },
    server: { state: true },
    formShown: { state: true },
  };

  /** URL of the organization's feed. Inside `<org-feed>` it may be left out. */
  feed?: string;
  /** The petition's `id` in the feed. */
  petition?: string;
  /** The petition's base URL (GET for the count, POST to `/signatures`); overrides the feed's. */
  endpoint?: string;
  /** Title shown; overrides the feed's. */
  heading?: string;
  /** Signature goal; overrides the feed's. */
  goal?: string;
  /** Comma-separated signature fields to show (`given_name,family_name,email,postal_code,country,phone,comment`); the petition's own fields are always shown and required. */
  fields?: string;
  /** Source code sent with each signature; default: the page's `?source=`, else its hostname. */
  source?: string;
  /** Privacy policy link next to the consent; overrides the feed's `org.privacy_url`. */
  privacyUrl?: string;

  // State shared with petition-flow.ts (the lazy half of this widget), hence not private.
  /** @internal */ phase: Phase = 'form';
  /** @internal */ values: Record<string, string> = {};
  /** @internal */ consented = false;
  /** @internal */ problems: Record<string, Problem> = {};
  /** @internal */ suggestion = '';
  /** @internal */ status = '';
  /** @internal */ alert = '';
  /** @internal */ count?: number;
  /** @internal */ share?: typeof import('./share-panel.js');
  private serverGoal?: number;
  private serverCloses?: string;
  /** With no feed, the server says what it will require (fields, consent) and the title. */
  private server: { fields?: string[]; consent?: Text; title?: Text } = {};

  /** The form comes a task after the petition's text and count (two short tasks for the host, not one long). */
  private formShown = false;

  private feedState = new FeedController(this);
  /** @internal */ locale = new LocaleController(this);
  /** One key per signing: kept across corrections and retries, dropped once signed. @internal */
  key?: string;
  private countFor?: string;

  connectedCallback(): void {
    super.connectedCallback();
    if (!widgets.size) addEventListener('online', flush);
    widgets.add(this);
    // Any page carrying the widget delivers what an earlier page queued (a task of its
    // own: a page's first localStorage read can take a while).
    yieldToPage().then(flush);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    widgets.delete(this);
    if (!widgets.size) removeEventListener('online', flush);
  }

  /** The petition id reported in events. @internal */
  get petitionId(): string {
    return this.resolve()?.id ?? this.petition ?? '';
  }

  private feedPetition(): Petition | undefined {
    const s = this.feedState.state;
    return s?.status === 'ready' && this.petition ? s.feed.petitions.find((p) => p.id === this.petition) : undefined;
  }

  /** resolve()'s result until anything it reads changes (each change requests an update). */
  private resolved?: { value: PetitionView | undefined };

  override requestUpdate(...args: Parameters<SolidarityElement['requestUpdate']>): void {
    this.resolved = undefined;
    super.requestUpdate(...args);
  }

  /** @internal The petition as shown: feed, attributes and server merged (its attribute problems noted once). */
  resolve(): PetitionView | undefined {
    return (this.resolved ??= { value: this.merge() }).value;
  }

  private merge(): PetitionView | undefined {
    this.badAttrs.clear();
    const s = this.feedState.state;
    const feed = s?.status === 'ready' ? s.feed : undefined;
    const p = this.feedPetition();
    const base = s?.url;
    const own = this.url(this.endpoint, undefined, 'endpoint');
    if (this.endpoint && !own) this.badAttr('endpoint', this.endpoint, false);
    const endpoint =
      own ??
      this.url(p?.endpoint, base, 'petition endpoint') ??
      (p && base ? new URL(`/api/petitions/${encodeURIComponent(p.id)}`, base).href : null);
    if (!endpoint) return undefined;
    const id = p?.id ?? this.petition ?? decodeURIComponent(new URL(endpoint).pathname.split('/').filter(Boolean).pop() ?? '');
    const lang = this.locale.lang;
    const req = new Set<string>([...(p?.fields ?? this.server.fields ?? []), 'email']);
    const wanted = this.fields ? this.listAttr() : DEFAULT_FIELDS;
    const shown = SIGNATURE_FIELDS.filter((f) => req.has(f) || wanted.includes(f));
    let goal = p?.goal ?? this.serverGoal;
    if (this.goal) {
      const g = Number(this.goal);
      if (Number.isInteger(g) && g > 0) goal = g;
      else this.badAttr('goal', this.goal);
    }
    return {
      id,
      title: this.heading ?? pickTranslation(p?.title ?? this.server.title, lang),
      target: pickTranslation(p?.target, lang),
      body: pickTranslation(p?.body, lang),
      goal,
      closes: p?.closes ?? this.serverCloses,
      consent: pickTranslation(p?.consent ?? feed?.org.consent ?? this.server.consent, lang).trim() || this.locale.t('petition.consent'),
      required: req,
      shown,
      endpoint: endpoint.replace(/\/+$/, ''),
      privacy: this.url(this.privacyUrl ?? feed?.org.privacy_url, base, 'privacy URL'),
      base,
    };
  }

  /** safeUrl, once per value: it warns about a bad one, and render runs often. */
  private urls = new Map<string, string | null>();
  private url(value: string | undefined, base: string | undefined, context: string): string | null {
    if (!value) return null;
    const k = `${base} ${value}`;
    if (!this.urls.has(k)) this.urls.set(k, safeUrl(value, { base, context }));
    return this.urls.get(k)!;
  }

  private listAttr(): string[] {
    const list = this.fields!.split(',').map((f) => f.trim()).filter(Boolean);
    for (const f of list) if (!(SIGNATURE_FIELDS as readonly string[]).includes(f)) this.badAttr('fields', f);
    return list;
  }

  private badAttrs = new Map<string, string>();
  /** A visible, polite note in the widget, and one warning (unless safeUrl gave it already). */
  private badAttr(name: string, value: string, warn = true): void {
    if (warn) this.warnOnce(`<petition-form>: ignored ${name}="${value}".`);
    this.badAttrs.set(`${name}=${value}`, this.locale.t('petition.bad-attr', { name, value }));
  }

  protected willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const p = this.resolve();
    if (p && p.endpoint !== this.countFor) {
      this.countFor = p.endpoint;
      this.count = this.feedPetition()?.count;
      yieldToPage().then(() => this.loadCount(p.endpoint)); // the request starts in a task of its own
    }
  }

  protected updated(): void {
    if (!this.formShown && this.resolve()) yieldToPage().then(() => (this.formShown = true));
  }

  /** GET the petition for its live count (and goal, closing date when there is no feed). */
  private async loadCount(endpoint: string): Promise<void> {
    try {
      const res = await fetch(endpoint, { credentials: 'omit', headers: { accept: 'application/json' } });
      if (!res.ok) return;
      const data = (await res.json()) as { count?: unknown; goal?: unknown; closes?: unknown; fields?: unknown; consent?: unknown; title?: unknown };
      if (endpoint !== this.countFor) return;
      if (typeof data.count === 'number') this.count = Math.max(data.count, this.count ?? 0);
      if (typeof data.goal === 'number') this.serverGoal = data.goal;
      if (typeof data.closes === 'string') this.serverCloses = data.closes;
      if (!this.feedPetition()) {
        const text = (v: unknown) => (typeof v === 'string' || (typeof v === 'object' && v) ? (v as Text) : undefined);
        const fields = Array.isArray(data.fields) ? data.fields.filter((f): f is string => (SIGNATURE_FIELDS as readonly string[]).includes(f)) : undefined;
        this.server = { fields, consent: text(data.consent), title: text(data.title) };
      }
    } catch {
      // no counter is better than a broken widget
    }
  }

  private validators(f: string, p: PetitionView): Validator[] {
    const v: Validator[] = [];
    if (p.required.has(f)) v.push(required);
    if (f === 'email') v.push(email);
    if (f === 'phone') v.push(phone);
    v.push(maxLength(FIELD[f as SignatureField][2]));
    return v;
  }

  private check(f: string, p: PetitionView): Problem | undefined {
    if (f === 'consent') return this.consented ? undefined : { key: 'petition.error.consent' };
    const bad = firstProblem(this.values[f] ?? '', this.validators(f, p));
    return bad && { key: bad.key, params: bad.params };
  }

  /** @internal */
  setProblem(f: string, problem: Problem | undefined): void {
    const next = { ...this.problems };
    if (problem) next[f] = problem;
    else delete next[f];
    this.problems = next;
  }

  private onInput(f: string, e: Event): void {
    const el = e.target as HTMLInputElement;
    if (f === 'consent') this.consented = el.checked;
    else this.values = { ...this.values, [f]: el.value };
    // An error clears as soon as it is fixed; new errors wait for the field to be left.
    if (this.problems[f]) this.setProblem(f, this.check(f, this.resolve()!));
    if (f === 'email') this.suggestion = '';
  }

  private onChange(f: string): void {
    const p = this.resolve()!;
    if (this.values[f]?.trim()) this.setProblem(f, this.check(f, p));
    if (f === 'email' && !this.problems.email) withFlow((m) => m.suggest(this));
  }

  /** @internal */
  async focusFirstProblem(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /** The signature body (DESIGN.md): the shown fields, consent with the exact text shown, source, honeypot. */
  private bodyFor(p: PetitionView): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const f of p.shown) {
      const v = this.values[f]?.trim();
      if (v) body[f] = v;
    }
    body.consent = { granted: true, text: p.consent };
    body.source = (this.source || new URL(location.href).searchParams.get('source') || location.hostname).slice(0, 200);
    const honeypot = this.renderRoot.querySelector<HTMLInputElement>('#website')?.value;
    if (honeypot) body.website = honeypot;
    return body;
  }

  /** Validates, saves the signature in the offline queue, and hands it to the flow to send. */
  private onSubmit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const p = this.resolve();
    if (!p || this.phase !== 'form') return; // a double click sends one request
    const problems: Record<string, Problem> = {};
    for (const f of [...p.shown, 'consent']) {
      const problem = this.check(f, p);
      if (problem) problems[f] = problem;
    }
    this.problems = problems;
    const n = Object.keys(problems).length;
    const t = this.locale;
    if (n) {
      // Emptied first, so the same summary after a second try is announced again.
      this.alert = '';
      await this.updateComplete;
      this.alert = t.plural('petition.problems', n);
      return this.focusFirstProblem();
    }
    this.phase = 'sending';
    this.alert = '';
    this.status = t.t('petition.sending');
    const key = (this.key ??= newKey());
    const url = `${p.endpoint}/signatures`;
    const body = JSON.stringify(this.bodyFor(p));
    const entry = { key, url, body, petition: p.id };
    // Written ahead, leased to this page: if the page closes mid-send, the next one delivers it.
    const saved = await enqueue(entry, navigator.onLine ? Date.now() + LEASE_MS : 0);
    withFlow(
      (m) => m.send(this, p, key, url, body, saved),
      // Offline since before the form was first touched, so the sending code never came: kept for later.
      async () => {
        if (saved && (await enqueue(entry))) return this.queued(p.id);
        this.phase = 'form';
        this.status = '';
        this.alert = t.t('petition.error.offline');
        this.emit('petition-error', { petition: p.id, code: 'network', message: 'offline' });
      },
    );
  };

  /** Saved in the queue, to be sent later (the server failed, or the reader is offline). @internal */
  queued(petition: string, serverBusy = false): void {
    this.phase = 'queued';
    this.status = this.locale.t(serverBusy ? 'petition.queued-server' : 'petition.queued');
    this.emit('petition-queued', { petition });
    flushLater(); // the 'online' event may never come when only the server failed
  }

  /** @internal */
  date(iso: string): string {
    const d = new Date(iso);
    try {
      return new Intl.DateTimeFormat(this.locale.lang, { dateStyle: 'long' }).format(d);
    } catch {
      return d.toDateString();
    }
  }

  render() {
    const t = this.locale;
    const p = this.resolve();
    const s = this.feedState.state;
    if (!p) {
      // The page's own content inside the tag (a link to sign elsewhere, say) stays under the message.
      if (s && s.status !== 'ready') return html`${renderFeedStatus(s, t)}<slot></slot>`;
      const missing = s && this.petition ? t.t('petition.not-found', { petition: this.petition }) : t.t('petition.no-petition');
      this.warnOnce(`<petition-form>: ${missing}`);
      return html`<p class="message error" part="message" role="alert">${missing}</p><slot></slot>`;
    }
    const closed = !!p.closes && Date.parse(p.closes) <= Date.now();
    return html`
      <section part="petition" aria-labelledby=${p.title ? 'heading' : nothing}>
        ${[...this.badAttrs.values()].map((m) => html`<p class="message" part="message">${m}</p>`)}
        ${p.title ? html`<h2 id="heading" part="heading">${p.title}</h2>` : nothing}
        ${p.target ? html`<p class="target">${t.t('petition.to', { target: p.target })}</p>` : nothing}
        <div class="body">${p.body ? renderRichText(p.body, p.base) : html`<slot></slot>`}</div>
        ${this.renderCounter(p, closed)}
        ${closed
          ? html`<p class="message" part="message">${t.t('petition.closed', { date: this.date(p.closes!) })}</p>`
          : this.phase === 'signed'
            ? flow?.renderThanks(this, p)
            : this.phase === 'queued' || !this.formShown
              ? nothing
              : this.renderForm(p)}
        <p class="status" part="status" role="status">${this.status}</p>
        <p class="alert" part="message" role="alert">${this.alert}</p>
      </section>
    `;
  }

  private renderCounter(p: PetitionView, closed: boolean) {
    const count = this.count;
    if (count === undefined) return nothing;
    const t = this.locale;
    let goal = closed ? 0 : p.goal; // a closed petition has no next goal
    if (goal) while (goal <= count) goal *= 2; // passed: the next goal (the stored goal never changes)
    // The bar's width is set through CSSOM (.style), which a strict CSP (style-src 'self') allows; a style attribute it blocks.
    return html`<div class="counter" part="counter">
      <p><strong>${t.plural('petition.count', count)}</strong>${goal ? html` · ${t.t('petition.goal', { goal: t.number(goal) })}` : nothing}</p>
      ${goal ? html`<div class="bar" part="bar" aria-hidden="true"><span .style=${`inline-size:${(100 * count) / goal}%`}></span></div>` : nothing}
    </div>`;
  }

  private renderForm(p: PetitionView) {
    const t = this.locale;
    const sending = this.phase === 'sending';
    const consentProblem = this.problems.consent;
    return html`<form part="form" novalidate @submit=${this.onSubmit} @focusin=${prefetch} aria-labelledby=${p.title ? 'heading' : nothing}>
      <div class="fields">${p.shown.map((f) => this.renderField(f, p))}</div>
      <div class="consent" part="consent">
        <input
          type="checkbox"
          id="consent"
          required
          .checked=${this.consented}
          aria-invalid=${consentProblem ? 'true' : 'false'}
          aria-describedby=${consentProblem ? 'consent-error' : nothing}
          @change=${(e: Event) => this.onInput('consent', e)}
        />
        <label for="consent">${p.consent}</label>
        ${this.renderProblem('consent')}
        ${p.privacy ? html`<a class="privacy" href=${p.privacy} target="_blank" rel="noopener">${t.t('petition.privacy')}</a>` : nothing}
      </div>
      <div class="hp" aria-hidden="true">
        <label for="website">Website</label>
        <input id="website" name="website" tabindex="-1" autocomplete="off" />
      </div>
      <button type="submit" class="btn primary" part="submit" aria-disabled=${sending ? 'true' : 'false'}>${t.t('petition.sign')}</button>
    </form>`;
  }

  private renderField(f: SignatureField, p: PetitionView): TemplateResult {
    const [type, autocomplete, max] = FIELD[f];
    const t = this.locale;
    const id = `f-${f}`;
    const problem = this.problems[f];
    const suggest = f === 'email' && this.suggestion;
    const describedBy = [problem && `${f}-error`, suggest && 'suggestion'].filter(Boolean).join(' ') || nothing;
    const isRequired = p.required.has(f);
    const label = html`<label for=${id}>${t.t(`petition.${f}`)}${isRequired ? nothing : html` <span class="optional">${t.t('petition.optional')}</span>`}</label>`;
    const control =
      f === 'comment'
        ? html`<textarea
            id=${id}
            name=${f}
            part="input"
            rows="3"
            autocomplete="off"
            maxlength=${max}
            ?required=${isRequired}
            .value=${this.values[f] ?? ''}
            aria-invalid=${problem ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @input=${(e: Event) => this.onInput(f, e)}
            @change=${() => this.onChange(f)}
          ></textarea>`
        : html`<input
            id=${id}
            name=${f}
            part="input"
            type=${type}
            autocomplete=${autocomplete}
            inputmode=${type}
            maxlength=${max}
            ?required=${isRequired}
            spellcheck=${f === 'email' ? 'false' : nothing}
            autocapitalize=${f === 'email' ? 'off' : f === 'postal_code' ? 'characters' : nothing}
            .value=${this.values[f] ?? ''}
            aria-invalid=${problem ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @input=${(e: Event) => this.onInput(f, e)}
            @change=${() => this.onChange(f)}
          />`;
    return html`<div class="field ${f}" part="field">
      ${label}${control}${this.renderProblem(f)}
      ${suggest ? flow?.renderSuggestion(this) : nothing}
    </div>`;
  }

  private renderProblem(f: string) {
    const problem = this.problems[f];
    if (!problem) return nothing;
    const text = 'text' in problem ? problem.text : this.locale.t(problem.key, problem.params);
    return html`<p id="${f}-error" class="error" part="error"><span aria-hidden="true">⚠</span> ${text}</p>`;
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'petition-form': PetitionForm;
  }
}
