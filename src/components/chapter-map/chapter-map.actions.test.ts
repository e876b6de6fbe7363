/**
 * A chapter's details lead on: its next events (upcoming, its own, at most three, linked to the page's
 * `<event-list>`) and "Join this chapter": a link from `join-url`, or a button that hands the chapter to
 * the page's `<join-form>`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { chaptersFeed } from '../../../test/fixtures/chapters-feed.js';
import { jsonUrl } from '../../../test/fixtures/feed.js';
import { sampleJoin } from '../../../test/fixtures/join-settings.js';
import type { SolidarityEvent } from '../../core/feed-types.js';
import { JoinForm } from '../join-form/join-form.js';
import { mapFrom, options, resetPage, root } from './chapter-map.test-kit.js';
import { joinHref, nextEvents } from './lazy/chapter-actions.js';

JoinForm.define('join-form');

const DAY = 24 * 60 * 60 * 1000;
/** An event of `chapter` starting `days` from now, two hours long. */
const event = (id: string, chapter: string | undefined, days: number): SolidarityEvent => ({
  id,
  title: `Event ${id}`,
  starts: new Date(Date.now() + days * DAY).toISOString(),
  ends: new Date(Date.now() + days * DAY + 2 * 60 * 60 * 1000).toISOString(),
  timezone: 'America/Chicago',
  location: { name: 'Union Hall' },
  ...(chapter && { chapter }),
});

const events = [
  event('later', 'chicago', 20),
  event('past', 'chicago', -3),
  event('soon', 'chicago', 2),
  event('elsewhere', 'milwaukee', 1),
  event('third', 'chicago', 9),
  event('fourth', 'chicago', 30),
  event('<img src=x onerror=alert(1)>', 'chicago', 5),
];
const feed = { ...chaptersFeed, events, join: sampleJoin };

const details = (el: Element) => root(el as never).querySelector('[part=details]');

async function selectChicago(el: Element) {
  const chicago = options(el as never).find((o) => /^Chicago$/.test(o.querySelector('.name')!.textContent!.trim()));
  chicago!.click();
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

describe('<chapter-map> chapter details: next events and joining', () => {
  beforeEach(resetPage);

  it("lists the chapter's next three events, soonest first, none past nor another chapter's, titles as text", async () => {
    expect(nextEvents(events, 'chicago').map((e) => e.id)).to.deep.equal([
      'soon',
      '<img src=x onerror=alert(1)>',
      'third',
    ]);
    const el = await mapFrom(feed);
    await selectChicago(el);
    const items = [...details(el)!.querySelectorAll('[part=events] li')];
    expect(items.map((li) => li.firstChild && li.textContent!.trim().split('\n')[0].trim())).to.deep.equal([
      'Event soon',
      'Event <img src=x onerror=alert(1)>',
      'Event third',
    ]);
    expect(details(el)!.querySelector('img')).to.equal(null);
    expect(details(el)!.querySelector('[part=events] a'), 'no event list on the page: no link').to.equal(null);
    await expect(el).shadowDom.to.be.accessible();
  });

  it("links each event to the page's <event-list> (#event-<id>)", async () => {
    const list = document.createElement('event-list');
    document.body.append(list);
    try {
      const el = await mapFrom(feed);
      await selectChicago(el);
      const links = [...details(el)!.querySelectorAll<HTMLAnchorElement>('[part=events] a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
        '#event-soon',
        `#event-${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
        '#event-third',
      ]);
    } finally {
      list.remove();
    }
  });

  it('join-url: "Join this chapter" links to it with the chapter id; an unsafe one gives no link', () => {
    expect(joinHref('https://party.example/join/{chapter}', 'chicago north')).to.equal(
      'https://party.example/join/chicago%20north',
    );
    expect(joinHref('https://party.example/join?ref=map', 'chicago')).to.equal(
      'https://party.example/join?ref=map&chapter=chicago',
    );
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (m: unknown) => warnings.push(m);
    try {
      expect(joinHref('javascript:alert(1)//{chapter}', 'chicago')).to.equal(null);
      expect(joinHref('javascript:alert(1)//{chapter}', 'milwaukee')).to.equal(null);
    } finally {
      console.warn = warn;
    }
    expect(warnings, 'one warning for the unsafe join-url, not one per render').to.have.length(1);
    expect(joinHref(undefined, 'chicago')).to.equal(null);
  });

  it('with join-url, the details link to the join page for the selected chapter', async () => {
    const el = await mapFrom(feed);
    el.joinUrl = '/join?from=map';
    await selectChicago(el);
    const join = details(el)!.querySelector<HTMLAnchorElement>('[part=join]')!;
    expect(join.textContent!.trim()).to.equal('Join this chapter');
    expect(new URL(join.href).searchParams.get('chapter')).to.equal('chicago');
  });

  it("without join-url, the button hands the chapter to the page's <join-form> and puts the reader in it", async () => {
    const form = await fixture<JoinForm>(html`<join-form feed=${jsonUrl(feed)}></join-form>`);
    try {
      const el = await mapFrom(feed);
      await selectChicago(el);
      const button = details(el)!.querySelector<HTMLButtonElement>('button[part=join]')!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await form.updateComplete;
      await new Promise((r) => setTimeout(r, 100));
      expect(form.chapter).to.equal('chicago');
      expect(document.activeElement).to.equal(form);
      expect(form.shadowRoot!.activeElement?.localName).to.equal('input');
    } finally {
      form.remove();
    }
  });

  it('without join-url and with no <join-form> on the page, offers no join', async () => {
    const el = await mapFrom(feed);
    await selectChicago(el);
    expect(details(el)!.querySelector('[part=join]')).to.equal(null);
  });
});
