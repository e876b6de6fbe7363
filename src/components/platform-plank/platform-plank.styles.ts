import { css } from 'lit';

export const plankStyles = css`
  .card {
    position: relative;
    block-size: 100%;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-block-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  header {
    display: flex;
    gap: calc(var(--_space) * 0.75);
    align-items: baseline;
  }
  .number {
    flex: none;
    display: inline-grid;
    place-items: center;
    min-inline-size: 2em;
    block-size: 2em;
    padding-inline: 0.4em;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
    font-size: 0.95em;
  }
  .title {
    display: flex;
    flex: 1;
    gap: calc(var(--_space) * 0.75);
    align-items: center;
    margin: 0;
    font-size: var(--sw-heading-size, 1.25em);
    line-height: 1.25;
    font-weight: 700;
    color: var(--_text);
  }
  .summary {
    margin-block: calc(var(--_space) * 0.5) 0;
    color: var(--_muted);
  }
  .body {
    margin-block-start: calc(var(--_space) * 0.5);
  }
  .body[hidden] {
    display: none;
  }
  .body p,
  .body ::slotted(p) {
    margin-block: 0 0.75em;
  }
  .body ul {
    margin-block: 0 0.75em;
    padding-inline-start: 1.25em;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin: calc(var(--_space) * 0.5) 0 0;
    padding: 0;
    list-style: none;
  }
  .tags li {
    padding: 0.1em 0.6em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin-block-start: calc(var(--_space) * 0.75);
  }
  .status {
    font-size: 0.9em;
    color: var(--_muted);
  }
  /* compact: one line, the title itself is the disclosure button */
  .compact {
    border-block-start-width: 1px;
    border-inline-start: 4px solid var(--_accent);
    padding-block: calc(var(--_space) * 0.5);
  }
  .compact .title {
    font-size: 1em;
  }
  /* collapsed, a compact plank has no actions: no empty row under its title */
  :host(:not([expanded])) .compact .actions {
    display: none;
  }
  .disclosure {
    display: flex;
    gap: 0.75em;
    align-items: center;
    inline-size: 100%;
    min-block-size: 44px;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 700;
    text-align: start;
  }
  .disclosure::after {
    content: '';
    margin-inline-start: auto;
    inline-size: 0.6em;
    block-size: 0.6em;
    border-inline-end: 2px solid currentColor;
    border-block-end: 2px solid currentColor;
    transform: rotate(45deg);
    transition: transform 0.15s;
  }
  .disclosure[aria-expanded='true']::after {
    transform: rotate(-135deg);
  }
  @media (prefers-reduced-motion: reduce) {
    .disclosure::after {
      transition: none;
    }
  }
`;
