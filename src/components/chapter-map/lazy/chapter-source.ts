/**
 * Where the chapters come from, as a reactive controller: the `chapters` property,
 * else the document at `src`, else the feed. Each is checked once per value by the
 * feed's rules (a bad chapter is skipped with one warning naming it).
 */
import type { ReactiveController } from 'lit';
import type { Chapter } from '../../../core/feed-types.js';
import { safeUrl } from '../../../core/url.js';
import type { MapHost } from '../map-host.js';
import { parseChapters } from './chapter-index.js';

export type SrcState =
  | { status: 'loading' }
  | { status: 'ready'; url: string; chapters: Chapter[] }
  | { status: 'error' };

/** How the chapters are coming: loading, failed (`src` only; the feed has its own state), or here. */
export type SourceStatus = 'loading' | 'error' | 'ready' | 'none';

/** The fetch options for `src`, with a null prototype so a host page's Object.prototype adds nothing. */
const SRC_REQUEST: RequestInit = Object.assign(Object.create(null), {
  credentials: 'omit',
  headers: { accept: 'application/json, application/geo+json' },
});

export class ChapterSource implements ReactiveController {
  srcState?: SrcState;
  private src?: string;
  private checkedFor?: { raw: unknown; chapters: Chapter[] };

  constructor(private host: MapHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    // The chapters property wins: then src is not fetched.
    const src = this.host.chapters ? undefined : this.host.src;
    if (src === this.src) return;
    this.src = src;
    if (src) void this.load(src);
  }

  /** The chapters shown: the `chapters` property, else `src`, else the feed; undefined while loading or with none. */
  get chapters(): Chapter[] | undefined {
    const { host } = this;
    if (host.chapters) return this.checked(host.chapters, 'chapters');
    if (host.src) return this.srcState?.status === 'ready' ? this.srcState.chapters : undefined;
    const s = host.feedState.state;
    // The page's feed loader leaves chapters unchecked: only a map needs them (chapter-check.ts).
    return s?.status === 'ready' ? this.checked(s.feed.chapters ?? [], `feed ${s.url}`) : undefined;
  }

  /** Whether the `src` document (the one in use) is loading or failed; `none` when the feed or property is used. */
  get srcStatus(): SourceStatus {
    if (!this.host.src || this.host.chapters) return 'none';
    return this.srcState?.status ?? 'loading';
  }

  /** The document the chapters came from, against which their relative links resolve. */
  get base(): string | undefined {
    if (this.host.src) return this.srcState?.status === 'ready' ? this.srcState.url : undefined;
    return this.host.feedState.state?.url;
  }

  /** Chapters checked once per value (so each problem warns once), the others kept. */
  private checked(raw: unknown, source: string): Chapter[] {
    if (this.checkedFor && this.checkedFor.raw === raw) return this.checkedFor.chapters;
    const chapters = this.parse(raw, source);
    this.checkedFor = { raw, chapters };
    return chapters;
  }

  private parse(raw: unknown, source: string): Chapter[] {
    const { chapters, problems } = parseChapters(raw);
    for (const p of problems) this.host.warnOnce(`${source}: ${p.path.replace('$.chapters', '$')} ${p.message}`);
    return chapters;
  }

  private async load(src: string) {
    const url = safeUrl(src, { context: '<chapter-map> src' });
    this.srcState = { status: 'loading' };
    this.host.requestUpdate();
    let next: SrcState;
    try {
      if (!url) throw new Error('bad URL');
      const res = await fetch(url, SRC_REQUEST);
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      next = { status: 'ready', url, chapters: this.parse(await res.json(), `chapters ${url}`) };
    } catch (e) {
      this.host.warnOnce(`<chapter-map>: the chapters at "${src}" could not be loaded (${(e as Error).message}).`);
      next = { status: 'error' };
    }
    if (src !== this.src) return;
    this.srcState = next;
    this.host.requestUpdate();
  }
}
