import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
// Every tag, as the one script defines them for a webmaster's page.
import '../src/index.js';
// <join-form> loads from a chunk of its own (not imported by the entry): defined here for the preview.
import { JoinForm } from '../src/components/join-form/join-form.js';
import { widgets } from './embed-builder.js';

JoinForm.define('join-form');

interface Args {
  widget: string;
}

const meta: Meta<Args> = {
  title: 'Tools/Embed builder',
  // A tool, not a widget: no autodocs page of its own.
  tags: ['!autodocs'],
  args: { widget: 'petition-form' },
  argTypes: {
    widget: { control: 'select', options: widgets().map((w) => w.tag), description: 'The widget to start with.' },
  },
  parameters: {
    layout: 'padded',
    // The builder is its own set of controls; Storybook's panel (the starting widget) stays closed.
    options: { showPanel: false },
    docs: {
      description: {
        component:
          'Pick a widget, set its options, see it live, and copy a snippet to paste into any page: the script tag and the widget tag, with the organization’s addresses filled in.',
      },
    },
  },
  render: (a) => html`<sw-embed-builder widget=${a.widget}></sw-embed-builder>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Pick a widget, set its attributes, copy the snippet. */
export const EmbedBuilder: Story = { name: 'Embed builder' };
