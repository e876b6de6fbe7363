import { css } from 'lit';

/**
 * Shared theme: public `--sw-*` tokens with fallbacks, read once into private
 * `--_*` properties. Values are set explicitly so a host page's global or
 * `!important` rules on its own elements cannot leak in through inheritance.
 */
export const themeStyles = css`
  :host {
    --_accent: var(--sw-color-accent, var(--_feed-accent, #b71c1c));
    --_on-accent: var(--sw-color-on-accent, #ffffff);
    --_text: var(--sw-color-text, #1f1f23);
    --_muted: var(--sw-color-muted, #55555f);
    --_surface: var(--sw-color-surface, #ffffff);
    --_surface-alt: var(--sw-color-surface-alt, #f4f4f6);
    --_border: var(--sw-color-border, #c8c8d0);
    --_danger: var(--sw-color-danger, #a4000f);
    --_success: var(--sw-color-success, #17612d);
    --_focus: var(--sw-color-focus, #1a5fb4);
    --_radius: var(--sw-radius, 0.5rem);
    --_space: var(--sw-space, 1rem);
    display: block;
    box-sizing: border-box;
  }
  /* Inherited text properties are set again below the host: a host page's
     !important rule on our tag itself would otherwise flow into the widget. */
  :host,
  :host > * {
    color: var(--_text);
    font-family: var(--sw-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--sw-font-size, 1rem);
    font-weight: normal;
    font-style: normal;
    line-height: 1.5;
    text-align: start;
    text-transform: none;
    letter-spacing: normal;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--sw-color-link, var(--_accent));
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  /* The widgets' ordinary button: outlined in the accent; .primary is filled. */
  .btn {
    min-block-size: 44px;
    padding: 0.4em 1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    font-weight: 600;
  }
  .btn.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .message {
    margin: 0;
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_text);
  }
  .message.error {
    border-inline-start-color: var(--_danger);
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    :host {
      --_accent: LinkText;
      --_on-accent: Canvas;
      --_text: CanvasText;
      --_muted: CanvasText;
      --_surface: Canvas;
      --_surface-alt: Canvas;
      --_border: CanvasText;
      --_focus: Highlight;
    }
  }
`;
