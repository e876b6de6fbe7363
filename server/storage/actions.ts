// RSVPs and members on either database (action-types.ts), each write one transaction written
// once as steps (sql-steps.ts). An RSVP first writes its event's counter row, which holds that
// row's lock until the commit: RSVPs to one event (from every server) take turns there, so the
// seat count they read is the one they update, and exactly `capacity` are admitted.
import type {
  ActionStore,
  EventCounts,
  Member,
  MemberConfirmation,
  NewMember,
  NewRsvp,
  Rsvp,
  RsvpOutcome,
  RsvpStatus,
} from './action-types.js';
import { actionKey } from './action-types.js';
import type { OutboxEvent } from './outbox-types.js';
import { signerHash } from './signer.js';
import type { SqlRow } from './sql.js';
import { sql, type StepRunner, type Steps } from './sql-steps.js';
import { ChallengeSpentError, type Confirmation, type KeyedAnswer, type SpentChallenge } from './types.js';

const PAGE = 1000;
const SIGNER = 'given_name, family_name, postal_code, country, phone, comment, source, origin, consent_sha256';
const RSVP_COLUMNS = `event, email, ${SIGNER}, status, rsvped_at`;
const MEMBER_COLUMNS = `email, chapter, ${SIGNER}, status, lang, joined_at, confirmed_at`;
const signerValues = (s: Rsvp | Member) => [
  ...[s.given_name, s.family_name, s.postal_code, s.country, s.phone, s.comment],
  ...[s.source, s.origin, s.consent_sha256],
];

function* spend(challenge: SpentChallenge | undefined): Steps<void> {
  if (!challenge) return;
  const spent = yield sql(
    'INSERT INTO spent_challenges (signature, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
    challenge.signature,
    challenge.expiresAt.toISOString(),
  );
  if (spent.changes !== 1) throw new ChallengeSpentError();
}

