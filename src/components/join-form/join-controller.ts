/**
 * The join form `<join-form>` shows: the feed's `join` and chapters and the element's attributes,
 * resolved once per update (resolveJoin), and the server's answer to this member. The signing
 * engine's source (core/signing): it takes the form from here and tells it what the server answered.
 */
import type { ReactiveController } from 'lit';
import type { AttributeProblem } from '../../core/attribute-check.js';
import type { SolidarityElement } from '../../core/base-element.js';
import { FeedController } from '../../core/feed-controller.js';
import type { Chapter } from '../../core/feed-types.js';
import type { LocaleController } from '../../core/locale-controller.js';
import type { ActionSource, Answer } from '../../core/signing/signing-types.js';
import { safeUrl } from '../../core/url.js';
import { httpUrl } from '../../core/signing/http-url.js';
import { feedJoin } from './join-source.js';
import { resolveJoin, type JoinAttributes, type JoinView } from './join-view.js';

type Host = SolidarityElement & JoinAttributes & { feed?: string };

/** What the server answered to this member's join. */
export interface Joined {
  /** The chapter stored with the member (the one chosen, else the server's pick by postal code). */
  chapter?: Chapter;
  /** The member still has to confirm by email. */
  pending: boolean;
}

export class JoinController implements ReactiveController, ActionSource<JoinView> {
  readonly feed: FeedController;
  /** The form as shown (undefined: nothing to join), resolved in the host's last update. */
  view?: JoinView;
  /** The attribute values the view ignored (shown and warned by the element's AttributeCheck). */
  bad: AttributeProblem[] = [];
  /** The server's answer, once it has accepted this member. */
  joined?: Joined;
  /** safeUrl's answer per value: it warns about a bad one, and the view is resolved often. */
  private urls = new Map<string, string | null>();

  /** `chosen` is the chapter chosen so far ('' for none). */
  constructor(
    private host: Host,
    private locale: LocaleController,
    private chosen: () => string,
  ) {
    this.feed = new FeedController(host);
    host.addController(this);
  }

  hostUpdate(): void {
    const state = this.feed.state;
    const feed = state?.status === 'ready' ? state.feed : undefined;
    const { view, bad } = resolveJoin({
      attributes: this.host,
      found: feed && feedJoin(feed, (p) => this.host.warnOnce(`<join-form>: feed problem ${p}`)),
      org: feed?.org,
      base: state?.url,
      lang: this.locale.lang,
      chosen: this.chosen(),
      defaultConsent: this.locale.t('join.consent'),
      url: (value, base, context) => this.url(value, base, context),
      endpoint: httpUrl,
    });
    this.view = view;
    this.bad = bad;
  }

  private url(value: string | undefined, base: string | undefined, context: string): string | null {
    if (!value) return null;
    const k = `${base} ${value}`;
    if (!this.urls.has(k)) this.urls.set(k, safeUrl(value, { base, context }));
    return this.urls.get(k)!;
  }

  /** A chapter of the form by id. */
  chapter(id: string | null | undefined): Chapter | undefined {
    return id ? this.view?.chapters.find((c) => c.id === id) : undefined;
  }

  /** The server accepted the member (`JoinAnswer`: the chapter stored, and whether they must confirm). */
  accepted({ chapter, pending }: Answer): void {
    this.joined = { chapter: this.chapter(typeof chapter === 'string' ? chapter : null), pending: pending === true };
    this.host.requestUpdate();
  }
}
