import { expect } from '@open-wc/testing';
import type { Chapter, JoinSettings, Org } from '../../core/feed-types.js';
import { resolveJoin, type JoinSources } from './join-view.js';

const chapters = [{ id: 'chicago', name: 'Chicago', lat: 41.88, lng: -87.63, postal_codes: ['606'] }] as Chapter[];
const join: JoinSettings = { title: { en: 'Join', es: 'Únete' }, fields: ['postal_code', 'chapter'], confirm: true };
const org: Org = { name: 'Workers', consent: { en: 'You may contact me.' }, privacy_url: '/privacy' } as Org;

const sources = (over: Partial<JoinSources> = {}): JoinSources => ({
  attributes: {},
  found: { join, chapters },
  org,
  base: 'https://org.example/feed.json',
  lang: 'en',
  chosen: '',
  defaultConsent: 'default consent',
  url: (value, base) => (value ? new URL(value, base).href : null),
  endpoint: (value) => (/^https?:/.test(value) ? value : null),
  ...over,
});

describe('resolveJoin', () => {
  it('takes the feed server’s /api/join, its join fields (required) and chapters, in the reader’s language', () => {
    const { view, bad } = resolveJoin(sources({ lang: 'es', chosen: 'chicago' }));
    expect(bad).to.deep.equal([]);
    expect(view).to.include({ id: 'chicago', url: 'https://org.example/api/join', title: 'Únete', confirm: true });
    expect(view!.shown).to.deep.equal(['given_name', 'family_name', 'email', 'postal_code', 'chapter']);
    expect([...view!.required]).to.deep.equal(['postal_code', 'chapter', 'email']);
    expect(view!.consent).to.equal('You may contact me.');
    expect(view!.privacy).to.equal('https://org.example/privacy');
  });

  it('attributes win: endpoint, heading, fields, a given chapter; bad values are reported and ignored', () => {
    const { view, bad } = resolveJoin(
      sources({
        attributes: {
          endpoint: 'https://api.example/api/join',
          heading: 'Sign up',
          fields: 'email,phone,hat',
          chapter: 'chicago',
        },
      }),
    );
    expect(view).to.include({ url: 'https://api.example/api/join', title: 'Sign up', given: 'chicago' });
    expect(view!.shown).to.deep.equal(['email', 'postal_code', 'phone', 'chapter']);
    expect(bad.map((b) => [b.name, b.value])).to.deep.equal([['fields', 'hat']]);
    const worse = resolveJoin(sources({ attributes: { endpoint: 'ftp://x', chapter: 'atlantis' } }));
    expect(worse.bad.map((b) => [b.name, b.value])).to.deep.equal([
      ['endpoint', 'ftp://x'],
      ['chapter', 'atlantis'],
    ]);
    expect(worse.view!.given).to.equal(undefined);
  });

  it('nothing to join without a join in the feed or an endpoint; no chapter list without chapters', () => {
    expect(resolveJoin(sources({ found: { chapters } })).view).to.equal(undefined);
    const own = resolveJoin(sources({ found: undefined, attributes: { endpoint: 'https://api.example/api/join' } }));
    expect(own.view!.shown).to.deep.equal(['given_name', 'family_name', 'email', 'postal_code']);
    expect(own.view!.consent).to.equal('You may contact me.');
  });
});