function* insertEvents(events: OutboxEvent[]): Steps<void> {
  for (const e of events) {
    yield sql(
      `INSERT INTO outbox (event_id, destination, type, body, signer_sha256, created_at, give_up_at, next_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ...[e.event_id, e.destination, e.type, e.body, e.signer_sha256, e.created_at, e.give_up_at, e.created_at],
    );
  }
}

/** Stores the 201 answer for a claimed key (storage/types.ts, KeyedAnswer). */
function* putKey(scope: string, idem: KeyedAnswer | null, body: string, now: Date, signer: string | null) {
  if (!idem) return;
  yield sql(
    `INSERT INTO idempotency_keys (petition, key, body_sha256, status, response, created_at, signer_sha256)
     VALUES (?, ?, ?, 201, ?, ?, ?)
     ON CONFLICT (petition, key) DO UPDATE SET body_sha256 = excluded.body_sha256, status = excluded.status,
       response = excluded.response, created_at = excluded.created_at, signer_sha256 = excluded.signer_sha256`,
    ...[scope, idem.key, idem.bodySha256, body, now.toISOString(), signer],
  );
}

const counts = (row: SqlRow | undefined): EventCounts => ({
  going: Number(row?.going ?? 0),
  waitlisted: Number(row?.waitlisted ?? 0),
});

const seatFor = (c: EventCounts, capacity: number | null): RsvpStatus =>
  capacity === null || c.going < capacity ? 'going' : 'waitlisted';

export class SqlActionStore implements ActionStore {
  constructor(private readonly db: StepRunner) {}

  rsvp(r: NewRsvp): Promise<RsvpOutcome> {
    const lock = this.db.kind === 'postgres' ? ' FOR UPDATE' : ''; // SQLite: BEGIN IMMEDIATE locked it all
    return this.db.tx(
      (function* (): Steps<RsvpOutcome> {
        yield* spend(r.challenge);
        yield sql(
          'INSERT INTO event_counts (event, going, waitlisted) VALUES (?, 0, 0) ON CONFLICT DO NOTHING',
          r.event,
        );
        const row = (yield sql(`SELECT going, waitlisted FROM event_counts WHERE event = ?${lock}`, r.event)).rows[0];
        const now = counts(row);
        let status = seatFor(now, r.capacity);
        const rsvp = r.rsvp;
        if (rsvp) {
          const prev = (yield sql('SELECT status FROM rsvps WHERE event = ? AND email = ?', r.event, rsvp.email)).rows;
          if (prev.length) status = prev[0].status as RsvpStatus;
          else {
            const stored = { ...rsvp, status };
            yield sql(
              `INSERT INTO rsvps (${RSVP_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
              ...[r.event, rsvp.email, ...signerValues(rsvp), status, rsvp.rsvped_at],
            );
            now[status]++;
            yield sql(
              'UPDATE event_counts SET going = ?, waitlisted = ? WHERE event = ?',
              now.going,
              now.waitlisted,
              r.event,
            );
            yield* insertEvents(r.events(stored));
          }
        }
        const outcome = { status, ...now };
        const signer = rsvp && signerHash(actionKey('event', r.event), rsvp.email);
        yield* putKey(actionKey('event', r.event), r.idem, r.answer(outcome), r.now, signer);
        return outcome;
      })(),
    );
  }

  async eventCounts(event: string): Promise<EventCounts> {
    return counts((await this.db.all('SELECT going, waitlisted FROM event_counts WHERE event = ?', [event]))[0]);
  }

  async allEventCounts(): Promise<Map<string, EventCounts>> {
    const rows = await this.db.all('SELECT event, going, waitlisted FROM event_counts');
    return new Map(rows.map((row) => [row.event as string, counts(row)]));
  }

  join(m: NewMember): Promise<Member | null> {
    const lock = this.db.kind === 'postgres' ? ' FOR UPDATE' : ''; // a repeat's resend is decided once
    return this.db.tx(
      (function* (): Steps<Member | null> {
        yield* spend(m.challenge);
        const member = m.member;
        let stored: Member | null = null;
        if (member) {
          const at = m.now.toISOString();
          const added = yield sql(
            `INSERT INTO members (${MEMBER_COLUMNS}, mailed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (email) DO NOTHING`,
            ...[member.email, member.chapter, ...signerValues(member), member.status, member.lang],
            ...[member.joined_at, member.confirmed_at, m.confirm ? at : null],
          );
          const row = (yield sql(
            `SELECT ${MEMBER_COLUMNS}, mailed_at FROM members WHERE email = ?${lock}`,
            member.email,
          )).rows[0];
          stored = row as unknown as Member;
          if (added.changes) yield* insertEvents(m.events(stored));
          const mailedAt = row.mailed_at === null ? 0 : Date.parse(row.mailed_at as string);
          const due = added.changes > 0 || m.now.getTime() - mailedAt >= (m.confirm?.resendAfterMs ?? 0);
          if (m.confirm && stored.status === 'pending' && due) yield* mailConfirmation(stored, m.confirm, at);
          delete (stored as Partial<{ mailed_at: unknown }>).mailed_at;
        }
        const signer = member && signerHash(actionKey('join'), member.email);
        yield* putKey(actionKey('join'), m.idem, m.answer(stored), m.now, signer);
        return stored;
      })(),
    );
  }

  /** Follows a member's confirmation token; 'unknown' for a token that is not a member's. */
  confirmMember(tokenSha256: string, now: Date, events: (m: Member) => OutboxEvent[]): Promise<Confirmation> {
    return this.db.tx(
      (function* (): Steps<Confirmation> {
        const t = (yield sql(
          'SELECT email, lang, expires_at, used_at FROM confirm_tokens WHERE token_sha256 = ? AND petition = ?',
          tokenSha256,
          actionKey('join'),
        )).rows[0];
        if (!t) return { state: 'unknown' };
        const found = { petition: actionKey('join'), lang: t.lang as string };
        const row = (yield sql(`SELECT ${MEMBER_COLUMNS} FROM members WHERE email = ?`, t.email)).rows[0];
        if (t.used_at || row?.status === 'member') return { state: 'already', ...found };
        if (Date.parse(t.expires_at as string) < now.getTime()) return { state: 'expired', ...found };
        if (!row) return { state: 'unknown' }; // the pending member is gone (retention, erasure)
        const at = now.toISOString();
        yield sql("UPDATE members SET status = 'member', confirmed_at = ? WHERE email = ?", at, t.email);
        yield sql('UPDATE confirm_tokens SET used_at = ? WHERE token_sha256 = ?', at, tokenSha256);
        yield* insertEvents(events({ ...(row as unknown as Member), status: 'member', confirmed_at: at }));
        return { state: 'confirmed', ...found };
      })(),
    );
  }

  async memberCounts(): Promise<{ members: number; pending: number }> {
    const rows = await this.db.all('SELECT status, count(*) AS n FROM members GROUP BY status');
    const of = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
    return { members: of('member'), pending: of('pending') };
  }

  async *exportRsvps(event: string): AsyncIterable<Rsvp> {
    yield* this.pages(`SELECT ${RSVP_COLUMNS} FROM rsvps WHERE event = ? AND`, 'rsvped_at', [
      event,
    ]) as AsyncIterable<Rsvp>;
  }

  async *exportMembers(): AsyncIterable<Member> {
    yield* this.pages(`SELECT ${MEMBER_COLUMNS} FROM members WHERE`, 'joined_at', []) as AsyncIterable<Member>;
  }

  /** Rows oldest first, a page at a time (keyset on time and email). */
  private async *pages(select: string, time: string, params: string[]): AsyncIterable<SqlRow> {
    let after = ['', ''];
    const cast = this.db.kind === 'postgres' ? `(?::timestamptz, ?)` : '(?, ?)';
    for (let first = true; ; first = false) {
      const where = first ? '1 = 1' : `(${time}, email) > ${cast}`;
      const rows = await this.db.all(`${select} ${where} ORDER BY ${time}, email LIMIT ${PAGE}`, [
        ...params,
        ...(first ? [] : after),
      ]);
      yield* rows;
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1];
      after = [last[time] as string, last.email as string];
    }
  }

  erase(email: string, events: OutboxEvent[]): Promise<number> {
    return this.db.tx(
      (function* (): Steps<number> {
        const held = (yield sql('SELECT event, status FROM rsvps WHERE email = ?', email)).rows;
        for (const r of held) {
          const field = r.status === 'going' ? 'going' : 'waitlisted';
          // Also takes the event's row lock: RSVPs to the event wait for this erasure.
          yield sql(`UPDATE event_counts SET ${field} = ${field} - 1 WHERE event = ?`, r.event);
          const signer = signerHash(actionKey('event', r.event as string), email);
          yield sql(
            'DELETE FROM idempotency_keys WHERE petition = ? AND signer_sha256 = ?',
            actionKey('event', r.event as string),
            signer,
          );
          yield sql("DELETE FROM outbox WHERE signer_sha256 = ? AND type NOT LIKE '%.erased'", signer);
        }
        const rsvps = (yield sql('DELETE FROM rsvps WHERE email = ?', email)).changes;
        // A freed seat goes to the waiting list's first, not to whoever RSVPs next.
        for (const r of held.filter((h) => h.status === 'going')) yield* promoteFirstWaiting(r.event as string);
        const joined = signerHash(actionKey('join'), email);
        yield sql('DELETE FROM idempotency_keys WHERE petition = ? AND signer_sha256 = ?', actionKey('join'), joined);
        yield sql("DELETE FROM outbox WHERE signer_sha256 = ? AND type NOT LIKE '%.erased'", joined);
        yield sql('DELETE FROM confirm_tokens WHERE petition = ? AND email = ?', actionKey('join'), email);
        const members = (yield sql('DELETE FROM members WHERE email = ?', email)).changes;
        if (rsvps + members > 0) yield* insertEvents(events);
        return rsvps + members;
      })(),
    );
  }

  purgePending(before: Date): Promise<number> {
    return this.db.tx(
      (function* (): Steps<number> {
        return (yield sql("DELETE FROM members WHERE status = 'pending' AND joined_at < ?", before.toISOString()))
          .changes;
      })(),
    );
  }

  purge(before: Date): Promise<number> {
    const at = before.toISOString();
    return this.db.tx(
      (function* (): Steps<number> {
        const rsvps = (yield sql('DELETE FROM rsvps WHERE rsvped_at < ?', at)).changes;
        if (rsvps) {
          const count = (status: RsvpStatus) =>
            `(SELECT count(*) FROM rsvps r WHERE r.event = event_counts.event AND r.status = '${status}')`;
          yield sql(`UPDATE event_counts SET going = ${count('going')}, waitlisted = ${count('waitlisted')}`);
        }
        return rsvps + (yield sql('DELETE FROM members WHERE joined_at < ?', at)).changes;
      })(),
    );
  }
}

