/** warmIntl: readies Intl once per page, in tasks of its own, whatever language tag it is given. */
import { expect } from '@open-wc/testing';
import { warmIntl } from './intl-warmup.js';

describe('warmIntl', () => {
  it('readies Intl once per page, and takes a tag Intl refuses', async () => {
    const first = warmIntl('not a tag!');
    expect(warmIntl('fr'), 'the same readying').to.equal(first);
    await first;
    expect(new Intl.DateTimeFormat('fr', { timeZone: 'Asia/Kolkata' }).resolvedOptions().locale).to.equal('fr');
  });
});
