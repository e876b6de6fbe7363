/**
 * The petition `<petition-form>` shows: its feed, its attributes and the server's answer,
 * resolved once per change of any of them (resolvePetition), and its live count. The signing
 * engine's source (core/signing): it takes the petition from here, and its reports become the
 * petition's events.
 */
import type { ReactiveController } from 'lit';
import { yieldToPage, type SolidarityElement } from '../../core/base-element.js';
import { FeedController } from '../../core/feed-controller.js';
import { SIGNATURE_FIELDS, type Text } from '../../core/feed-types.js';
import type { LocaleController } from '../../core/locale-controller.js';
import type { PetitionAnswer } from '../../core/petition-api.js';
import type { AttributeProblem } from '../../core/attribute-check.js';
import { safeUrl } from '../../core/url.js';
import { fromJson } from '../../core/signing/plain-data.js';
import type { ActionSource, Answer } from '../../core/signing/signing-types.js';
import {
  feedPetition,
  resolvePetition,
  type PetitionAttributes,
  type PetitionView,
  type ServerPetition,
} from './petition-view.js';
import { dictionary } from '../../core/dictionary.js';
import { httpUrl } from '../../core/signing/http-url.js';

type Host = SolidarityElement & PetitionAttributes & { feed?: string };

export class PetitionController implements ReactiveController, ActionSource<PetitionView> {
  readonly feed: FeedController;
  /** The petition as shown (undefined: none to show), resolved in the host's last update. */
  view?: PetitionView;
  /** The attribute values the view ignored (shown and warned by the element's AttributeCheck). */
  bad: AttributeProblem[] = [];
  /** The live count: the feed's, then the server's, then the one a signature answered. */
  count?: number;
  private server: ServerPetition = dictionary({});
  private countFor?: string;
  /** safeUrl's answer per value: it warns about a bad one, and the view is resolved often. */
  private urls = new Map<string, string | null>();

  constructor(
    private host: Host,
    private locale: LocaleController,
  ) {
    this.feed = new FeedController(host);
    host.addController(this);
  }

  /** Resolved once per update (an update follows any change of what the view is made of). */
  hostUpdate(): void {
    const h = this.host;
    const state = this.feed.state;
    const feed = state?.status === 'ready' ? state.feed : undefined;
    const { view, bad } = resolvePetition({
      attributes: h,
      feed,
      base: state?.url,
      server: this.server,
      lang: this.locale.lang,
      defaultConsent: this.locale.t('petition.consent'),
      url: (value, base, context) => this.url(value, base, context),
      endpoint: httpUrl,
    });
    this.view = view;
    this.bad = bad;
    if (view && view.endpoint !== this.countFor) {
      this.countFor = view.endpoint;
      this.count = feedPetition(feed, h.petition)?.count;
      void yieldToPage().then(() => this.loadCount(view.endpoint)); // the request starts in a task of its own
    }
  }

  private url(value: string | undefined, base: string | undefined, context: string): string | null {
    if (!value) return null;
    const k = `${base} ${value}`;
    if (!this.urls.has(k)) this.urls.set(k, safeUrl(value, { base, context }));
    return this.urls.get(k)!;
  }

  /** A signature accepted: the count the server answered. */
  accepted({ count }: Answer): void {
    if (typeof count === 'number') this.count = count;
    this.host.requestUpdate();
  }

  /** GET the petition for its live count (and what the server requires when there is no feed). */
  private async loadCount(endpoint: string): Promise<void> {
    try {
      const headers = dictionary({ accept: 'application/json' });
      const res = await fetch(endpoint, dictionary({ credentials: 'omit' as const, headers }));
      if (!res.ok) return;
      const data = fromJson(await res.text()) as Partial<Record<keyof PetitionAnswer, unknown>>;
      if (endpoint !== this.countFor) return;
      const { count, goal, closes, fields } = data;
      const text = (v: unknown) => (typeof v === 'string' || (typeof v === 'object' && v) ? (v as Text) : undefined);
      if (typeof count === 'number') this.count = Math.max(count, this.count ?? 0);
      this.server = {
        goal: typeof goal === 'number' ? goal : undefined,
        closes: typeof closes === 'string' ? closes : undefined,
        // Only names the widget knows (a newer server may ask for more: it then explains on submit).
        fields: Array.isArray(fields) ? SIGNATURE_FIELDS.filter((f) => fields.includes(f)) : undefined,
        consent: text(data.consent),
        title: text(data.title),
      };
      this.host.requestUpdate();
    } catch {
      // no counter is better than a broken widget
    }
  }
}