/** The earliest waitlisted RSVP of an event, if any, takes a seat. */
function* promoteFirstWaiting(event: string): Steps<void> {
  const first = (yield sql(
    "SELECT email FROM rsvps WHERE event = ? AND status = 'waitlisted' ORDER BY rsvped_at, email LIMIT 1",
    event,
  )).rows[0];
  if (!first) return;
  yield sql("UPDATE rsvps SET status = 'going' WHERE event = ? AND email = ?", event, first.email);
  yield sql('UPDATE event_counts SET going = going + 1, waitlisted = waitlisted - 1 WHERE event = ?', event);
}

/** Queues a confirmation email with a new token for a pending member, and notes when it went. */
function* mailConfirmation(member: Member, c: MemberConfirmation, at: string): Steps<void> {
  yield sql(
    'INSERT INTO confirm_tokens (token_sha256, petition, email, lang, expires_at) VALUES (?, ?, ?, ?, ?)',
    ...[c.tokenSha256, actionKey('join'), member.email, member.lang, c.expiresAt.toISOString()],
  );
  yield sql(
    'INSERT INTO mail_queue (to_address, subject, body_text, body_html, next_attempt_at) VALUES (?, ?, ?, ?, ?)',
    ...[c.mail.to, c.mail.subject, c.mail.text, c.mail.html, at],
  );
  yield sql('UPDATE members SET mailed_at = ? WHERE email = ?', at, member.email);
}
