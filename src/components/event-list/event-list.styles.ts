import { css } from 'lit';

export const listStyles = css`
  .events {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .event {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .event:focus {
    outline: 3px solid var(--_focus);
  }
  .compact {
    gap: calc(var(--_space) * 0.5);
  }
  .compact .event {
    padding: calc(var(--_space) * 0.5) var(--_space);
  }
  .title {
    margin: 0;
    font-size: var(--sw-heading-size, 1.25rem);
    font-weight: 700;
    line-height: 1.25;
  }
  p {
    margin: 0.25em 0 0;
  }
  .yours,
  .seats,
  .langs {
    color: var(--_muted);
  }
  .now {
    color: var(--_success);
  }
  .description:empty {
    display: none;
  }
  .actions,
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin-block-start: calc(var(--_space) * 0.75);
  }
  .status,
  .alert {
    font-weight: 600;
  }
  .alert {
    color: var(--_danger);
  }
  .status:empty,
  .alert:empty {
    display: none;
  }
`;
