// A feed's events and join, as the server, `check` and the console check them (event-check.ts),
// and the sample feed `npm start` serves.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { postalMatch } from '../../src/core/postal-match.js';
import type { Chapter } from '../../src/core/feed-types.js';
import { checkServerFeed } from '../feed.js';
import { finish, repoRoot, runCli, tempDir } from './helpers.js';

const SAMPLE = path.join(repoRoot, 'sample', 'feed.json');
const chapter = { id: 'chicago', name: 'Chicago', lat: 41.88, lng: -87.63 };
const good = {
  id: 'meeting',
  title: 'Branch meeting',
  starts: '2027-01-14T19:00:00-06:00',
  ends: '2027-01-14T21:00:00-06:00',
  timezone: 'America/Chicago',
  location: { name: 'Union Hall', address: '123 Main St' },
  chapter: 'chicago',
  rsvp: true,
  capacity: 40,
};

/** The problems of a feed holding these events and join, as "path: message" lines. */
function problemsOf(events: unknown[], join?: unknown): string[] {
  const { problems } = checkServerFeed({ version: 1, chapters: [chapter], events, join });
  return problems.map((p) => `${p.path}: ${p.message}`);
}

describe('feed events and join', () => {
  it('keeps a good event and join as they are', () => {
    const join = { title: 'Join us', fields: ['given_name', 'email', 'postal_code', 'chapter'], confirm: true };
    const online = {
      ...good,
      id: 'webinar',
      location: undefined,
      chapter: undefined,
      online_url: 'https://x.example/w',
    };
    const { feed, problems } = checkServerFeed({ version: 1, chapters: [chapter], events: [good, online], join });
    assert.deepEqual(problems, []);
    assert.deepEqual(
      feed!.events!.map((e) => e.id),
      ['meeting', 'webinar'],
    );
    assert.deepEqual({ ...feed!.events![0].location }, good.location);
    assert.deepEqual({ ...feed!.join }, join);
  });

  it('names each bad event field with its path and a specific message, and skips the event', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ timezone: 'America/Chicag' }, /^\$\.events\[0\]\.timezone: must be an IANA time zone .*"America\/Chicag"/],
      [{ timezone: '+05:30' }, /\.timezone: must be an IANA time zone/],
      [{ starts: '2027-01-14T19:00:00' }, /\.starts: must be a date and time with its UTC offset/],
      [{ starts: '14 January 2027' }, /\.starts: must be a date and time with its UTC offset/],
      [{ ends: '2027-01-14T18:00:00-06:00' }, /\.ends: must be after starts \(2027-01-14T19:00:00-06:00\)/],
      [{ location: undefined }, /\.location: is required when there is no online_url/],
      [{ online_url: 'https://x.example/w' }, /\.online_url: must not be given with location/],
      [{ location: undefined, online_url: 'javascript:alert(1)' }, /\.online_url: must be an http: or https: URL/],
      [{ location: { address: 'Main St' } }, /\.location\.name: is required/],
      [{ location: 'Union Hall' }, /\.location: must be an object, got a string/],
      [{ chapter: 'atlantis' }, /\.chapter: "atlantis" is not the id of a chapter in this feed/],
      [{ capacity: 0 }, /\.capacity: must be a whole number from 1/],
      [{ capacity: 2.5 }, /\.capacity: must be a whole number from 1/],
      [{ fields: ['email', 'shoe_size'] }, /\.fields\[1\]: "shoe_size" is not a signature field/],
      [{ title: undefined }, /\.title: is required/],
      [{ timezone: undefined }, /\.timezone: is required/],
    ];
    for (const [change, expected] of cases) {
      const lines = problemsOf([{ ...good, ...change }]);
      assert.ok(
        lines.some((l) => expected.test(l)),
        `${JSON.stringify(change)} → ${lines.join(' | ')}`,
      );
      const { feed } = checkServerFeed({ version: 1, chapters: [chapter], events: [{ ...good, ...change }] });
      const kept = feed!.events!.length === 1;
      // A bad field name is dropped from the list; everything else makes the event unusable.
      assert.equal(kept, 'fields' in change, JSON.stringify(change));
    }
  });

  it('drops a bad language tag and a repeated event id, keeping the rest', () => {
    const lines = problemsOf([{ ...good, lang: ['en', 'not a tag'] }, good]);
    assert.deepEqual(lines, [
      '$.events[0].lang[1]: must be a language tag like en or es-MX, got "not a tag"',
      '$.events[1].id: repeats the id "meeting"; skipped',
    ]);
  });

  it('checks join: an object, with join field names only', () => {
    assert.deepEqual(problemsOf([], { fields: ['email', 'chapter', 'favourite_colour'] }), [
      '$.join.fields[2]: "favourite_colour" is not a join field ' +
        '(given_name, family_name, email, postal_code, country, phone, comment, chapter)',
    ]);
    assert.deepEqual(problemsOf([], 'yes'), ['$.join: must be an object, got a string']);
    assert.deepEqual(problemsOf([], { confirm: 'yes' }), ['$.join.confirm: must be true or false, got a string']);
  });

  it('check FEED reports event problems by path and exits 1', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'feed.json');
    fs.writeFileSync(file, JSON.stringify({ version: 1, chapters: [chapter], events: [{ ...good, chapter: 'x' }] }));
    const bad = await finish(runCli(['check', file]));
    assert.equal(bad.code, 1);
    assert.match(bad.out, /\$\.events\[0\]\.chapter: "x" is not the id of a chapter in this feed/);
  });

  it('the sample feed has events in Chicago, online, in Kolkata, one past, one small, and a join form', () => {
    const { feed, problems } = checkServerFeed(JSON.parse(fs.readFileSync(SAMPLE, 'utf8')));
    assert.deepEqual(problems, []);
    const events = feed!.events!;
    const zones = events.map((e) => e.timezone);
    assert.ok(zones.includes('America/Chicago') && zones.includes('Asia/Kolkata'));
    assert.ok(
      events.some((e) => e.online_url && (e.lang ?? []).length > 1),
      'a bilingual webinar online',
    );
    assert.ok(
      events.some((e) => Date.parse(e.ends ?? e.starts) < Date.parse('2026-12-01T00:00:00Z')),
      'one past',
    );
    const upcoming = events.filter((e) => Date.parse(e.starts) > Date.parse('2027-10-01T00:00:00Z'));
    assert.equal(upcoming.length, events.length - 1, 'the others stay upcoming until late 2027');
    assert.ok(
      events.some((e) => e.capacity !== undefined && e.capacity <= 20),
      'one with a small capacity',
    );
    assert.deepEqual(feed!.join!.fields, ['given_name', 'family_name', 'email', 'postal_code', 'chapter']);
    assert.ok(feed!.join!.consent);
  });

  it("postal code 60614 maps to Chicago's North Side chapter (then Chicago) by the longest-prefix rule", () => {
    const { feed } = checkServerFeed(JSON.parse(fs.readFileSync(SAMPLE, 'utf8')));
    const chapters: Chapter[] = feed!.chapters;
    const ids = (found: number[]) => found.map((i) => chapters[i].id);
    assert.deepEqual(ids(postalMatch(chapters, '60614', 'US')), ['chicago-north', 'chicago']);
    assert.deepEqual(ids(postalMatch(chapters, '60601')), ['chicago']);
    assert.equal(chapters.find((c) => c.id === 'chicago-north')!.city, 'Chicago');
  });
});
