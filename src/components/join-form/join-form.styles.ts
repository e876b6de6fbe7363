import { css } from 'lit';

/** The join form's own rules; its box is formBoxStyles, its fields and consent formStyles (core). */
export const joinStyles = css`
  .chapter {
    grid-column: 1 / -1;
  }
  .chapter-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  select {
    flex: 1 1 14em;
    min-block-size: 44px;
    padding: 0.5em;
    border: 1px solid var(--_muted);
    border-radius: 4px;
    background: var(--_surface);
    font: inherit;
    color: inherit;
  }
  .note {
    margin: 0.25em 0 0;
    color: var(--_muted);
  }
`;
