// Small pure pieces: CSV cells, email normalization, the rate limiter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CSV_BOM, csvCell, csvHeader, csvLine } from '../csv.js';
import { clientKey, RateLimiter } from '../rate-limit.js';
import { normalizeEmail } from '../validate.js';

describe('csv', () => {
  it('neutralizes cells a spreadsheet would run as formulas', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r'])
      assert.ok(csvCell(`${lead}SUM(A1)`).replace(/^"/, '').startsWith(`'${lead}`), JSON.stringify(lead));
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a=b'), 'a=b');
    assert.equal(csvCell(null), '');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('\rx'), `"'\rx"`);
    assert.equal(csvLine(['a', null, '=1']), "a,,'=1\r\n");
  });

  it('starts with a BOM and the fixed header', () => {
    assert.equal(
      csvHeader(),
      `${CSV_BOM}signed_at,given_name,family_name,email,postal_code,country,phone,comment,source,origin,consent_sha256,confirmed_at\r\n`,
    );
  });
});

describe('normalizeEmail', () => {
  it('trims, applies NFC, lower-cases and converts the domain to IDNA', () => {
    assert.equal(normalizeEmail('  Ana@Example.ORG '), 'ana@example.org');
    assert.equal(normalizeEmail('Jo@Bu\u0308cher.example'), 'jo@xn--bcher-kva.example');
    assert.equal(normalizeEmail('jo@bücher.example'), normalizeEmail('JO@XN--BCHER-KVA.EXAMPLE'));
    assert.equal(normalizeEmail('Ｊｏ@example.org'), 'ｊｏ@example.org');
  });

  it('refuses what is not an address', () => {
    for (const bad of [
      '',
      'plain',
      '@example.org',
      'a@',
      'a@localhost',
      'a b@example.org',
      'a@exa mple.org',
      'a@-.example',
      `${'a'.repeat(65)}@example.org`,
    ]) {
      assert.equal(normalizeEmail(bad), null, bad);
    }
  });
});

describe('RateLimiter', () => {
  it('allows N per window per address, then says how long to wait', () => {
    const rl = new RateLimiter(2, 60_000);
    assert.equal(rl.take('a', 0), 0);
    assert.equal(rl.take('a', 1000), 0);
    assert.equal(rl.take('a', 1000), 59);
    assert.equal(rl.take('b', 1000), 0);
    assert.equal(rl.take('a', 60_000), 0, 'a new window');
  });

  it('0 turns it off', () => {
    const rl = new RateLimiter(0);
    for (let i = 0; i < 1000; i++) assert.equal(rl.take('a'), 0);
  });
});

describe('clientKey', () => {
  it('counts IPv4 per address and IPv6 per /64', () => {
    assert.equal(clientKey('203.0.113.7'), '203.0.113.7');
    assert.equal(clientKey('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(clientKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:0DB8:0001:0002:ffff:0:0:9'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(clientKey('::1'), '0:0:0:0::/64');
    assert.equal(clientKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
    assert.notEqual(clientKey('2001:db8:1:2::1'), clientKey('2001:db8:1:3::1'));
  });
});
