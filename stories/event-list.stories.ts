import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { EventList } from '../src/components/event-list/event-list.js';
import { FEED, MISSING_FEED, frame } from './helpers.js';

EventList.define('event-list');

interface Args {
  feed?: string;
  chapter?: string;
  limit?: string;
  variant?: string;
  'heading-level'?: number;
}

const meta: Meta<Args> = {
  title: 'Widgets/event-list',
  component: 'event-list',
  args: { feed: FEED },
  argTypes: {
    variant: { control: 'inline-radio', options: ['list', 'compact'] },
    chapter: { control: 'text' },
    limit: { control: 'text' },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
  },
  render: (a) =>
    html`<event-list
      feed=${ifDefined(a.feed || undefined)}
      chapter=${ifDefined(a.chapter || undefined)}
      limit=${ifDefined(a.limit || undefined)}
      variant=${ifDefined(a.variant && a.variant !== 'list' ? a.variant : undefined)}
      heading-level=${ifDefined(a['heading-level'])}
    ></event-list>`,
  parameters: {
    docs: {
      description: {
        component: [
          "The organization's upcoming events, soonest first; past ones are hidden (one in progress stays until it ends).",
          "Each shows its date and time in the event's own time zone and, when the reader's clock reads otherwise, in",
          "theirs (in the reader's language); online or where; the languages it is held in; how many are going and",
          'whether it is full (then RSVPs join a waiting list). "Add to calendar" downloads an `.ics` file (Apple',
          'Calendar, Outlook…) and offers a Google Calendar link. `#event-<id>` in the page address scrolls to an',
          'event. `chapter` shows one chapter’s events, `limit` the first few, `variant="compact"` leaves',
          'descriptions out.',
        ].join(' '),
      },
    },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Every upcoming event of the feed (the past rally is hidden). */
export const FromTheFeed: Story = { name: 'From the feed' };

/** `chapter="chicago"`: one chapter's events. */
export const OneChapter: Story = { name: 'One chapter', args: { chapter: 'chicago' } };

/** `limit="2"`: the next two events. */
export const Limit: Story = { args: { limit: '2' } };

/** `variant="compact"`: no descriptions, tighter spacing. */
export const Compact: Story = { args: { variant: 'compact' } };

/** An event at capacity says "Full" and that RSVPs join the waiting list; one nearly full says what is left. */
export const Full: Story = { name: 'Full, and nearly full', args: { feed: 'event-list-full.json' } };

/** Spanish, from `lang="es"` on the page. */
export const Spanish: Story = { name: 'Spanish (es)', decorators: [frame({ lang: 'es' })] };

/** French, from `lang="fr"`. */
export const French: Story = { name: 'French (fr)', decorators: [frame({ lang: 'fr' })], args: { variant: 'compact' } };

/** A right-to-left page. */
export const RightToLeft: Story = { name: 'Right to left', decorators: [frame({ lang: 'ar', dir: 'rtl' })] };

/** Dark tokens set by the host page. */
export const DarkTokens: Story = { name: 'Dark tokens', decorators: [frame({ theme: 'dark' })], args: { limit: '2' } };

/** Markup in a feed's titles, places and descriptions is shown as text. */
export const HostileContent: Story = { name: 'Hostile content', args: { feed: 'event-list-hostile.json' } };

/** A bad `variant` shows a visible message (and one console warning), then the list. */
export const BadVariant: Story = { name: 'Bad variant value', args: { variant: 'grid', limit: '1' } };

/** The feed cannot be loaded. */
export const FeedFailing: Story = { name: 'Feed failing', args: { feed: MISSING_FEED } };

/** No feed: the page's own content is shown as it is. */
export const Slotted: Story = {
  name: 'Slotted (no feed)',
  args: { feed: undefined },
  render: () => html`<event-list>
    <p>Branch meetings: every second Tuesday, 7 PM, Union Hall, 123 Main St, Chicago.</p>
  </event-list>`,
};
