// Console sessions end after 8 hours without a request, and a request keeps one alive; the
// database holds the token's hash, never the token. On SQLite and Postgres.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IDLE_MS, Sessions } from '../console/sessions.js';
import { backends } from './helpers.js';

for (const backend of backends) {
  describe(`console sessions (${backend.name})`, { skip: backend.skip }, () => {
    it('end after 8 hours idle; each use restarts the clock; the database never holds the token', async () => {
      const db = await backend.open();
      try {
        const sessions = new Sessions(db.store.sql());
        const t0 = new Date('2026-01-01T08:00:00Z');
        const { token, csrf } = await sessions.start('ana@party.example', t0);
        const stored = JSON.stringify(await db.query('SELECT * FROM organizer_sessions'));
        assert.ok(stored.includes('ana@party.example') && !stored.includes(token), 'only the hash is stored');

        const nearlyIdle = new Date(+t0 + IDLE_MS - 1000);
        assert.deepEqual(await sessions.find(token, nearlyIdle), { email: 'ana@party.example', csrf });
        // Used just now: 8 hours from this use, not from the start.
        const later = new Date(+nearlyIdle + IDLE_MS - 1000);
        assert.ok(await sessions.find(token, later));
        assert.equal(await sessions.find(token, new Date(+later + IDLE_MS + 1)), null);
        assert.equal(await sessions.find(token, later), null, 'an ended session stays ended');
      } finally {
        await db.cleanup();
      }
    });
  });
}
