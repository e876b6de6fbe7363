/**
 * What the <petition-form> browser tests share: the project's REAL server (started by
 * test/fixtures/petition-server.mjs with test/fixtures/petition-feed.json; signatures go over http
 * to 127.0.0.1), a record of every POST (and ways to lose or fake answers), going offline, and
 * rendering and filling a widget. Imported by petition-form.test.ts and signing.test.ts.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clearFeedCache } from '../../core/feed-loader.js';
import { QUEUE_KEY } from '../../core/signing/offline-queue.js';
import { OrgFeed } from '../org-feed/org-feed.js';
import { PetitionForm } from './petition-form.js';

PetitionForm.define('petition-form');
OrgFeed.define('org-feed');

/** The test server's address and the organizers' token, and its feed's URL (set before the tests). */
export const env = { server: { url: '', token: '' }, feedUrl: '' };

export const unique = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export async function serverCount(id: string): Promise<number> {
  const res = await fetch(`${env.server.url}/api/petitions/${id}`);
  return ((await res.json()) as { count: number }).count;
}

import { net, posts, realFetch, setOnline } from '../../core/signing/testing.js';

export { net, posts, realFetch, setOnline };

export const root = (el: PetitionForm) => el.shadowRoot!;
export const $ = <T extends Element = HTMLInputElement>(el: PetitionForm, sel: string) =>
  root(el).querySelector<T>(sel)!;

type Attrs = { lang?: string; fields?: string; goal?: string; source?: string };

/** Renders a widget and waits until its form (or message) and its live count show. */
export async function widget(petition: string, attrs: Attrs = {}) {
  const el = await fixture<PetitionForm>(
    html`<petition-form
      feed=${env.feedUrl}
      petition=${petition}
      lang=${attrs.lang ?? 'en'}
      fields=${attrs.fields ?? ''}
      goal=${attrs.goal ?? ''}
      source=${attrs.source ?? ''}
    ></petition-form>`,
  );
  await waitUntil(() => root(el).querySelector('.counter'), `the count of ${petition} shows`, { timeout: 10000 });
  await waitUntil(() => root(el).querySelector('form, [part=message]'), `the form of ${petition} shows`);
  return el;
}

export async function fill(el: PetitionForm, values: Record<string, string>, consent = true) {
  for (const [f, v] of Object.entries(values)) {
    const input = $(el, `#f-${f}`);
    input.focus();
    await el.updateComplete; // leaving the last field may re-render
    input.select(); // typing replaces what was there, as a person would
    await sendKeys({ type: v });
    input.dispatchEvent(new Event('change'));
  }
  if (consent && !$(el, '#consent').checked) $(el, '#consent').click();
  await el.updateComplete;
}

export const person = () => ({
  given_name: 'Rosa',
  family_name: 'Parks',
  email: `${unique()}@example.org`,
  postal_code: '60601',
});

/** A widget with a new person's details filled in and consent given, and the server's count before signing. */
export async function filledWidget(petition: string) {
  const el = await widget(petition);
  const before = await serverCount(petition);
  await fill(el, person());
  return { el, before };
}

/** The hooks every describe of these tests needs: the server's address, a clean network record and storage. */
export function usePetitionServer(): void {
  before(async () => {
    env.server = await (await realFetch('/test-server-url')).json();
    env.feedUrl = `${env.server.url}/feed.json`;
  });

  beforeEach(() => {
    clearFeedCache();
    posts.length = 0;
    net.lose = 0;
    net.fake = undefined;
    setOnline(true);
    localStorage.removeItem(QUEUE_KEY);
  });

  after(() => {
    setOnline(true);
    localStorage.removeItem(QUEUE_KEY);
  });
}
