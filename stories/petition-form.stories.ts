import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { PetitionForm } from '../src/components/petition-form/petition-form.js';
import { QUEUE_KEY } from '../src/core/signing/offline-queue.js';
import * as helpers from './helpers.js';
import { FEED, MISSING_FEED, frame, typeFields } from './helpers.js';

PetitionForm.define('petition-form');

interface Args {
  feed?: string;
  petition?: string;
  endpoint?: string;
  heading?: string;
  goal?: string;
  fields?: string;
  source?: string;
  'privacy-url'?: string;
}

const ready = (canvas: HTMLElement, what = 'form') => helpers.ready<PetitionForm>(canvas, 'petition-form', what);

/** Fills the form as a reader would (input events), ticks consent, and optionally submits. */
async function fillIn(canvas: HTMLElement, submit = true, values: Record<string, string> = {}): Promise<void> {
  const el = await ready(canvas);
  const root = el.shadowRoot!;
  const person: Record<string, string> = {
    given_name: 'Lucía',
    family_name: 'Flores',
    email: `lucia.${Math.random().toString(36).slice(2, 8)}@example.org`,
    postal_code: '60601',
    ...values,
  };
  typeFields(root, person);
  const consent = root.querySelector<HTMLInputElement>('#consent')!;
  if (!consent.checked) consent.click();
  await el.updateComplete;
  if (submit) root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

const meta: Meta<Args> = {
  title: 'Widgets/petition-form',
  component: 'petition-form',
  args: { feed: FEED, petition: 'cancel-rent' },
  render: (a) => html`<petition-form
    feed=${ifDefined(a.feed || undefined)}
    petition=${ifDefined(a.petition || undefined)}
    endpoint=${ifDefined(a.endpoint || undefined)}
    heading=${ifDefined(a.heading || undefined)}
    goal=${ifDefined(a.goal || undefined)}
    fields=${ifDefined(a.fields || undefined)}
    source=${ifDefined(a.source || undefined)}
    privacy-url=${ifDefined(a['privacy-url'] || undefined)}
  ></petition-form>`,
  parameters: {
    docs: {
      description: {
        component:
          'A reader signs without leaving the page. Fields carry real labels and `autocomplete` tokens; errors are tied to their field and announced; ' +
          'each signing has one `Idempotency-Key`, so retries and double clicks never count twice. Without a connection the signature is kept on the ' +
          'device (one `localStorage` key, `solidarity-widgets`) and sent, exactly once, when the connection returns or the reader opens another page ' +
          'carrying the widget. In these docs the petition API is answered in the page: nothing is sent anywhere.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The petition from the feed, before the reader types anything. */
export const Empty: Story = { name: 'From the feed (empty)' };

/** `fields` shows more fields: here country, phone and a comment, all optional for this petition. */
export const MoreFields: Story = {
  name: 'More fields (optional ones marked)',
  args: { fields: 'given_name,family_name,email,postal_code,country,phone,comment' },
};

/** Submitted empty: each problem is named at its field, the first one has focus, and a summary is announced. */
export const Errors: Story = {
  name: 'Errors',
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  },
};

/** A mistyped email domain gets a one-click correction. */
export const EmailSuggestion: Story = {
  name: 'Email typo suggestion',
  play: async ({ canvasElement }) => fillIn(canvasElement, false, { email: 'lucia@gmial.com' }),
};

/** Waiting for the server (here it never answers): the button is inert, "Sending…" is announced. */
export const Sending: Story = {
  name: 'Sending',
  beforeEach: () => {
    const fetch = window.fetch;
    window.fetch = (input, init) => (init?.method === 'POST' ? new Promise<Response>(() => {}) : fetch(input, init));
    return () => {
      window.fetch = fetch;
    };
  },
  play: async ({ canvasElement }) => fillIn(canvasElement),
};

/** Signed: the count went up, a thank-you, and sharing links that carry a `source` code. */
export const Signed: Story = {
  name: 'Signed',
  play: async ({ canvasElement }) => fillIn(canvasElement),
};

/** Offline: saved on this device, and the reader is told it will be sent. */
export const QueuedOffline: Story = {
  name: 'Queued offline',
  beforeEach: () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    return () => {
      delete (navigator as { onLine?: boolean }).onLine; // back to the browser's own
      localStorage.removeItem(QUEUE_KEY);
    };
  },
  play: async ({ canvasElement }) => fillIn(canvasElement),
};

/** 3,187 of a 3,200 goal. Once passed, the next goal is shown (doubled), as the counter never ends at "100 %". */
export const GoalNearlyReached: Story = { name: 'Goal nearly reached', args: { goal: '3200' } };

/** The goal was passed: the shown goal doubles until it is above the count (the stored goal never changes). */
export const GoalPassed: Story = { name: 'Goal passed (next goal shown)', args: { goal: '1000' } };

/** Past its closing date: it says so and shows no form. */
export const Closed: Story = { name: 'Closed', args: { petition: 'old-campaign' } };

/** `lang="es"` on the page: UI strings, petition text and consent in Spanish. */
export const Spanish: Story = { name: 'Spanish (es)', decorators: [frame({ lang: 'es' })] };

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

/**
 * No feed: the petition from attributes (`endpoint`, `heading`, `goal`) and its text written inside the
 * tag, which is readable before the script runs. The consent shown is the built-in one.
 */
export const FromAttributes: Story = {
  name: 'From attributes and page text (no feed)',
  args: {
    feed: '',
    petition: '',
    endpoint: 'api/petitions/transit-free',
    heading: 'Free transit for all',
    goal: '1000',
  },
  render: (
    a,
  ) => html`<petition-form endpoint=${ifDefined(a.endpoint)} heading=${ifDefined(a.heading)} goal=${ifDefined(a.goal)}>
    <p>Buses and trams should be free at the point of use, paid for by a tax on downtown parking.</p>
  </petition-form>`,
};

/** The feed fails to load: a polite message in the widget's box. */
export const FeedFailing: Story = { name: 'Feed failing', args: { feed: MISSING_FEED } };

/** A petition id that is not in the feed. */
export const UnknownPetition: Story = { name: 'Unknown petition', args: { petition: 'no-such-petition' } };
