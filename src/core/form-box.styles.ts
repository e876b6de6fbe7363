import { css } from 'lit';

// A host page's rules on form/input/label/button (even !important) cannot enter the
// shadow root; what it could pass down by inheritance is reset on :host (here and in
// themeStyles), and controls take the widget's font explicitly.
/**
 * The box a signing form stands in (the petition's, the join form's): frame, heading, paragraphs, alert
 * and status line, and the petition's counter bar (kept here: apart, it costs the entry ~40 bytes).
 * Its fields, consent and honeypot are formStyles.
 */
export const formBoxStyles = css`
  :host {
    text-indent: 0;
    word-spacing: normal;
    white-space: normal;
    text-shadow: none;
    font-variant: normal;
    cursor: auto;
  }
  section {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-block-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  h2,
  h3 {
    margin: 0 0 0.5em;
    font-size: var(--sw-heading-size, 1.35em);
    line-height: 1.25;
  }
  p {
    margin: 0 0 0.75em;
  }
  .target {
    color: var(--_muted);
  }
  .bar {
    block-size: 0.75em;
    margin-block-end: 1em;
    border: 1px solid var(--_border);
    border-radius: 1em;
    background: var(--_surface-alt);
    overflow: hidden;
  }
  .bar span {
    display: block;
    block-size: 100%;
    background: var(--_accent);
  }
  button {
    display: block;
    font: inherit;
    color: inherit;
  }
  .alert {
    margin: 0.25em 0 0;
    color: var(--_danger);
    font-weight: 600;
  }
  [aria-disabled='true'] {
    opacity: 0.7;
  }
  .status {
    margin-block: 0.75em 0;
    font-weight: 600;
  }
`;
