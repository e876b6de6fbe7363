/**
 * `#chapter-<id>` deep links as a reactive controller: the chapter in the page's
 * address is selected once the chapters are in, and again on every `hashchange`
 * (then the map is scrolled into view).
 */
import type { ReactiveController } from 'lit';
import type { Chapter } from '../../../core/feed-types.js';
import type { MapHost } from '../map-host.js';
import type { ChapterIndex } from './chapter-index.js';

/** The chapter id in a location hash (`#chapter-<id>`, percent-decoded), else undefined. */
export function chapterIdFromHash(hash: string): string | undefined {
  const m = /^#chapter-(.+)$/.exec(hash);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

export class DeepLink implements ReactiveController {
  private applied = false;

  constructor(
    private host: MapHost,
    private o: { index(): ChapterIndex | undefined; select(chapter: Chapter): void },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('hashchange', this.onHash);
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.onHash);
  }

  hostUpdated(): void {
    if (this.applied || !this.o.index()) return;
    this.applied = true;
    this.follow(false);
  }

  private onHash = () => this.follow(true);

  private follow(scroll: boolean) {
    const id = chapterIdFromHash(location.hash);
    const chapter = id === undefined ? undefined : this.o.index()?.byId(id);
    if (!chapter) return;
    this.o.select(chapter);
    if (scroll) this.host.scrollIntoView({ block: 'start' });
  }
}
