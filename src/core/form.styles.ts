/**
 * The look of a form on the signing engine (core/signing): fields in a grid with real labels, a problem under its
 * field, the consent checkbox beside its text, the honeypot off-screen. The petition and the join form carry
 * it with their styles; the RSVP form adopts it with its lazy chunk (`adoptStyles(root, formStyles)`).
 */
import { css } from 'lit';

export const formStyles = css`
  form label,
  form input,
  form textarea {
    display: block;
    font: inherit;
    color: inherit;
  }
  .optional {
    color: var(--_muted);
    font-weight: normal;
  }
  .fields {
    display: grid;
    gap: 0.75em 1em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 13em), 1fr));
  }
  .comment {
    grid-column: 1 / -1;
  }
  form label {
    font-weight: 600;
    margin-block-end: 0.25em;
  }
  form input:not([type='checkbox']),
  form textarea {
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
  .error {
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
  .consent .privacy {
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
`;
