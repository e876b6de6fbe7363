import { css } from 'lit';

export const listStyles = css`
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--sw-plank-min-width, 18rem)), 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .grid.compact {
    grid-template-columns: 1fr;
    gap: calc(var(--_space) * 0.5);
  }
  .grid > li {
    margin: 0;
    padding: 0;
  }
`;
