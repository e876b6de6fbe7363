// The race for the last seats across two real servers (the CLI, as deployed) on one Postgres:
// the event's counter row is locked in each RSVP's transaction, so every server's RSVPs take
// turns there and exactly `capacity` are admitted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EVENTS_FEED, rsvp } from './action-helpers.js';
import { signature } from './helpers.js';
import { postgres, startServers, type Rig } from './two-servers.js';

describe('events on two servers, one Postgres', { skip: postgres.skip }, () => {
  let rig: Rig;
  before(async () => (rig = await startServers({ feed: EVENTS_FEED })));
  after(async () => rig?.close());

  it('60 RSVPs for 5 seats, spread over two servers, admit exactly 5 and waitlist 55', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => rsvp(rig.spread(i), 'race', signature({ email: `two${i}@example.org` }))),
    );
    assert.ok(
      answers.every((a) => a.status === 201),
      answers.map((a) => a.text).join('\n'),
    );
    assert.equal(answers.filter((a) => a.json().status === 'going').length, 5);
    const rows = await rig.query("SELECT status, count(*)::int AS n FROM rsvps WHERE event = 'race' GROUP BY status");
    assert.deepEqual(Object.fromEntries(rows.map((r) => [r.status, r.n])), { going: 5, waitlisted: 55 });
    const counts = await rig.query("SELECT going::int, waitlisted::int FROM event_counts WHERE event = 'race'");
    assert.deepEqual({ ...counts[0] }, { going: 5, waitlisted: 55 });
  });
});
