import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { PlatformPlank } from '../src/components/platform-plank/platform-plank.js';
import { FEED, MISSING_FEED, frame } from './helpers.js';

PlatformPlank.define('platform-plank');

interface Args {
  feed?: string;
  plank?: string;
  expanded?: boolean;
  variant?: string;
  'heading-level'?: number;
}

const meta: Meta<Args> = {
  title: 'Widgets/platform-plank',
  component: 'platform-plank',
  args: { feed: FEED, plank: 'healthcare', expanded: false, variant: 'card' },
  argTypes: {
    variant: { control: 'inline-radio', options: ['card', 'compact'] },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
  },
  render: (a) =>
    html`<platform-plank
      feed=${ifDefined(a.feed || undefined)}
      plank=${ifDefined(a.plank || undefined)}
      ?expanded=${a.expanded}
      variant=${ifDefined(a.variant && a.variant !== 'card' ? a.variant : undefined)}
      heading-level=${ifDefined(a['heading-level'])}
    ></platform-plank>`,
  parameters: {
    docs: {
      description: {
        component:
          'One plank of the platform as a card. Name the plank by its `id` (or its number) in the feed, or write its title and text inside the tag with no feed at all. A link to `#plank-<id>` opens it.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** A plank taken from the organization's feed, by its id. */
export const FromTheFeed: Story = { name: 'From the feed' };

/** `plank="3"`: a plank named by its number instead of its id. */
export const ByNumber: Story = { name: 'By number', args: { plank: '3' } };

/** Opened: the body, with its paragraphs, list, emphasis and link, rendered from the feed's plain-text format. */
export const LongBodyExpanded: Story = {
  name: 'Long body with a list and links',
  args: { plank: 'housing', expanded: true },
};

/**
 * No feed: the page writes the plank itself. Before the script runs this is ordinary, readable
 * HTML; afterwards it becomes the same card.
 */
export const Slotted: Story = {
  name: 'Slotted (no feed)',
  args: { feed: undefined, plank: undefined },
  render: (
    a,
  ) => html`<platform-plank ?expanded=${a.expanded} variant=${ifDefined(a.variant && a.variant !== 'card' ? a.variant : undefined)}>
    <h3 slot="title">A Union Job for Everyone Who Wants One</h3>
    <p slot="summary">Public works, public services and a federal job guarantee at union wages.</p>
    <p>Unemployment is a policy choice. We will create a job guarantee for everyone who wants work, in the things our communities need:</p>
    <ul>
      <li>care for children, elders and people with disabilities</li>
      <li>repairing schools, parks and water mains</li>
      <li>building transit and clean energy</li>
    </ul>
    <p>Read the <a href="https://workers.example/platform/jobs">full proposal</a>.</p>
  </platform-plank>`,
};

/** Compact: a one-line disclosure, for sidebars and long lists. */
export const Compact: Story = { args: { variant: 'compact', plank: 'public-transit' } };

/** The feed's Spanish text and Spanish interface, from `lang="es"` on the page. */
export const Spanish: Story = { name: 'Spanish (es)', decorators: [frame({ lang: 'es' })], args: { expanded: true } };

/** French, with `lang="fr"` on an ancestor. */
export const French: Story = {
  name: 'French (fr)',
  decorators: [frame({ lang: 'fr' })],
  args: { plank: 'climate-jobs' },
};

/** In a right-to-left page (`dir="rtl"`): layout mirrors with logical properties. */
export const RightToLeft: Story = {
  name: 'Right to left',
  decorators: [frame({ dir: 'rtl' })],
  args: { expanded: true },
};

/** A dark host page setting the `--sw-*` tokens (see Docs/Theming). */
export const DarkTokens: Story = {
  name: 'Dark tokens',
  decorators: [frame({ theme: 'dark' })],
  args: { expanded: true },
};

/** The feed cannot be loaded (here a 404): a clear message inside the widget, nothing thrown. */
export const FeedFailing: Story = { name: 'Feed failing', args: { feed: MISSING_FEED } };

/** A plank that is not in the feed. */
export const UnknownPlank: Story = { name: 'Unknown plank', args: { plank: 'no-such-plank' } };

/**
 * A feed with `<script>`, `<img onerror>`, `javascript:` and `data:` links in its text: all shown
 * as text or dropped (with a console warning), nothing runs. Feed text never becomes HTML.
 */
export const HostileFeedText: Story = {
  name: 'Hostile feed text',
  args: { feed: 'platform-hostile.json', plank: 'hostile', expanded: true },
};
