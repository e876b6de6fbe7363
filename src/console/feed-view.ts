// The feed editor: the organization, the platform's planks (order, number, title, summary, body,
// tags, in every language the feed has), the petitions (title, target, text, goal, closes,
// fields, consent, endpoint) and the chapters (also importable from a CSV). The server runs the
// same checks as `solidarity-widgets check`; each problem shows next to its field, and nothing
// is saved until none is left.
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { lazy } from '../core/lazy.js';
import { ApiFailure } from './api.js';
import { chaptersFromCsv } from './chapters-csv.js';
import { FieldRenderer, type Obj, type Problem } from './feed-fields.js';
import { ConsoleView } from './view.js';

// The real widgets, from this server: the preview shows the draft exactly as allied pages would.
const WIDGETS = '/solidarity-widgets.js';
const widgets = lazy(() => import(/* @vite-ignore */ WIDGETS));

export class FeedView extends ConsoleView {
  static properties = {
    ...ConsoleView.properties,
    feed: { state: true },
    problems: { state: true },
    message: { state: true },
    importErrors: { state: true },
    previewSrc: { state: true },
  };
  private previewSrc = '';
  private feed: Obj | null = null;
  private problems: Problem[] = [];
  private message = '';
  private importErrors: string[] = [];

  async connectedCallback() {
    super.connectedCallback();
    this.feed = await this.api.get<Obj>('feed');
  }

  private list(key: 'platform' | 'petitions' | 'chapters'): Obj[] {
    if (!this.feed) return [];
    if (!Array.isArray(this.feed[key])) this.feed[key] = [];
    return this.feed[key] as Obj[];
  }

  private move(i: number, delta: number) {
    const planks = this.list('platform');
    const j = i + delta;
    if (j < 0 || j >= planks.length) return;
    [planks[i], planks[j]] = [planks[j], planks[i]];
    this.requestUpdate();
  }

  private async importChapters(e: Event) {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const { chapters, errors } = chaptersFromCsv(await file.text());
    this.importErrors = errors;
    this.list('chapters').push(...chapters.map((c): Obj => ({ ...c })));
    this.message = this.t('feed.imported', { count: chapters.length });
    this.requestUpdate();
  }

  private async save(e: Event) {
    e.preventDefault();
    this.message = '';
    try {
      await this.api.call('PUT', 'feed', this.feed);
      this.problems = [];
      this.message = this.t('feed.saved');
    } catch (err) {
      this.problems = err instanceof ApiFailure ? err.problems : [];
      this.message =
        err instanceof ApiFailure && err.problems.length ? this.t('feed.problems') : (err as Error).message;
    }
  }

  private async preview() {
    this.message = '';
    try {
      const [{ src }] = await Promise.all([
        this.api.call<{ src: string }>('POST', 'feed/preview', this.feed),
        widgets.load(),
      ]);
      this.problems = [];
      this.previewSrc = src;
    } catch (err) {
      this.problems = err instanceof ApiFailure ? err.problems : [];
      this.message =
        err instanceof ApiFailure && err.problems.length ? this.t('feed.problems') : (err as Error).message;
    }
  }

  private planks(f: FieldRenderer) {
    return this.list('platform').map((p, i) => {
      const at = `$.platform[${i}]`;
      return html`<fieldset>
        <legend>${this.t('feed.plank', { n: i + 1 })}</legend>
        <button type="button" ?disabled=${i === 0} @click=${() => this.move(i, -1)}>${this.t('feed.up')}</button>
        <button type="button" ?disabled=${i === this.list('platform').length - 1} @click=${() => this.move(i, 1)}>
          ${this.t('feed.down')}
        </button>
        ${f.field(`plank-${i}-number`, this.t('feed.number'), p, 'number', `${at}.number`, 'number')}
        ${f.text(`plank-${i}-title`, this.t('feed.plank-title'), p, 'title', `${at}.title`)}
        ${f.text(`plank-${i}-summary`, this.t('feed.plank-summary'), p, 'summary', `${at}.summary`)}
        ${f.text(`plank-${i}-body`, this.t('feed.body'), p, 'body', `${at}.body`, 'long')}
        ${f.field(`plank-${i}-tags`, this.t('feed.tags'), p, 'tags', `${at}.tags`, 'list')}
      </fieldset>`;
    });
  }

