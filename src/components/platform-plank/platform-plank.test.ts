import { expectAttributeMessage } from '../../../test/attribute-message.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { feedFixture } from '../../../test/util.js';
import { sendKeys } from '@web/test-runner-commands';
import { clearFeedCache } from '../../core/feed-loader.js';
import { jsonUrl, rawUrl, sampleFeed } from '../../../test/fixtures/feed.js';
import './platform-plank.js';
import { PlatformPlank } from './platform-plank.js';

PlatformPlank.define('platform-plank');

async function plankFrom(feed: unknown, plank: string, lang?: string) {
  const url = jsonUrl(feed);
  return feedFixture<PlatformPlank>(
    html`<div lang=${lang ?? 'en'}><platform-plank feed=${url} plank=${plank}></platform-plank></div>`,
    'platform-plank',
  );
}

describe('<platform-plank>', () => {
  beforeEach(() => clearFeedCache());

  it('shows a bad variant or heading-level on its first render, warns once, and draws a level-2 card', async () => {
    const el = await expectAttributeMessage(
      '<platform-plank variant="nonsense"><span slot="title">Housing</span></platform-plank>',
      'The variant setting “nonsense” is not valid. Use card or compact; showing cards.',
      '<platform-plank> variant="nonsense": The variant setting',
    );
    expect(el.shadowRoot!.querySelector('[part=card]')!.classList.contains('card')).to.be.true;
    const level = await expectAttributeMessage(
      '<platform-plank heading-level="9"><span slot="title">Housing</span></platform-plank>',
      'The heading-level setting “9” is not valid. Use a number from 2 to 6; using 2.',
      '<platform-plank> heading-level="9": The heading-level',
    );
    expect(level.shadowRoot!.querySelector('[part=title]')!.getAttribute('aria-level')).to.equal('2');
  });

  it('is accessible collapsed and expanded', async () => {
    const el = await plankFrom(sampleFeed, 'healthcare');
    await expect(el).shadowDom.to.be.accessible();
    el.expanded = true;
    await el.updateComplete;
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows number, title and summary from the feed, by id or by number', async () => {
    const el = await plankFrom(sampleFeed, '2');
    const root = el.shadowRoot!;
    expect(root.querySelector('[part=number]')!.textContent).to.contain('2');
    expect(root.querySelector('[part=title]')!.textContent).to.contain('Homes, not profits');
    expect(root.querySelector('[part=summary]')!.textContent).to.equal('Rent control.');
  });

  it('expands by keyboard, wiring aria-expanded and aria-controls, and fires plank-toggle', async () => {
    const el = await plankFrom(sampleFeed, 'healthcare');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part=toggle]')!;
    const body = el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(body.hidden).to.be.true;
    button.focus();
    const toggled = oneEvent(el, 'plank-toggle');
    await sendKeys({ press: 'Enter' });
    const event = await toggled;
    expect(event.detail).to.deep.equal({ plank: 'healthcare', expanded: true });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(body.hidden).to.be.false;
    expect(body.querySelectorAll('ul:not(.tags) li').length).to.equal(2);
    expect(body.querySelector('em')!.textContent).to.equal('Public');
    expect(body.querySelector('a')!.getAttribute('href')).to.equal('https://workers.example/health');
  });

  it('renders a change made by script in a task of its own, not in the same task', async () => {
    const el = await plankFrom(sampleFeed, 'healthcare');
    const button = el.shadowRoot!.querySelector('button[part=toggle]')!;
    // Input a moment ago (an earlier test's keys) renders at once; script changes wait for a task.
    await waitUntil(
      () => !(navigator as { userActivation?: { isActive: boolean } }).userActivation?.isActive,
      'no recent input',
      { timeout: 8000 },
    );
    el.expanded = true;
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
  });

  it('speaks Spanish on a Spanish page, for feed text and UI', async () => {
    const el = await plankFrom(sampleFeed, 'healthcare', 'es-MX');
    const root = el.shadowRoot!;
    await waitUntil(
      () => root.querySelector('button[part=toggle]')!.textContent!.includes('Leer'),
      'Spanish strings load',
    );
    expect(root.querySelector('[part=title]')!.textContent).to.contain('Sanidad para todos');
    expect(root.querySelector('button[part=toggle]')!.textContent!.trim()).to.equal('Leer más');
  });

  it('renders hostile feed text as text and never runs it', async () => {
    const hostile = {
      ...sampleFeed,
      platform: [
        {
          id: 'x',
          number: 1,
          title: '<img src=x onerror="window.__pwned=1">',
          summary: '<script>window.__pwned=1</script>',
          body: 'Click [me](javascript:window.__pwned=1) and <b>bold</b>',
        },
      ],
    };
    const el = await plankFrom(hostile, 'x');
    el.expanded = true;
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('img')).to.equal(null);
    expect(root.querySelector('script')).to.equal(null);
    expect(root.querySelector('[part=body] a')).to.equal(null);
    expect(root.querySelector('[part=title]')!.textContent).to.contain('<img src=x');
    expect(root.querySelector('[part=body]')!.textContent).to.contain('<b>bold</b>');
    expect((window as any).__pwned).to.equal(undefined);
  });

  it('says clearly when the feed is missing, not JSON, or lacks the plank', async () => {
    for (const [src, text] of [
      ['/does-not-exist.json', 'not found'],
      [jsonUrl('nope'), 'expected format'],
    ]) {
      clearFeedCache();
      const el = await feedFixture<PlatformPlank>(html`<platform-plank feed=${src} plank="1"></platform-plank>`);
      // A feed server's failure is told in a rare string, fetched when first needed.
      await waitUntil(() => el.shadowRoot!.querySelector('[part=message]')!.textContent, 'the message arrives');
      expect(el.shadowRoot!.querySelector('[part=message]')!.textContent).to.contain(text);
    }
    const notJson = rawUrl('<html>', { type: 'text/html' });
    const bad = await feedFixture<PlatformPlank>(html`<platform-plank feed=${notJson} plank="1"></platform-plank>`);
    await waitUntil(() => bad.shadowRoot!.querySelector('[part=message]')!.textContent, 'the message arrives');
    expect(bad.shadowRoot!.querySelector('[part=message]')!.textContent).to.contain('readable format');
    await expect(bad).shadowDom.to.be.accessible();

    // A misconfiguration's message is a rare string, fetched when first needed.
    const missing = await plankFrom(sampleFeed, 'nonexistent');
    await waitUntil(() => missing.shadowRoot!.querySelector('[part=message]')?.textContent, 'the message arrives');
    expect(missing.shadowRoot!.querySelector('[part=message]')!.textContent).to.contain(
      'The plank “nonexistent” is not in this platform.',
    );
  });

  it('skips one broken plank and shows the rest', async () => {
    const feed = { ...sampleFeed, platform: [{ id: 'broken', number: 'one' }, ...sampleFeed.platform] };
    const el = await plankFrom(feed, 'housing');
    expect(el.shadowRoot!.querySelector('[part=title]')!.textContent).to.contain('Homes');
  });

  it('enhances slotted light-DOM content with no feed', async () => {
    const el = await fixture<PlatformPlank>(html`
      <platform-plank plank="water">
        <h3 slot="title">Clean water</h3>
        <p>Public water, publicly run.</p>
      </platform-plank>
    `);
    await expect(el).to.be.accessible();
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part=toggle]')!;
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part=body]')!.hidden).to.be.true;
    toggle.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part=body]')!.hidden).to.be.false;
  });

  it('builds a body when it is first opened, and shows it', async () => {
    const el = await plankFrom(sampleFeed, 'healthcare');
    const body = () => el.shadowRoot!.querySelector<HTMLElement>('[part=body]')!;
    expect(body().hidden).to.be.true;
    expect(body().textContent).not.to.contain('Everyone deserves care.');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part=toggle]')!.click();
    await el.updateComplete;
    expect(body().hidden).to.be.false;
    expect(body().textContent).to.contain('Everyone deserves care.');
    expect(body().querySelectorAll('ul:not(.tags) li')).to.have.length(2); // the body's own list, rendered from its text
    await expect(el).shadowDom.to.be.accessible();
  });

  it('opens from a #plank-<id> deep link', async () => {
    history.replaceState(null, '', '#plank-housing');
    try {
      const el = await plankFrom(sampleFeed, 'housing');
      await el.updateComplete;
      expect(el.expanded).to.be.true;
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('compact variant is one disclosure button', async () => {
    const url = jsonUrl(sampleFeed);
    const el = await feedFixture<PlatformPlank>(
      html`<platform-plank feed=${url} plank="climate" variant="compact"></platform-plank>`,
    );
    await expect(el).shadowDom.to.be.accessible();
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button.disclosure')!;
    expect(button.textContent).to.contain('Climate jobs');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
  });

  it('tolerates being defined twice', () => {
    class Other extends HTMLElement {}
    expect(() => PlatformPlank.define('platform-plank')).not.to.throw();
    customElements.define('taken-by-host', Other);
    expect(() => PlatformPlank.define('taken-by-host')).not.to.throw();
  });
});
