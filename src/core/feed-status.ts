import { html, type TemplateResult } from 'lit';
import type { FeedState } from './feed-loader.js';
import type { LocaleController } from './locale-controller.js';

/** The polite loading / failure message every feed-driven widget shows. */
export function renderFeedStatus(state: FeedState, locale: LocaleController): TemplateResult {
  if (state.status === 'loading') {
    return html`<p class="message" part="message" role="status">${locale.t('feed.loading')}</p>`;
  }
  const code = state.status === 'error' ? state.error.code : 'bad-shape';
  return html`<p class="message error" part="message" role="alert">${locale.t(`feed.error.${code}`)}</p>`;
}
