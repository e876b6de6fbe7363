import { expect } from '@open-wc/testing';
import { mailtoUrl } from './mailto.js';

describe('mailtoUrl', () => {
  it('links a plain address (written with or without mailto:), and warns of anything else', () => {
    const warn = console.warn;
    const warned: unknown[] = [];
    console.warn = (...m: unknown[]) => warned.push(m.join(' '));
    try {
      expect(mailtoUrl(' north@chapters.example ')).to.equal('mailto:north@chapters.example');
      expect(mailtoUrl('MAILTO:north@chapters.example')).to.equal('mailto:north@chapters.example');
      expect(mailtoUrl(undefined)).to.equal(null);
      expect(mailtoUrl('north@chapters.example?bcc=all@else.example"><b>')).to.equal(null);
      expect(mailtoUrl('not an address')).to.equal(null);
      expect(warned.join('\n')).to.contain('ignored email "not an address": it is not an email address.');
    } finally {
      console.warn = warn;
    }
  });
});
