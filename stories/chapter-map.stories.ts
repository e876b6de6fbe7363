import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { ChapterMap } from '../src/components/chapter-map/chapter-map.js';
import { manyChapters } from '../test/fixtures/chapters-many.mjs';
import { FEED, MISSING_FEED, frame } from './helpers.js';

ChapterMap.define('chapter-map');

interface Args {
  feed?: string;
  src?: string;
  list?: string;
  center?: string;
  zoom?: string;
  'style-url'?: string;
  /** Chapters set from script (the `chapters` property). */
  chapters?: unknown[];
}

const meta: Meta<Args> = {
  title: 'Widgets/chapter-map',
  component: 'chapter-map',
  args: { feed: FEED },
  argTypes: {
    list: { control: 'inline-radio', options: ['side', 'below'] },
    chapters: { control: false },
  },
  render: (a) =>
    html`<chapter-map
      feed=${ifDefined(a.feed || undefined)}
      src=${ifDefined(a.src || undefined)}
      list=${ifDefined(a.list || undefined)}
      center=${ifDefined(a.center || undefined)}
      zoom=${ifDefined(a.zoom || undefined)}
      style-url=${ifDefined(a['style-url'] || undefined)}
      .chapters=${a.chapters}
    ></chapter-map>`,
  parameters: {
    docs: {
      description: {
        component:
          'A map of the chapters with a list that is always there: search by name, city, region or postal code, or "Near me". ' +
          'The map needs no key or tile server (a built-in world basemap) and is fetched only when the element nears the screen; ' +
          'without WebGL, or under a Content-Security-Policy that refuses its worker, the list and search still work. ' +
          'A link to `#chapter-<id>` selects that chapter. See docs/chapter-map.md for `style-url` and the CSP the map needs.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<Args>;

const shadow = (root: HTMLElement) => root.querySelector('chapter-map')!.shadowRoot!;
const until = async (ok: () => unknown) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
};

/** The demo organization's chapters, from its feed. */
export const AFewChapters: Story = { name: 'A few chapters (from the feed)' };

/**
 * Five thousand chapters, set from script: clusters with counts; click or press Enter on one to zoom in.
 * The list stays fast.
 */
export const Thousands: Story = {
  name: 'Thousands, clustered',
  args: { feed: undefined, chapters: manyChapters(5000) },
};

/** The list below the map (it always goes below on narrow screens). */
export const ListBelow: Story = { name: 'List below', args: { list: 'below' } };

/** A search: a postal code picks the chapter whose `postal_codes` prefix covers it. */
export const SearchResults: Story = {
  name: 'Search results',
  play: async ({ canvasElement }) => {
    await until(() => shadow(canvasElement)?.querySelector('input[type=search]'));
    const input = shadow(canvasElement).querySelector<HTMLInputElement>('input[type=search]')!;
    input.value = 'Chicago';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  },
};

/** "Near me" with a mocked position (downtown Chicago): the nearest chapters first, with distances. */
export const NearMe: Story = {
  name: 'Near me (mocked position)',
  decorators: [frame({ lang: 'en-US' })],
  play: async ({ canvasElement }) => {
    await until(() => shadow(canvasElement)?.querySelector('button.near'));
    const geo = navigator.geolocation;
    const real = geo.getCurrentPosition;
    geo.getCurrentPosition = (ok) =>
      ok({ coords: { longitude: -87.62, latitude: 41.88, accuracy: 20 } } as GeolocationPosition);
    try {
      shadow(canvasElement).querySelector<HTMLButtonElement>('button.near')!.click();
    } finally {
      geo.getCurrentPosition = real;
    }
  },
};

/**
 * Without WebGL (here: refused to this story's map only): the widget says the map cannot be
 * shown, and the list and search work as before.
 */
export const NoWebGL: Story = {
  name: 'No WebGL',
  decorators: [
    (story) => {
      const proto = HTMLCanvasElement.prototype as HTMLCanvasElement & { __swPatched?: boolean };
      if (!proto.__swPatched) {
        proto.__swPatched = true;
        const real = proto.getContext;
        proto.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
          const host = (this.getRootNode() as ShadowRoot).host;
          if (/webgl/.test(type) && host?.closest('[data-no-webgl]')) return null;
          return real.call(this, type as '2d', ...(rest as []));
        } as typeof real;
      }
      return html`<div data-no-webgl>${story()}</div>`;
    },
  ],
};

/** In Spanish: the page's `lang="es"` (UI strings and the feed's translations). */
export const Spanish: Story = { decorators: [frame({ lang: 'es' })] };

/** Right to left: the layout mirrors (the list goes to the start side). */
export const RightToLeft: Story = { name: 'Right to left', decorators: [frame({ dir: 'rtl', lang: 'ar' })] };

/** A centre and zoom chosen by the webmaster. */
export const CenterAndZoom: Story = { name: 'Center and zoom', args: { center: '-87.65,41.9', zoom: '9' } };

/** The feed cannot be loaded: a clear message. */
export const FeedFailing: Story = { name: 'Feed failing', args: { feed: MISSING_FEED } };

/**
 * The page's own list of chapters inside the tag: readers see it before the script runs and
 * until the chapters arrive; here the feed fails, so it stays, under the message.
 */
export const FallbackList: Story = {
  name: 'Fallback list (feed failing)',
  args: { feed: MISSING_FEED },
  render: (a) =>
    html`<chapter-map feed=${ifDefined(a.feed || undefined)}>
      <ul>
        <li>Chicago: <a href="mailto:chicago@workers.example">chicago@workers.example</a></li>
        <li>Detroit: <a href="mailto:detroit@workers.example">detroit@workers.example</a></li>
      </ul>
    </chapter-map>`,
};
