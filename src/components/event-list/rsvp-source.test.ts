import { expect } from '@open-wc/testing';
import type { SolidarityEvent } from '../../core/feed-types.js';
import { eventUrl, RsvpSource, seatsOf } from './rsvp-source.js';

const event: SolidarityEvent = {
  id: 'steward training/1',
  title: { en: 'Training', es: 'Formación' },
  starts: '2099-02-01T10:00:00-06:00',
  timezone: 'America/Chicago',
  location: { name: 'Hall' },
  rsvp: true,
  capacity: 2,
  going: 1,
  fields: ['phone', 'family_name'],
  consent: { en: 'Contact me about the training.', es: 'Contáctenme.' },
};

function source(open: SolidarityEvent | undefined, lang = 'en') {
  let renders = 0;
  const host = {
    addController() {},
    removeController() {},
    requestUpdate: () => void renders++,
    updateComplete: Promise.resolve(true),
    rsvpContext: () =>
      open && { event: open, feedUrl: 'https://party.example/data/feed.json', lang, consent: 'Org.', privacy: null },
  };
  return { source: new RsvpSource(host), renders: () => renders };
}

describe('RsvpSource', () => {
  it('makes the open event an action: its URL on the feed’s origin, fields in the signature’s order, its consent', () => {
    const view = source(event).source.view!;
    expect(view.url).to.equal('https://party.example/api/events/steward%20training%2F1/rsvps');
    expect(view.shown).to.deep.equal(['given_name', 'family_name', 'email', 'phone']);
    expect([...view.required]).to.have.members(['email', 'phone', 'family_name']);
    expect(view.consent).to.equal('Contact me about the training.');
    expect(view.full).to.equal(false);
    expect(source({ ...event, consent: undefined }, 'es').source.view!.consent).to.equal('Org.');
    expect(source(undefined).source.view).to.equal(undefined);
  });

  it('takes the server’s word on seats, and the reader’s own RSVP, over the feed’s', () => {
    const { source: s, renders } = source(event);
    expect(s.seats(event)).to.deep.equal({ going: 1, waitlisted: 0, capacity: 2 });
    s.accepted(Object.assign(Object.create(null), { status: 'going', going: 2, waitlisted: 0, capacity: 2 }));
    expect(s.seats(event)).to.deep.equal({ going: 2, waitlisted: 0, capacity: 2 });
    expect(s.mine.get(event.id)).to.equal('going');
    expect(s.view!.full).to.equal(true);
    expect(renders()).to.equal(1);
    s.update(event.id, { going: 'many' }); // not seats: ignored
    expect(s.seats(event).going).to.equal(2);
  });

  it('reads seats from answers with typeof checks', () => {
    expect(seatsOf({ going: 3, waitlisted: 1, capacity: null })).to.deep.equal({
      going: 3,
      waitlisted: 1,
      capacity: null,
    });
    expect(seatsOf({ going: 3 })).to.equal(undefined);
    expect(eventUrl('/feed.json', 'a')).to.equal(`${location.origin}/api/events/a`);
  });
});
