import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { OrgFeed } from '../src/components/org-feed/org-feed.js';
import { PlatformList } from '../src/components/platform-list/platform-list.js';
import { PlatformPlank } from '../src/components/platform-plank/platform-plank.js';
import { FEED, MISSING_FEED, frame } from './helpers.js';

OrgFeed.define('org-feed');
PlatformPlank.define('platform-plank');
PlatformList.define('platform-list');

interface Args {
  src?: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/org-feed',
  component: 'org-feed',
  args: { src: FEED },
  render: (a) => html`<org-feed src=${ifDefined(a.src || undefined)}>
    <platform-plank plank="healthcare"></platform-plank>
    <platform-plank plank="3" variant="compact"></platform-plank>
    <platform-list tags="climate" limit="2"></platform-list>
  </org-feed>`,
  parameters: {
    docs: {
      description: {
        component:
          'Wrap any number of widgets in one `<org-feed src="…">`: the feed is loaded once and every widget inside uses it, with no `feed` attribute of its own. It adds no box of its own (`display: contents`), so the page layout is unchanged. A `lang` on it sets the language of every widget inside.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** One feed, three widgets. */
export const AroundSeveralWidgets: Story = { name: 'Around several widgets' };

/** Page text and widgets side by side inside one `<org-feed>`. */
export const WithPageContent: Story = {
  name: 'With page content in between',
  render: (a) => html`<org-feed src=${ifDefined(a.src || undefined)}>
    <h2>Our program for the city</h2>
    <p>We are a member-run alliance of tenants, unions and neighbors. Here is what we fight for.</p>
    <platform-list limit="3"></platform-list>
    <h2>Read one plank in full</h2>
    <platform-plank plank="public-power" expanded></platform-plank>
  </org-feed>`,
};

/** `lang="fr"` on `<org-feed>` itself: every widget inside speaks French, whatever the page's language. */
export const LangAttribute: Story = {
  name: 'lang on org-feed (fr)',
  render: (a) => html`<org-feed src=${ifDefined(a.src || undefined)} lang="fr">
    <platform-plank plank="healthcare"></platform-plank>
    <platform-list tags="climate" limit="2" variant="compact"></platform-list>
  </org-feed>`,
};

/** `lang="es"` on the page: every widget inside speaks Spanish. */
export const Spanish: Story = { name: 'Spanish (es)', decorators: [frame({ lang: 'es' })] };

/** A right-to-left page. */
export const RightToLeft: Story = { name: 'Right to left', decorators: [frame({ dir: 'rtl' })] };

/** Dark tokens on the page, inherited by every widget inside. */
export const DarkTokens: Story = { name: 'Dark tokens', decorators: [frame({ theme: 'dark' })] };

/** The feed fails: each widget inside says so, in its own box. */
export const FeedFailing: Story = { name: 'Feed failing', args: { src: MISSING_FEED } };
