// The feed editor's fields: each edits one value of the feed in place and shows, right after
// itself, the problems the server's checks found at its JSON path.
import { html, type TemplateResult } from 'lit';

export type Obj = Record<string, unknown>;
export interface Problem {
  path: string;
  message: string;
}
export type Kind = 'text' | 'number' | 'long' | 'list';

export class FieldRenderer {
  constructor(
    private readonly problems: Problem[],
    private readonly changed: () => void,
  ) {}

  /** One value of obj: text, number, long text (textarea) or a comma-separated list. */
  field(id: string, label: string, obj: Obj, key: string, path: string, kind: Kind = 'text'): TemplateResult {
    const mine = this.problems.filter((p) => p.path === path || p.path.startsWith(`${path}[`));
    const errId = `${id}-error`;
    const raw = obj[key];
    const value = raw === undefined || raw === null ? '' : Array.isArray(raw) ? raw.join(', ') : String(raw);
    const set = (e: Event) => {
      const v = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
      if (v.trim() === '' && kind !== 'text' && kind !== 'long') delete obj[key];
      else if (kind === 'number') obj[key] = Number(v);
      else if (kind === 'list')
        obj[key] = v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
      else obj[key] = v;
      this.changed();
    };
    const common = {
      invalid: mine.length ? 'true' : 'false',
      described: mine.length ? errId : '',
    };
    const input =
      kind === 'long'
        ? html`<textarea
            id=${id}
            rows="4"
            aria-invalid=${common.invalid}
            aria-describedby=${common.described}
            .value=${value}
            @input=${set}
          ></textarea>`
        : html`<input
            id=${id}
            type=${kind === 'number' ? 'number' : 'text'}
            step="any"
            aria-invalid=${common.invalid}
            aria-describedby=${common.described}
            .value=${value}
            @input=${set}
          />`;
    return html`<label for=${id}>${label}</label>${input}
      ${mine.length ? html`<p id=${errId} class="error">${mine.map((p) => p.message).join(' ')}</p>` : ''}`;
  }

  /** A feed text: one field if it is a string, one per language if it has translations. */
  text(id: string, label: string, obj: Obj, key: string, path: string, kind: Kind = 'text'): TemplateResult {
    const value = obj[key];
    if (value === null || typeof value !== 'object') return this.field(id, label, obj, key, path, kind);
    return html`${Object.keys(value).map((lang) =>
      this.field(`${id}-${lang}`, `${label} (${lang})`, value as Obj, lang, `${path}.${lang}`, kind),
    )}`;
  }
}
