import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { PlatformList } from '../src/components/platform-list/platform-list.js';
import { PlatformPlank } from '../src/components/platform-plank/platform-plank.js';
import { FEED, MISSING_FEED, frame } from './helpers.js';

PlatformPlank.define('platform-plank');
PlatformList.define('platform-list');

interface Args {
  feed?: string;
  tags?: string;
  variant?: string;
  limit?: string;
  'heading-level'?: number;
}

const meta: Meta<Args> = {
  title: 'Widgets/platform-list',
  component: 'platform-list',
  args: { feed: FEED, variant: 'card' },
  argTypes: {
    variant: { control: 'inline-radio', options: ['card', 'compact'] },
    limit: { control: 'text' },
    tags: { control: 'text' },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
  },
  render: (a) =>
    html`<platform-list
      feed=${ifDefined(a.feed || undefined)}
      tags=${ifDefined(a.tags || undefined)}
      variant=${ifDefined(a.variant && a.variant !== 'card' ? a.variant : undefined)}
      limit=${ifDefined(a.limit || undefined)}
      heading-level=${ifDefined(a['heading-level'])}
    ></platform-list>`,
  parameters: {
    docs: {
      description: {
        component:
          "The organization's whole platform as a responsive grid of cards, in feed order, or only the planks on some topics (`tags`), or the first few (`limit`).",
      },
    },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Every plank of the feed. */
export const WholePlatform: Story = { name: 'The whole platform' };

/** `tags="climate,transit"`: the planks on any of those topics. */
export const TagsFilter: Story = { name: 'Filtered by tags', args: { tags: 'climate,transit' } };

/** `limit="3"`: the first three planks. */
export const Limit: Story = { name: 'Limit', args: { limit: '3' } };

/** `tags` and `limit` together: the first two planks about work. */
export const TagsAndLimit: Story = { name: 'Tags and limit', args: { tags: 'work', limit: '2' } };

/** Compact variant: a list of one-line disclosures. */
export const Compact: Story = { args: { variant: 'compact' } };

/** No plank matches the tags: a polite message. */
export const NoMatch: Story = { name: 'No plank matches', args: { tags: 'astrology' } };

/** A bad `limit` shows a visible message (and one console warning) and every plank. */
export const BadLimit: Story = { name: 'Bad limit value', args: { limit: 'lots', tags: 'health' } };

/** Spanish, from `lang="es"` on the page. */
export const Spanish: Story = { name: 'Spanish (es)', decorators: [frame({ lang: 'es' })], args: { limit: '4' } };

/** French, from `lang="fr"`. */
export const French: Story = { name: 'French (fr)', decorators: [frame({ lang: 'fr' })], args: { variant: 'compact' } };

/** A right-to-left page. */
export const RightToLeft: Story = { name: 'Right to left', decorators: [frame({ dir: 'rtl' })], args: { limit: '4' } };

/** Dark tokens set by the host page. */
export const DarkTokens: Story = { name: 'Dark tokens', decorators: [frame({ theme: 'dark' })], args: { limit: '4' } };

/** The feed cannot be loaded. */
export const FeedFailing: Story = { name: 'Feed failing', args: { feed: MISSING_FEED } };

/** No feed: `<platform-plank>` elements written in the page are shown as they are. */
export const Slotted: Story = {
  name: 'Slotted (no feed)',
  args: { feed: undefined },
  render: () => html`<platform-list>
    <platform-plank>
      <h3 slot="title">Free Public Transit</h3>
      <p>Buses and trains free at the point of use, running often, everywhere.</p>
    </platform-plank>
    <platform-plank>
      <h3 slot="title">Homes for All</h3>
      <p>Universal rent control and public housing built at scale.</p>
    </platform-plank>
  </platform-list>`,
};
