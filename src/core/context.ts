import { createContext } from '@lit/context';
import type { FeedState } from './feed-loader.js';

/** What `<org-feed>` provides to the widgets inside it. */
export const feedContext = createContext<FeedState | undefined>(Symbol.for('solidarity-widgets.feed'));
