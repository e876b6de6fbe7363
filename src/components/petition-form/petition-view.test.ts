import { expect } from '@open-wc/testing';
import type { PageFeed } from '../../core/feed-types.js';
import { resolvePetition, type ViewSources } from './petition-view.js';

const feed = {
  version: 1,
  org: { name: 'Union', consent: { en: 'Org consent', es: 'Consentimiento' }, privacy_url: '/privacy' },
  petitions: [
    {
      id: 'rent',
      title: { en: 'Cancel rent', es: 'Cancelar' },
      goal: 100,
      fields: ['given_name', 'email'],
      consent: 'Petition consent',
    },
  ],
} as unknown as PageFeed;

/** safeUrl's stand-in: absolute http(s) URLs only. */
const url: ViewSources['url'] = (value, base) => {
  if (!value) return null;
  try {
    const u = new URL(value, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
};

const sources = (over: Partial<ViewSources> = {}): ViewSources =>
  <ViewSources>{
    attributes: {},
    server: {},
    lang: 'en',
    defaultConsent: 'Default consent',
    url,
    endpoint: (value: string) => url(value, undefined, 'endpoint'),
    ...over,
  };

describe('resolvePetition', () => {
  it('takes the feed’s petition, in the reader’s language, with the endpoint beside the feed', () => {
    const { view, bad } = resolvePetition(
      sources({ attributes: { petition: 'rent' }, feed, base: 'https://org.example/feed.json', lang: 'es' }),
    );
    expect(bad).to.deep.equal([]);
    expect(view).to.include({ id: 'rent', title: 'Cancelar', goal: 100, consent: 'Petition consent' });
    expect(view!.endpoint).to.equal('https://org.example/api/petitions/rent');
    expect(view!.privacy).to.equal('https://org.example/privacy');
    expect([...view!.required]).to.have.members(['given_name', 'email']);
    expect(view!.shown).to.deep.equal(['given_name', 'family_name', 'email', 'postal_code']);
  });

  it('lets attributes win, and lists the values it ignored', () => {
    const { view, bad } = resolvePetition(
      sources({
        attributes: {
          petition: 'rent',
          heading: 'Mine',
          goal: 'lots',
          fields: 'email, phone,shoe_size',
          endpoint: 'javascript:alert(1)',
        },
        feed,
        base: 'https://org.example/feed.json',
      }),
    );
    expect(view).to.include({ title: 'Mine', goal: 100 });
    expect(view!.endpoint).to.equal('https://org.example/api/petitions/rent');
    expect(view!.shown).to.deep.equal(['given_name', 'email', 'phone']);
    expect(bad.map(({ name, value, hint }) => [name, value, hint])).to.deep.equal([
      ['endpoint', 'javascript:alert(1)', 'petition.use-endpoint'],
      ['fields', 'shoe_size', 'petition.use-fields'],
      ['goal', 'lots', 'petition.use-goal'],
    ]);
  });

  it('without a feed: the endpoint names the petition, and the server’s answer says what it requires', () => {
    const { view } = resolvePetition(
      sources({
        attributes: { endpoint: 'https://org.example/api/petitions/transit%20free/' },
        server: { fields: ['country'], consent: { en: 'Server consent' }, title: 'Free transit', goal: 10 },
      }),
    );
    expect(view).to.include({ id: 'transit free', title: 'Free transit', consent: 'Server consent', goal: 10 });
    expect(view!.endpoint).to.equal('https://org.example/api/petitions/transit%20free');
    expect(view!.shown).to.deep.equal(['given_name', 'family_name', 'email', 'postal_code', 'country']);
  });

  it('with the feed’s petition, the server only adds a goal or closing date; nothing to show without an endpoint', () => {
    const { view } = resolvePetition(
      sources({
        attributes: { petition: 'rent' },
        feed,
        base: 'https://org.example/feed.json',
        server: { fields: ['phone'], title: 'X' },
      }),
    );
    expect(view!.title).to.equal('Cancel rent');
    expect(view!.shown).to.not.include('phone');
    expect(resolvePetition(sources({ attributes: { petition: 'rent' } })).view).to.equal(undefined);
  });
});
