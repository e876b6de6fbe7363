import { expect } from '@open-wc/testing';
import { formProblems, missing } from '../problems.js';
import { fieldProblem, validEmail } from './validation.js';

describe('petition-form validation', () => {
  it("takes the addresses the server takes, on the domain's ASCII form", () => {
    for (const ok of ['a@b.co', 'x.y+z@sub.example.org', 'jurgen@bücher.de', 'Ana@Example.ORG']) {
      expect(validEmail(ok), ok).to.be.true;
    }
  });

  it('refuses look-alikes (format characters), IP-literal and one-letter top-level domains, as the server does', () => {
    const format = ['\u200b', '\u200c', '\u200d', '\u2060', '\u202e', '\u00ad', '\u2066'];
    const bad = [
      ...format.flatMap((c) => [`ann${c}@example.org`, `ann@exa${c}mple.org`, `ann@example.org${c}`]),
      'ann@127.0.0.1',
      'ann@[127.0.0.1]',
      'ann@0x7f.1',
      'a@x.c',
      'a@localhost',
      'a@b.co/x',
      'a@b.co?x',
      'a@',
      '@b.co',
      'a b@c.de',
      'a@-b.co',
      'a@@b.co',
    ];
    for (const v of bad) expect(validEmail(v), JSON.stringify(v)).to.be.false;
    expect(fieldProblem('email', 'ann\u200b@example.org', true)).to.deep.equal({ key: 'petition.error.email' });
  });

  it('gives the first problem of a field: required, then format, then length (the server’s limits)', () => {
    expect(fieldProblem('given_name', '  ', true)).to.deep.equal({ key: 'petition.error.required' });
    expect(fieldProblem('given_name', '', false)).to.equal(undefined);
    expect(fieldProblem('phone', 'call me', false)).to.deep.equal({ key: 'petition.error.phone' });
    const tooLong = { key: 'petition.error.too-long', params: { max: 32 } };
    expect(fieldProblem('postal_code', 'x'.repeat(33), false)).to.deep.equal(tooLong);
    expect(fieldProblem('postal_code', 'x'.repeat(32), false)).to.equal(undefined);
  });

  it('lists the form’s problems in the order shown, consent last; before the rules came, only what is missing', () => {
    const shown = ['given_name', 'email', 'phone'] as const;
    const required = new Set(['given_name', 'email']);
    const values = { given_name: '', email: 'ann@', phone: 'x' };
    expect(Object.keys(formProblems(fieldProblem, shown, required, values, false))).to.deep.equal([
      'given_name',
      'email',
      'phone',
      'consent',
    ]);
    expect(Object.keys(formProblems(missing, shown, required, values, true))).to.deep.equal(['given_name']);
  });
});
