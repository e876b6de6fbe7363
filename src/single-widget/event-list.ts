/**
 * The single-widget script for a page whose only widget of ours is `<event-list>`:
 * `dist/widgets/event-list.js`, Lit and the core in it, without the code of the widgets
 * solidarity-widgets.js carries (docs/design.md, "The scripts").
 */
import '../core/context.js';
import { EventList } from '../components/event-list/event-list.js';
import { startDefining } from '../core/tag-loader.js';

export const define = startDefining({ 'event-list': EventList });
