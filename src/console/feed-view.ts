// The feed editor: the organization's name, the planks' titles and summaries and the petitions'
// titles and goals, as a form. The server runs the same checks as `solidarity-widgets check`;
// each problem is shown next to its field (by its JSON path), and nothing is saved until none is left.
import { html } from 'lit';
import { ApiFailure } from './api.js';
import { ConsoleView } from './view.js';

type Obj = Record<string, unknown>;
interface Problem {
  path: string;
  message: string;
}

export class FeedView extends ConsoleView {
  static properties = {
    ...ConsoleView.properties,
    feed: { state: true },
    problems: { state: true },
    message: { state: true },
  };
  private feed: Obj | null = null;
  private problems: Problem[] = [];
  private message = '';

  async connectedCallback() {
    super.connectedCallback();
    this.feed = await this.api.get<Obj>('feed');
  }

  private list(key: 'platform' | 'petitions'): Obj[] {
    return Array.isArray(this.feed?.[key]) ? (this.feed![key] as Obj[]) : [];
  }

  /** A text field bound to obj[key], with the problems whose path is `path` right after it. */
  private field(id: string, label: string, obj: Obj, key: string, path: string, type = 'text') {
    const mine = this.problems.filter((p) => p.path === path);
    const errId = `${id}-error`;
    const set = (e: Event) => {
      const v = (e.target as HTMLInputElement).value;
      obj[key] = type === 'number' ? (v === '' ? undefined : Number(v)) : v;
    };
    return html`<label for=${id}>${label}</label>
      <input
        id=${id}
        type=${type}
        .value=${obj[key] === undefined ? '' : String(obj[key])}
        aria-invalid=${mine.length ? 'true' : 'false'}
        aria-describedby=${mine.length ? errId : ''}
        @input=${set}
      />
      ${mine.length ? html`<p id=${errId} class="error">${mine.map((p) => p.message).join(' ')}</p>` : ''}`;
  }

  /** A feed text: one field if it is a string, one per language if it has translations. */
  private text(id: string, label: string, obj: Obj, key: string, path: string) {
    const value = obj[key];
    if (value === null || typeof value !== 'object') return this.field(id, label, obj, key, path);
    return Object.keys(value).map((lang) =>
      this.field(`${id}-${lang}`, `${label} (${lang})`, value as Obj, lang, `${path}.${lang}`),
    );
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

  render() {
    if (!this.feed) return html`<p>${this.t('loading')}</p>`;
    const org = (this.feed.org ?? {}) as Obj;
    return html`<form @submit=${this.save} novalidate>
      ${this.text('org-name', this.t('feed.org'), org, 'name', '$.org.name')}
      <fieldset>
        <legend>${this.t('feed.planks')}</legend>
        ${this.list('platform').map(
          (p, i) => html`<fieldset>
            <legend>${this.t('feed.plank', { n: i + 1 })}</legend>
            ${this.text(`plank-${i}-title`, this.t('feed.plank-title'), p, 'title', `$.platform[${i}].title`)}
            ${this.text(`plank-${i}-summary`, this.t('feed.plank-summary'), p, 'summary', `$.platform[${i}].summary`)}
          </fieldset>`,
        )}
      </fieldset>
      <fieldset>
        <legend>${this.t('petitions')}</legend>
        ${this.list('petitions').map(
          (p, i) => html`<fieldset>
            <legend>${String(p.id)}</legend>
            ${this.text(`petition-${i}-title`, this.t('feed.petition-title'), p, 'title', `$.petitions[${i}].title`)}
            ${this.field(`petition-${i}-goal`, this.t('feed.petition-goal'), p, 'goal', `$.petitions[${i}].goal`, 'number')}
          </fieldset>`,
        )}
      </fieldset>
      <p role="status">${this.message}</p>
      ${
        this.problems.length
          ? html`<ul class="error">
            ${this.problems.map((p) => html`<li>${p.path}: ${p.message}</li>`)}
          </ul>`
          : ''
      }
      <button class="primary" type="submit">${this.t('save')}</button>
    </form>`;
  }
}

customElements.define('sw-console-feed', FeedView);
