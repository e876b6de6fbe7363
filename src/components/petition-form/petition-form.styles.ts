import { css } from 'lit';

// A host page's rules on form/input/label/button (even !important) cannot enter the
// shadow root; what it could pass down by inheritance is reset on :host (here and in
// themeStyles), and controls take the widget's font explicitly.
export const petitionStyles = css`
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
  .target,
  .optional {
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
  label,
  input,
  textarea,
  button {
    display: block;
    font: inherit;
    color: inherit;
  }
  .fields {
    display: grid;
    gap: 0.75em 1em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 13em), 1fr));
  }
  .comment {
    grid-column: 1 / -1;
  }
  label {
    font-weight: 600;
    margin-block-end: 0.25em;
  }
  input,
  textarea {
    inline-size: 100%;
    min-block-size: 44px;
    margin: 0;
    padding: 0.5em;
    border: 1px solid var(--_muted);
    border-radius: 4px;
    background: var(--_surface);
  }
  [aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .error,
  .alert {
    margin: 0.25em 0 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .consent {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25em 0.6em;
    margin-block: 1em;
  }
  .consent input {
    inline-size: 1.4em;
    min-block-size: 1.4em;
    margin: 0.1em 0 0;
    align-self: start;
    accent-color: var(--_accent);
  }
  .consent label {
    font-weight: normal;
  }
  .consent .error,
  .privacy {
    grid-column: 2;
  }
  .hp {
    /* off-screen above the page: never scrollable to, in either direction */
    position: absolute;
    inset-block-start: -10000px;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
  }
  [aria-disabled='true'] {
    opacity: 0.7;
  }
  .status {
    margin-block: 0.75em 0;
    font-weight: 600;
  }
`;
