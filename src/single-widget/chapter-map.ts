/**
 * The single-widget script for a page whose only widget of ours is `<chapter-map>` (a store-locator page):
 * `dist/widgets/chapter-map.js`, Lit and the core in it, without the code of the widgets
 * solidarity-widgets.js carries (docs/design.md, "The scripts").
 */
import '../core/context.js';
import { ChapterMap } from '../components/chapter-map/chapter-map.js';
import { startDefining } from '../core/tag-loader.js';

export const define = startDefining({ 'chapter-map': ChapterMap });
