// The email rule shared with <petition-form> (src/core/petition-api.ts), as the server applies it:
// look-alike addresses (format characters) and IP-literal or one-letter top-level domains are refused
// with the field error, on both databases.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { normalizeEmail } from '../validate.js';
import { backends, sign, signature, startServer, type TestServer } from './helpers.js';

const LOOK_ALIKES = ['\u200b', '\u200c', '\u200d', '\u2060', '\u202e', '\u00ad', '\ufeff', '\u2066'].flatMap((c) => [
  `ann${c}@example.org`,
  `ann@exa${c}mple.org`,
  // U+FEFF at an end is trimmed as white space: the same address, not a look-alike.
  ...(c === '\ufeff' ? [] : [`ann@example.org${c}`]),
]);
const NOT_HOST_NAMES = ['ann@127.0.0.1', 'ann@[127.0.0.1]', 'ann@0x7f.1', 'ann@[::1]', 'a@x.c', 'a@example.1'];

describe('normalizeEmail: the shared rule', () => {
  it('refuses format characters anywhere, IP literals and one-letter or numeric top-level domains', () => {
    for (const bad of [...LOOK_ALIKES, ...NOT_HOST_NAMES]) assert.equal(normalizeEmail(bad), null, JSON.stringify(bad));
  });

  it('still takes ordinary and international addresses', () => {
    for (const [raw, stored] of [
      ['a@x.co', 'a@x.co'],
      ['Ann@Bücher.Example', 'ann@xn--bcher-kva.example'],
      ['ann@xn--bcher-kva.example', 'ann@xn--bcher-kva.example'],
    ])
      assert.equal(normalizeEmail(raw), stored, raw);
  });
});

for (const backend of backends) {
  describe(`email rule over HTTP: ${backend.name}`, { skip: backend.skip }, () => {
    let s: TestServer;
    before(async () => (s = await startServer(backend)));
    after(async () => s?.close());

    it('answers 400 invalid_field on email for each, and stores nothing', async () => {
      const emails = [
        'ann\u200b@example.org',
        'ann@exa\u00admple.org',
        'ann\u202e@example.org',
        'ann@127.0.0.1',
        'a@x.c',
      ];
      for (const email of emails) {
        const r = await sign(s.base, signature({ email }));
        assert.equal(r.status, 400, JSON.stringify(email));
        const message = 'This is not a valid email address.';
        assert.deepEqual(r.json().error, { code: 'invalid_field', message, field: 'email' });
      }
      assert.ok(!(await s.dump()).includes('ann'));
    });
  });
}