  private petitions(f: FieldRenderer) {
    return this.list('petitions').map((p, i) => {
      const at = `$.petitions[${i}]`;
      return html`<fieldset>
        <legend>${String(p.id)}</legend>
        ${f.text(`petition-${i}-title`, this.t('feed.petition-title'), p, 'title', `${at}.title`)}
        ${f.text(`petition-${i}-target`, this.t('feed.target'), p, 'target', `${at}.target`)}
        ${f.text(`petition-${i}-body`, this.t('feed.body'), p, 'body', `${at}.body`, 'long')}
        ${f.field(`petition-${i}-goal`, this.t('feed.petition-goal'), p, 'goal', `${at}.goal`, 'number')}
        ${f.field(`petition-${i}-closes`, this.t('feed.closes'), p, 'closes', `${at}.closes`)}
        ${f.field(`petition-${i}-fields`, this.t('feed.fields'), p, 'fields', `${at}.fields`, 'list')}
        ${f.text(`petition-${i}-consent`, this.t('feed.consent'), p, 'consent', `${at}.consent`, 'long')}
        ${f.field(`petition-${i}-endpoint`, this.t('feed.endpoint'), p, 'endpoint', `${at}.endpoint`)}
      </fieldset>`;
    });
  }

  private chapters(f: FieldRenderer) {
    return this.list('chapters').map((c, i) => {
      const at = `$.chapters[${i}]`;
      const one = (key: string, label: string, kind: 'text' | 'number' | 'list' = 'text') =>
        f.field(`chapter-${i}-${key}`, label, c, key, `${at}.${key}`, kind);
      return html`<fieldset>
        <legend>${String(c.id)}</legend>
        ${f.text(`chapter-${i}-name`, this.t('feed.chapter-name'), c, 'name', `${at}.name`)}
        ${one('city', this.t('feed.city'))} ${one('region', this.t('feed.region'))}
        ${one('country', this.t('feed.country'))} ${one('lat', this.t('feed.lat'), 'number')}
        ${one('lng', this.t('feed.lng'), 'number')} ${one('postal_codes', this.t('feed.postal'), 'list')}
        ${one('email', this.t('col.email'))} ${one('url', this.t('feed.url'))}
      </fieldset>`;
    });
  }

  render() {
    if (!this.feed) return html`<p>${this.t('loading')}</p>`;
    const f = new FieldRenderer(this.problems, () => {});
    if (typeof this.feed.org !== 'object' || this.feed.org === null) this.feed.org = {};
    return html`<form @submit=${this.save} novalidate>
      ${f.text('org-name', this.t('feed.org'), this.feed.org as Obj, 'name', '$.org.name')}
      <fieldset>
        <legend>${this.t('feed.planks')}</legend>
        ${this.planks(f)}
      </fieldset>
      <fieldset>
        <legend>${this.t('petitions')}</legend>
        ${this.petitions(f)}
      </fieldset>
      <fieldset>
        <legend>${this.t('feed.chapters')}</legend>
        <label for="chapters-csv">${this.t('feed.import')}</label>
        <input id="chapters-csv" type="file" accept=".csv,text/csv" @change=${this.importChapters} />
        ${
          this.importErrors.length
            ? html`<ul class="error">
              ${this.importErrors.map((m) => html`<li>${m}</li>`)}
            </ul>`
            : ''
        }
        ${this.chapters(f)}
      </fieldset>
      <p role="status">${this.message}</p>
      ${
        this.problems.length
          ? html`<ul class="error">
            ${this.problems.map((p) => html`<li>${p.path}: ${p.message}</li>`)}
          </ul>`
          : ''
      }
      <button type="button" @click=${this.preview}>${this.t('feed.preview')}</button>
      <button class="primary" type="submit">${this.t('save')}</button>
      ${
        this.previewSrc
          ? html`<section id="preview" aria-label=${this.t('feed.preview')}>
            ${keyed(
              this.previewSrc,
              html`<org-feed src=${this.previewSrc} lang=${this.lang}>
                <platform-list heading-level="3"></platform-list>
              </org-feed>`,
            )}
          </section>`
          : ''
      }
    </form>`;
  }
}

customElements.define('sw-console-feed', FeedView);
