import { css } from 'lit';

export const panelStyles = css`
  dialog {
    inline-size: min(26rem, calc(100vw - 2rem));
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .head {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: 1em;
  }
  /* UI sentences are English, Spanish or French: keep them readable on a right-to-left page */
  p,
  h2,
  legend,
  label {
    unicode-bidi: plaintext;
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
  }
  .close {
    flex: none;
    inline-size: 44px;
    block-size: 44px;
    margin: -0.5em;
    border: 0;
    background: none;
    color: inherit;
    font-size: 1.5em;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: var(--_space) 0 0;
    padding: 0;
    border: 0;
  }
  legend {
    margin-block-end: 0.5em;
    padding: 0;
    font-weight: 600;
  }
  .chip input {
    position: absolute;
    opacity: 0;
  }
  .chip span {
    display: inline-grid;
    place-items: center;
    min-block-size: 44px;
    min-inline-size: 4.5em;
    padding: 0.25em 0.9em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .chip input:checked + span {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
  }
  .chip input:focus-visible + span {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .field {
    display: grid;
    gap: 0.25em;
    margin-block-start: var(--_space);
  }
  .field input {
    min-block-size: 44px;
    padding: 0.25em 0.6em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  .field input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .error {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .cta {
    inline-size: 100%;
    min-block-size: 48px;
    margin-block-start: var(--_space);
    border: 0;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
    font-size: 1.1em;
  }
  .note {
    margin: 0.5em 0 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .message {
    margin-block-start: var(--_space);
  }
  @media (forced-colors: active) {
    .chip input:checked + span {
      border-width: 4px;
    }
  }
`;
