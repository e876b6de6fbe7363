import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocaleController } from '../core/locale-controller.js';
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

// Plural categories: English without Intl.PluralRules (a shortcut), other languages with it.
describe('LocaleController.plural', () => {
  class PluralProbe extends LitElement {}
  customElements.define('plural-probe', PluralProbe);

  async function counts(lang: string, ns: number[]): Promise<string[]> {
    const el = document.createElement('plural-probe') as PluralProbe;
    el.lang = lang;
    const locale = new LocaleController(el);
    document.body.append(el);
    await loadMessages(lang.slice(0, 2) as 'en' | 'fr');
    await new Promise((r) => setTimeout(r)); // the controller's own load has settled
    expect(locale.lang).to.equal(lang);
    const out = ns.map((n) => locale.plural('petition.count', n));
    el.remove();
    return out;
  }

  it('says 1 signature and 0, 2, 1,234 signatures in English; 0 and 1 signature in French', async () => {
    expect(await counts('en', [0, 1, 2, 1234])).to.deep.equal([
      '0 signatures',
      '1 signature',
      '2 signatures',
      '1,234 signatures',
    ]);
    expect(await counts('en-GB', [1, 21])).to.deep.equal(['1 signature', '21 signatures']);
    expect(await counts('fr', [0, 1, 2])).to.deep.equal(['0 signature', '1 signature', '2 signatures']);
  });
});
