import { css } from 'lit';

export const chapterMapStyles = css`
  :host {
    container-type: inline-size;
  }
  .wrap {
    display: grid;
    gap: var(--_space);
    grid-template: 'map' 'panel' / minmax(0, 1fr);
  }
  .side {
    grid-template: 'map panel' / minmax(0, 3fr) minmax(15rem, 2fr);
  }
  @container (max-width: 40rem) {
    .side {
      grid-template: 'map' 'panel' / minmax(0, 1fr);
    }
  }
  .panel {
    grid-area: panel;
  }
  .map {
    grid-area: map;
    position: relative;
  }
  .canvas {
    block-size: var(--sw-map-height, 26rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: #cfe0ea;
  }
  .canvas[hidden] {
    display: none;
  }
  .cluster {
    display: grid;
    place-items: center;
    min-inline-size: 2.2em;
    block-size: 2.2em;
    padding: 0 0.4em;
    border: 2px solid var(--_surface);
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 0.85em;
    font-weight: 700;
  }
  .popup {
    color: #1f1f23;
    font: 0.9rem/1.4 var(--sw-font-family, system-ui, sans-serif);
  }
  .popup p,
  .details p {
    margin: 0.25em 0 0;
  }
  label {
    font-weight: 700;
  }
  .hint {
    display: block;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .row {
    display: flex;
    gap: 0.5em;
    margin-block: 0.25em 0.5em;
  }
  input {
    flex: 1;
    min-inline-size: 0;
    min-block-size: 44px;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    font: inherit;
    color: inherit;
    background: var(--_surface);
  }
  .status {
    min-block-size: 1.5em;
    margin: 0.5em 0;
    color: var(--_muted);
  }
  .list {
    position: relative;
    block-size: var(--sw-list-height, 20rem);
    overflow-y: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .rows {
    position: relative;
  }
  [role='option'] {
    position: absolute;
    inset-inline: 0;
    display: flex;
    flex-direction: column;
    justify-content: center;
    block-size: 3.4em;
    padding-inline: 0.75em;
    border-block-end: 1px solid var(--_border);
    border-inline-start: 4px solid transparent;
    overflow: hidden;
    cursor: pointer;
  }
  [role='option'] span {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .name {
    font-weight: 600;
  }
  .where {
    color: var(--_muted);
    font-size: 0.9em;
  }
  [aria-selected='true'] {
    background: var(--_surface-alt);
    border-inline-start-color: var(--_accent);
  }
  .list:focus-visible .active {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .details {
    margin-block-start: var(--_space);
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
  }
  h3 {
    margin: 0;
    font-size: 1.1em;
  }
  .events h4 {
    margin: 0.75em 0 0.25em;
    font-size: 1em;
  }
  .events ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .events .when {
    display: block;
    color: var(--_muted);
    font-size: 0.9em;
  }
`;
