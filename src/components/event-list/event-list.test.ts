import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import { expectAttributeMessage } from '../../../test/attribute-message.js';
import { jsonUrl, sampleFeed } from '../../../test/fixtures/feed.js';
import { feedFixture, nextFrame } from '../../../test/util.js';
import type { SolidarityEvent } from '../../core/feed-types.js';
import { clearFeedCache } from '../../core/feed-loader.js';
import { OrgFeed } from '../org-feed/org-feed.js';
import { EventList } from './event-list.js';

EventList.define('event-list');

const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Events held in Chicago and Kolkata (fixed dates far ahead), one past and one in progress. */
function events(): SolidarityEvent[] {
  return [
    {
      id: 'kolkata-picket',
      title: 'Picket for the jute mill workers',
      starts: '2099-02-03T10:30:00+05:30',
      ends: '2099-02-03T13:00:00+05:30',
      timezone: 'Asia/Kolkata',
      location: { name: 'Esplanade', address: 'Esplanade, Kolkata 700069' },
      rsvp: true,
      lang: ['bn', 'en'],
    },
    {
      id: 'chicago-meeting',
      title: { en: 'Chicago branch meeting', es: 'Reunión de la sección de Chicago', fr: 'Réunion de Chicago' },
      description: { en: 'Reports and planning. *Childcare* provided.', es: 'Informes y planificación.' },
      starts: '2099-01-15T19:00:00-06:00',
      ends: '2099-01-15T21:00:00-06:00',
      timezone: 'America/Chicago',
      location: { name: 'Union Hall', address: '123 Main St, Chicago, IL' },
      chapter: 'chicago',
      rsvp: true,
      going: 12,
      lang: ['en', 'es'],
    },
    {
      id: 'past-rally',
      title: 'Rally for the autoworkers',
      starts: '2020-11-14T12:00:00-05:00',
      ends: '2020-11-14T14:00:00-05:00',
      timezone: 'America/Detroit',
      location: { name: 'Autoworkers’ Hall' },
    },
    {
      id: 'paris-now',
      title: 'Strike assembly',
      starts: iso(Date.now() - HOUR),
      ends: iso(Date.now() + HOUR),
      timezone: 'Europe/Paris',
      online_url: 'https://workers.example/assembly',
    },
  ];
}

