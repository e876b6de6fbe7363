import { expectAttributeMessage } from '../../../test/attribute-message.js';
import { ContextConsumer, createContext } from '@lit/context';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { FeedState } from '../../core/feed-loader.js';
import { jsonUrl, sampleFeed } from '../../../test/fixtures/feed.js';
import { PlatformPlank } from '../platform-plank/platform-plank.js';
import { OrgFeed } from './org-feed.js';

OrgFeed.define('org-feed');
PlatformPlank.define('platform-plank');

/** The plank's title without its number ("Plank 1"). */
const titleOf = (plank: Element) =>
  plank.shadowRoot
    ?.querySelector('[part~=title]')
    ?.textContent?.replace(/^\s*Plank \d+/, '')
    .trim() ?? '';
const withTitle = (title: string) => ({
  ...sampleFeed,
  platform: sampleFeed.platform.map((p, i) => (i ? p : { ...p, title })),
});

/** A consumer written with @lit/context, as a host page's own component might be. */
class LitConsumer extends LitElement {
  consumer = new ContextConsumer(this, {
    context: createContext<FeedState | undefined>(Symbol.for('solidarity-widgets.feed')),
    subscribe: true,
  });
}
customElements.define('lit-context-consumer', LitConsumer);

describe('<org-feed>', () => {
  it('shows a missing or non-http src on its first render and warns once; the widgets inside keep their own content', async () => {
    await expectAttributeMessage(
      '<org-feed></org-feed>',
      'The src setting is missing. Use the http or https address of a feed.',
      '<org-feed> src="": The src setting is missing',
    );
    const wrap = await expectAttributeMessage(
      '<org-feed src="javascript:alert(1)"><platform-plank><span slot="title">Own title</span></platform-plank></org-feed>',
      'The src setting “javascript:alert(1)” is not valid. Use the http or https address of a feed.',
      '<org-feed> src="javascript:alert(1)": The src setting',
    );
    const plank = wrap.querySelector('platform-plank')!;
    await waitUntil(() => plank.shadowRoot?.querySelector('slot[name=title]'), 'the plank shows its own title');
  });

  it('passes an accessibility check with a widget inside', async () => {
    const wrap = await fixture<OrgFeed>(
      html`<org-feed src=${jsonUrl(sampleFeed)}><platform-plank plank="1"></platform-plank></org-feed>`,
    );
    const plank = wrap.querySelector('platform-plank')!;
    await waitUntil(() => titleOf(plank), 'the plank renders from the provided feed');
    await expect(wrap).to.be.accessible();
  });

  it('gives its feed to widgets inside, also through a shadow root of the host page', async () => {
    const wrap = await fixture<OrgFeed>(
      html`<org-feed src=${jsonUrl(withTitle('Through the shadow'))}><div></div></org-feed>`,
    );
    const root = wrap.querySelector('div')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<platform-plank plank="1"></platform-plank>';
    await waitUntil(
      () => titleOf(root.querySelector('platform-plank')!) === 'Through the shadow',
      'the plank in a shadow root gets the feed',
    );
  });

  it('a new src reaches every widget inside; a widget moved out stops following it', async () => {
    const wrap = await fixture<OrgFeed>(html`<org-feed src=${jsonUrl(withTitle('First'))}>
      <platform-plank id="stays" plank="1"></platform-plank><platform-plank id="leaves" plank="1"></platform-plank>
    </org-feed>`);
    const stays = wrap.querySelector('#stays')!;
    const leaves = wrap.querySelector('#leaves')!;
    await waitUntil(() => titleOf(stays) === 'First' && titleOf(leaves) === 'First', 'both show the first feed');
    const outside = document.createElement('div');
    wrap.after(outside);
    outside.append(leaves);
    wrap.src = jsonUrl(withTitle('Second'));
    await waitUntil(() => titleOf(stays) === 'Second', 'the widget inside follows the new feed');
    expect(titleOf(leaves)).to.not.equal('Second');
    outside.remove();
  });

  it('the nearest <org-feed> answers', async () => {
    const wrap = await fixture<OrgFeed>(html`<org-feed src=${jsonUrl(withTitle('Outer'))}>
      <org-feed src=${jsonUrl(withTitle('Inner'))}><platform-plank plank="1"></platform-plank></org-feed>
    </org-feed>`);
    const plank = wrap.querySelector('platform-plank')!;
    await waitUntil(() => titleOf(plank), 'the plank renders');
    expect(titleOf(plank)).to.equal('Inner');
  });

  it('speaks the context protocol: a @lit/context consumer receives the feed', async () => {
    const wrap = await fixture<OrgFeed>(
      html`<org-feed src=${jsonUrl(withTitle('Shared'))}><lit-context-consumer></lit-context-consumer></org-feed>`,
    );
    const consumer = wrap.querySelector<LitConsumer>('lit-context-consumer')!;
    await waitUntil(() => consumer.consumer.value?.status === 'ready', 'the feed arrives');
    const state = consumer.consumer.value as Extract<FeedState, { status: 'ready' }>;
    expect(state.feed.platform[0].title).to.equal('Shared');
  });
});
