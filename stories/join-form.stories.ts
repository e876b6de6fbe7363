import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { JoinForm } from '../src/components/join-form/join-form.js';
import { QUEUE_KEY } from '../src/core/signing/offline-queue.js';
import * as helpers from './helpers.js';
import { FEED, MISSING_FEED, frame, typeFields } from './helpers.js';

JoinForm.define('join-form');

interface Args {
  feed?: string;
  endpoint?: string;
  chapter?: string;
  heading?: string;
  fields?: string;
  source?: string;
  'privacy-url'?: string;
}

const ready = (canvas: HTMLElement, what = 'form') => helpers.ready<JoinForm>(canvas, 'join-form', what);

/** Fills the form as a reader would (input events; the postal code picks the chapter), ticks consent, and submits. */
async function fillIn(canvas: HTMLElement, submit = true, values: Record<string, string> = {}): Promise<JoinForm> {
  const el = await ready(canvas);
  const root = el.shadowRoot!;
  const person: Record<string, string> = {
    given_name: 'Lucy',
    family_name: 'Parsons',
    email: `lucy.${Math.random().toString(36).slice(2, 8)}@example.org`,
    postal_code: '60614',
    ...values,
  };
  typeFields(root, person);
  for (let i = 0; i < 80 && !root.querySelector<HTMLSelectElement>('#f-chapter')?.value; i++) {
    await new Promise((r) => setTimeout(r, 25)); // the chapter finder's chunk
  }
  if (!submit) return el;
  const consent = root.querySelector<HTMLInputElement>('#consent')!;
  if (!consent.checked) consent.click();
  await el.updateComplete;
  root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  return el;
}

const meta: Meta<Args> = {
  title: 'Widgets/join-form',
  component: 'join-form',
  args: { feed: FEED },
  render: (a) => html`<join-form
    feed=${ifDefined(a.feed || undefined)}
    endpoint=${ifDefined(a.endpoint || undefined)}
    chapter=${ifDefined(a.chapter || undefined)}
    heading=${ifDefined(a.heading || undefined)}
    fields=${ifDefined(a.fields || undefined)}
    source=${ifDefined(a.source || undefined)}
    privacy-url=${ifDefined(a['privacy-url'] || undefined)}
  ></join-form>`,
  parameters: {
    docs: {
      description: {
        component:
          'A new member joins without leaving the page, and is brought to their chapter: typing a postal code picks the chapter by the ' +
          'prefixes the map uses, "Near me" finds the nearest one, and the list is always there to choose another. The welcome names the ' +
          'chapter and how to reach it. Built on the petition\u2019s signing engine: one `Idempotency-Key` per join, and a join made ' +
          'offline is kept on the device and sent exactly once. In these docs the join API is answered in the page: nothing is sent anywhere.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The feed's join form, before the reader types anything. */
export const Empty: Story = { name: 'From the feed (empty)' };

/** A postal code typed: 60614 picks Chicago North Side (its longest prefix), and the note says so. */
export const FromPostalCode: Story = {
  name: 'Chapter from the postal code',
  play: async ({ canvasElement }) => void (await fillIn(canvasElement, false)),
};

/** "Near me" with a position near Milwaukee (the browser's answer is simulated here). */
export const NearMe: Story = {
  name: 'Near me',
  beforeEach: () => {
    const at = { coords: { latitude: 43.04, longitude: -87.91 } } as GeolocationPosition;
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: { getCurrentPosition: (ok: PositionCallback) => setTimeout(() => ok(at), 300) },
    });
    return () => void delete (navigator as unknown as Record<string, unknown>).geolocation;
  },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=near-me]')!.click();
  },
};

/** The page gives the chapter (a chapter's own site, say); the member may still choose another. */
export const GivenChapter: Story = { name: 'Chapter given by the page', args: { chapter: 'chicago' } };

/** Submitted empty: each problem is named at its field, the first one has focus, and a summary is announced. */
export const Errors: Story = {
  name: 'Errors',
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  },
};

/** Joined: the welcome names the chapter, with its email, website and meeting time. */
export const Joined: Story = { name: 'Joined', play: async ({ canvasElement }) => void (await fillIn(canvasElement)) };

/** Offline: saved on this device, and the reader is told it will be sent. */
export const QueuedOffline: Story = {
  name: 'Queued offline',
  beforeEach: () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    return () => {
      delete (navigator as { onLine?: boolean }).onLine;
      localStorage.removeItem(QUEUE_KEY);
    };
  },
  play: async ({ canvasElement }) => void (await fillIn(canvasElement)),
};

/** `lang="es"` on the page: UI strings, the join form's text and consent in Spanish. */
export const Spanish: Story = { name: 'Spanish (es)', decorators: [frame({ lang: 'es' })], play: FromPostalCode.play };

/** French, with errors shown. */
export const French: Story = {
  name: 'French (fr), with errors',
  decorators: [frame({ lang: 'fr' })],
  play: Errors.play,
};

/** A right-to-left page: the layout mirrors. */
export const RightToLeft: Story = { name: 'Right to left', decorators: [frame({ dir: 'rtl' })] };

/** A phone-width column (320 px): the fields stack. */
export const NarrowPhone: Story = { name: 'Narrow phone width', decorators: [frame({ style: 'max-width:320px' })] };

/** Dark tokens set by the host page. */
export const DarkTokens: Story = { name: 'Dark tokens', decorators: [frame({ theme: 'dark' })], play: Errors.play };

/** The feed fails to load: a polite message in the widget's box, over the page's own content. */
export const FeedFailing: Story = {
  name: 'Feed failing',
  args: { feed: MISSING_FEED },
  render: (a) =>
    html`<join-form feed=${ifDefined(a.feed)}><a href="https://example.org/join">Join on our site</a></join-form>`,
};

/** A chapter id the feed does not have: the visible attribute message, and the list with nothing chosen. */
export const UnknownChapter: Story = { name: 'Unknown chapter', args: { chapter: 'atlantis' } };
