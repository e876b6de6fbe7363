/**
 * The single-widget script for a page whose only widget of ours is `<join-form>`:
 * `dist/widgets/join-form.js`, Lit and the core in it, without the code of the widgets
 * solidarity-widgets.js carries (docs/design.md, "The scripts").
 */
import '../core/context.js';
import { JoinForm } from '../components/join-form/join-form.js';
import { startDefining } from '../core/tag-loader.js';

export const define = startDefining({ 'join-form': JoinForm });
