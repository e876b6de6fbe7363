import { css } from 'lit';

export const donateStyles = css`
  :host {
    display: inline-block;
  }
  .progress {
    display: grid;
    gap: 0.25em;
    margin-block-start: 0.5em;
    color: var(--_muted);
    font-size: 0.9em;
  }
  /* UI sentences are English, Spanish or French: keep them readable on a right-to-left page */
  .progress span,
  .message {
    unicode-bidi: plaintext;
  }
  progress {
    appearance: none;
    inline-size: 100%;
    block-size: 0.6em;
    border: 1px solid var(--_border);
    border-radius: 1em;
    background: var(--_surface-alt);
    overflow: hidden;
  }
  progress::-webkit-progress-bar {
    background: none;
  }
  progress::-webkit-progress-value {
    background: var(--_accent);
  }
  progress::-moz-progress-bar {
    background: var(--_accent);
  }
`;
