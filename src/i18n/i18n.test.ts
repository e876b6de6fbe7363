import { expect } from '@open-wc/testing';
import { loadMessages, messagesNow, registerMessages } from './index.js';

// A lazy chunk's own strings (registerMessages), whether its table's language loaded before or after.
describe('i18n: strings registered by a lazy chunk', () => {
  it('reach English at once, and Spanish and French whether loaded before or after', async () => {
    const es = await loadMessages('es'); // loaded before registering
    registerMessages({
      en: { 'test.hello': 'Hello {name}' },
      es: { 'test.hello': 'Hola {name}' },
      fr: { 'test.hello': 'Bonjour {name}' },
    });
    const hello = (m: unknown) => (m as Record<string, string>)['test.hello'];
    expect(hello(messagesNow('en'))).to.equal('Hello {name}');
    expect(hello(es)).to.equal('Hola {name}');
    expect(messagesNow('es')).to.equal(es); // the same table every widget holds, not a copy
    expect(hello(await loadMessages('fr'))).to.equal('Bonjour {name}'); // loaded after registering
    expect((await loadMessages('fr'))['feed.loading']).to.equal('Chargement…');
  });
});
