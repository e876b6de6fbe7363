/**
 * How a new member's chapter is chosen: given by the page (the `chapter` attribute), picked from the
 * postal code as it is typed, found "near me", or chosen from the list — always editable. A chapter
 * chosen by hand (list or near me) is not replaced by the postal code; one given or found by postal
 * code is. The value is the signing's `chapter`; the note under the list says how it was chosen.
 */
import type { ReactiveController } from 'lit';
import { dictionary } from '../../core/dictionary.js';
import type { Chapter } from '../../core/feed-types.js';
import { lazy } from '../../core/lazy.js';
import type { SigningController } from '../../core/signing/signing.js';
import { pickTranslation } from '../../core/translations.js';
import type { JoinController } from './join-controller.js';
import type { JoinView } from './join-view.js';

/** The finding code (postal prefixes, nearest chapter, the position), fetched with the first interaction. */
export const finder = lazy(() => import('./lazy/chapter-finder.js'));

export type ChosenBy = 'given' | 'postal' | 'near' | 'list';

export class ChapterChoice implements ReactiveController {
  by?: ChosenBy;
  /** What the note under the list says (how the chapter was chosen, or why none was). */
  note = '';
  /** Waiting for the reader's position. */
  locating = false;

  constructor(
    private signing: SigningController<JoinView, JoinController>,
    private source: JoinController,
  ) {
    signing.host.addController(this);
  }

  /** The page's chapter, once the view knows it, until the member chooses otherwise. */
  hostUpdated(): void {
    const given = this.source.view?.given;
    if (given && !this.by) this.choose(given, 'given');
  }

  private get t() {
    return this.signing.host.locale;
  }

  /** A chapter's name in the reader's language. */
  name(c: Chapter): string {
    return pickTranslation(c.name, this.t.lang) || c.id;
  }

  private choose(id: string, by: ChosenBy, note = ''): void {
    this.by = by;
    const c = this.source.chapter(id);
    this.note = note || (by === 'given' && c ? this.t.t('join.given', { chapter: this.name(c) }) : '');
    this.signing.set({ values: dictionary({ ...this.signing.values, chapter: id }) });
    if (this.signing.problems.chapter && id) this.signing.setProblem('chapter', undefined);
  }

  /** The list: the member's own choice. */
  pick = (e: Event): void => this.choose((e.target as HTMLSelectElement).value, 'list');

  /** The postal code typed: its chapter, unless the member chose one by hand. */
  postal(code: string): void {
    if (this.by === 'list' || this.by === 'near') return;
    finder.load().then(
      (m) => {
        const view = this.source.view;
        if (!view || this.by === 'list' || this.by === 'near' || code !== this.signing.values.postal_code) return;
        const c = code.trim() ? m.chapterForPostal(view.chapters, code, this.signing.values.country) : undefined;
        if (c) this.choose(c.id, 'postal', this.t.t('join.from-postal', { code: code.trim(), chapter: this.name(c) }));
        else if (this.by !== 'given' && code.trim().length >= 3)
          this.choose('', 'postal', this.t.t('join.no-postal-match', { code: code.trim() }));
      },
      () => {}, // offline before the code came: the list is still there
    );
  }

  /** "Near me": asks for the position, then picks the nearest chapter. */
  nearMe = (): void => {
    if (this.locating) return;
    this.locating = true;
    this.note = this.t.t('join.locating');
    this.signing.host.requestUpdate();
    const failed = () => {
      this.locating = false;
      this.note = this.t.t('join.not-located');
      this.signing.host.requestUpdate();
    };
    finder.load().then(
      (m) =>
        m.locate((at) => {
          this.locating = false;
          const c = at && this.source.view && m.nearestChapter(this.source.view.chapters, at);
          if (c) this.choose(c.id, 'near', this.t.t('join.located', { chapter: this.name(c) }));
          else failed();
        }),
      failed,
    );
  };
}