const feedWith = (list: SolidarityEvent[] = events(), extra: object = {}) =>
  jsonUrl({ ...sampleFeed, chapters: [{ id: 'chicago', name: 'Chicago' }], events: list, ...extra });

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const items = (el: EventList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li[part=event]')];
const item = (el: EventList, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`li[data-event="${id}"]`)!;
const part = (el: EventList, id: string, name: string) =>
  squash(item(el, id).querySelector(`[part=${name}]`)?.textContent);

async function list(attributes = '', feed = feedWith()): Promise<EventList> {
  const holder = await feedFixture<HTMLElement>(
    html`<div .innerHTML=${`<event-list feed="${feed}" ${attributes}></event-list>`}></div>`,
    'event-list',
  );
  return holder as unknown as EventList;
}

describe('<event-list> for a reader in Europe/Paris', () => {
  before(() => executeServerCommand('emulate-timezone', { timezoneId: 'Europe/Paris' }));
  beforeEach(() => clearFeedCache());

  it('shows upcoming events soonest first, keeps the one in progress, hides the past one, and passes axe', async () => {
    const el = await list();
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('Europe/Paris');
    expect(items(el).map((li) => li.dataset.event)).to.deep.equal(['paris-now', 'chicago-meeting', 'kolkata-picket']);
    expect(part(el, 'paris-now', 'when')).to.match(/^Happening now /);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows each event at its own time with its zone, then the reader’s time', async () => {
    const el = await list();
    // 7 PM in Chicago (UTC−6) is 2 AM the next day in Paris (UTC+1).
    expect(part(el, 'chicago-meeting', 'when')).to.equal(
      'Thu, Jan 15, 2099, 7:00 – 9:00 PM CST · Fri, Jan 16, 2:00 – 4:00 AM in your time zone',
    );
    // 10:30 AM in Kolkata (UTC+5:30) is 6 AM the same day in Paris.
    expect(part(el, 'kolkata-picket', 'when')).to.equal(
      'Tue, Feb 3, 2099, 10:30 AM – 1:00 PM GMT+5:30 · 6:00 – 8:30 AM in your time zone',
    );
    // Held in the reader's own zone: one time, no zone named.
    expect(part(el, 'paris-now', 'when')).not.to.contain('in your time zone');
    const where = item(el, 'chicago-meeting').querySelector<HTMLElement>('[part=where]')!;
    expect(where.innerText).to.equal('Union Hall\n123 Main St, Chicago, IL');
    expect(part(el, 'paris-now', 'where')).to.equal('Online · Join online');
    expect(part(el, 'chicago-meeting', 'languages')).to.equal('In English and Spanish');
    expect(part(el, 'kolkata-picket', 'languages')).to.equal('In Bangla and English');
    expect(item(el, 'chicago-meeting').querySelector('time')!.getAttribute('datetime')).to.equal(
      '2099-01-15T19:00:00-06:00',
    );
  });

  it('“Add to calendar” downloads an .ics whose DTSTART is the event’s instant, and offers Google Calendar', async () => {
    const el = await list();
    const downloads: HTMLAnchorElement[] = [];
    el.shadowRoot!.addEventListener('click', (e) => {
      const a = e.composedPath()[0];
      if (a instanceof HTMLAnchorElement && a.hasAttribute('download')) {
        downloads.push(a);
        e.preventDefault(); // the test reads the file itself
      }
    });
    item(el, 'chicago-meeting').querySelector<HTMLButtonElement>('[part=calendar]')!.click();
    await waitUntil(() => downloads.length === 1, 'the .ics download starts');
    const [link] = downloads;
    expect(link.getAttribute('download')).to.equal('chicago-meeting.ics');
    const text = await (await fetch(link.href)).text();
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.startDate.toJSDate().toISOString()).to.equal('2099-01-16T01:00:00.000Z');
    expect(event.summary).to.equal('Chicago branch meeting');
    expect(event.uid).to.equal(`chicago-meeting@${location.host}`);
    expect(vevent.getFirstPropertyValue('url')).to.equal(`${location.href.split('#')[0]}#event-chicago-meeting`);
    const google = new URL(
      item(el, 'chicago-meeting').querySelector<HTMLAnchorElement>('[part=calendar-links] a:not([download])')!.href,
    );
    expect(google.hostname).to.equal('calendar.google.com');
    expect(google.searchParams.get('dates')).to.equal('20990116T010000Z/20990116T030000Z');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('follows #event-<id>: the event is focused on load and on hashchange, even past the limit', async () => {
    location.hash = '#event-kolkata-picket';
    try {
      const el = await list('limit="1"');
      expect(items(el).map((li) => li.dataset.event)).to.deep.equal(['paris-now', 'kolkata-picket']);
      await waitUntil(() => el.shadowRoot!.activeElement === item(el, 'kolkata-picket'), 'the linked event has focus');
      location.hash = '#event-chicago-meeting';
      await waitUntil(() => el.shadowRoot!.activeElement === item(el, 'chicago-meeting'), 'the new link is followed');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('filters by chapter, limits, and the compact variant leaves descriptions out', async () => {
    let el = await list('chapter="chicago"');
    expect(items(el).map((li) => li.dataset.event)).to.deep.equal(['chicago-meeting']);
    clearFeedCache();
    el = await list('limit="2" variant="compact"');
    expect(items(el).map((li) => li.dataset.event)).to.deep.equal(['paris-now', 'chicago-meeting']);
    expect(el.shadowRoot!.querySelector('[part=description]')).to.equal(null);
    clearFeedCache();
    el = await list();
    expect(part(el, 'chicago-meeting', 'description')).to.equal('Reports and planning. Childcare provided.');
  });

  it('says how many are going, the places left, and “Full” with the waiting list at capacity', async () => {
    const [kolkata, chicago] = events();
    const el = await list(
      '',
      feedWith([
        { ...kolkata, capacity: 40, going: 39 },
        { ...chicago, capacity: 12 },
      ]),
    );
    expect(part(el, 'kolkata-picket', 'seats')).to.equal('39 going · 1 place left');
    expect(part(el, 'chicago-meeting', 'seats')).to.equal('12 going · Full RSVPs now join the waiting list.');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('asks Intl about each time zone its feed names in a task of its own', async () => {
    // Zones no other test here uses: a zone already known is not asked about again.
    const zones = ['Pacific/Auckland', 'America/Sao_Paulo', 'Africa/Nairobi'];
    const meetings = zones.map((timezone, i) => ({ ...events()[1], id: `meeting-in-${i}`, timezone }));
    const scheduler = (globalThis as unknown as { scheduler: { yield: () => Promise<void> } }).scheduler;
    const [originalYield, OriginalFormat] = [scheduler.yield, Intl.DateTimeFormat];
    // Each yield to the page ends a task: code between two yields runs in the same one.
    let task = 0;
    scheduler.yield = () => {
      task += 1;
      return originalYield.call(scheduler);
    };
    const firstAsked = new Map<string, number>();
    Intl.DateTimeFormat = new Proxy(OriginalFormat, {
      construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        const zone = args[1]?.timeZone;
        if (zone && !firstAsked.has(zone)) firstAsked.set(zone, task);
        return Reflect.construct(target, args);
      },
    });
    try {
      const el = await list('', feedWith(meetings));
      expect(items(el)).to.have.length(3);
    } finally {
      Intl.DateTimeFormat = OriginalFormat;
      scheduler.yield = originalYield;
    }
    const tasks = zones.map((zone) => firstAsked.get(zone));
    expect(new Set(tasks).size, `the task each zone was first asked about in: ${tasks.join(', ')}`).to.equal(3);
  });

  it('grows a long list a slice per task, and updateComplete waits for the whole list', async () => {
    const many = Array.from({ length: 13 }, (_, i) => ({
      ...events()[1],
      id: `meeting-${i}`,
      starts: `2099-03-${String(i + 1).padStart(2, '0')}T19:00:00-06:00`,
      ends: `2099-03-${String(i + 1).padStart(2, '0')}T21:00:00-06:00`,
    }));
    const loaded = new Promise((resolve) => document.addEventListener('feed-load', resolve, { once: true }));
    // Observed from the start: fixture() waits a frame, which a page in the background may not get for long.
    const el = fixtureSync<EventList>(html`<event-list feed=${feedWith(many)}></event-list>`);
    const seen: number[] = [];
    new MutationObserver(() => {
      const n = items(el).length;
      if (n && n !== seen[seen.length - 1]) seen.push(n);
    }).observe(el.shadowRoot!, { childList: true, subtree: true });
    await loaded;
    await el.updateComplete;
    expect(items(el).map((li) => li.dataset.event)).to.deep.equal(many.map((e) => e.id));
    expect(seen, 'the events shown after each render').to.deep.equal(many.map((_, i) => i + 1));
  });

  it('says when there is nothing upcoming', async () => {
    const el = await list('', feedWith([events()[2]]));
    expect(squash(el.shadowRoot!.querySelector('[part=message]')?.textContent)).to.equal('No upcoming events.');
  });

  it('speaks Spanish and French, and reads right to left', async () => {
    let el = await list('lang="es"');
    await waitUntil(() => part(el, 'chicago-meeting', 'when').includes('en tu zona horaria'), 'Spanish strings come');
    expect(part(el, 'chicago-meeting', 'title')).to.equal('Reunión de la sección de Chicago');
    expect(part(el, 'chicago-meeting', 'when')).to.equal(
      'jue, 15 ene 2099, 19:00–21:00 GMT-6 · vie, 16 ene, 2:00–4:00 en tu zona horaria',
    );
    expect(part(el, 'chicago-meeting', 'languages')).to.equal('En inglés y español');
    expect(squash(item(el, 'chicago-meeting').querySelector('[part=calendar]')!.textContent)).to.equal(
      'Añadir al calendario',
    );
    clearFeedCache();
    el = await list('lang="fr"');
    await waitUntil(() => part(el, 'chicago-meeting', 'when').includes('dans votre fuseau horaire'));
    expect(part(el, 'chicago-meeting', 'when')).to.contain('19:00');
    await expect(el).shadowDom.to.be.accessible();
    clearFeedCache();
    el = await list('lang="ar" dir="rtl"');
    const li = item(el, 'chicago-meeting');
    const actions = li.querySelector<HTMLElement>('[part=actions]')!;
    await nextFrame();
    // Logical properties: in RTL the first button sits at the inline start, on the right.
    const first = actions.firstElementChild!.getBoundingClientRect();
    expect(first.right).to.be.closeTo(actions.getBoundingClientRect().right, 1);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows hostile titles and places as text', async () => {
    const hostile = '<img src=x onerror="window.pwned=1">';
    const [kolkata] = events();
    const el = await list(
      '',
      feedWith([{ ...kolkata, title: hostile, location: { name: hostile }, description: hostile }]),
    );
    expect(part(el, 'kolkata-picket', 'title')).to.equal(hostile);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });
});

describe('<event-list> attributes', () => {
  beforeEach(() => clearFeedCache());

  it('shows a bad variant, limit or chapter on its first render and warns once', async () => {
    await expectAttributeMessage(
      '<event-list variant="grid"></event-list>',
      'The variant setting “grid” is not valid. Use list or compact; showing the list.',
      '<event-list> variant="grid": The variant',
    );
    await expectAttributeMessage(
      '<event-list limit="0"></event-list>',
      'The limit setting “0” is not valid. Use a positive whole number; showing every upcoming event.',
      '<event-list> limit="0": The limit',
    );
    await expectAttributeMessage(
      '<event-list heading-level="9"></event-list>',
      'The heading-level setting “9” is not valid. Use a number from 2 to 6; using 2.',
      '<event-list> heading-level="9": The heading-level',
    );
    await expectAttributeMessage(
      `<event-list chapter="chicgo" feed="${feedWith()}"></event-list>`,
      'The chapter setting “chicgo” is not valid. Use the id of a chapter in the feed',
      '<event-list> chapter="chicgo": The chapter',
    );
  });

  it('skips a bad event with a warning naming its path, and shows the rest', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      const [kolkata, chicago] = events();
      const el = await list('', feedWith([{ ...kolkata, starts: '2099-02-03 10:30' }, chicago]));
      expect(items(el).map((li) => li.dataset.event)).to.deep.equal(['chicago-meeting']);
      expect(warnings.some((w) => w.includes('$.events[0].starts'))).to.equal(true);
    } finally {
      console.warn = warn;
    }
  });

  it('takes its feed from an enclosing <org-feed>', async () => {
    OrgFeed.define('org-feed');
    const el = await feedFixture<EventList>(
      html`<org-feed src=${feedWith()}><event-list limit="1"></event-list></org-feed>`,
      'event-list',
    );
    await waitUntil(() => items(el).length === 1, 'the list shows');
    expect(items(el)[0].dataset.event).to.equal('paris-now');
  });

  it('shows its own content when there is no feed', async () => {
    const el = await fixture<EventList>(html`<event-list><p>Meetings every Tuesday.</p></event-list>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('slot')).not.to.equal(null);
    expect(el.querySelector('p')!.getClientRects().length).to.be.greaterThan(0);
  });
});
