// The console's look, shared by its views: plain, readable, with visible focus.
import { css } from 'lit';

export const consoleStyles = css`
  :host {
    display: block;
    font: 16px/1.5 system-ui, sans-serif;
    color: #1a1a1a;
  }
  table {
    border-collapse: collapse;
    margin: 0.5rem 0 1rem;
  }
  caption {
    text-align: start;
    font-weight: 600;
  }
  th,
  td {
    border-bottom: 1px solid #ccc;
    padding: 0.25rem 0.75rem 0.25rem 0;
    text-align: start;
  }
  figure {
    margin: 1rem 0;
  }
  figcaption {
    font-weight: 600;
  }
  .chart {
    width: 100%;
    max-width: 600px;
    height: 160px;
    background: #f4f4f4;
  }
  .chart rect {
    fill: #b3001b;
  }
  button,
  input,
  select,
  a.button {
    font: inherit;
  }
  button,
  a.button {
    padding: 0.3rem 0.8rem;
    border: 1px solid #555;
    border-radius: 4px;
    background: #fff;
    color: #1a1a1a;
    cursor: pointer;
    text-decoration: none;
    display: inline-block;
  }
  button.primary {
    background: #8a0014;
    border-color: #8a0014;
    color: #fff;
  }
  :focus-visible {
    outline: 3px solid #1f5fbf;
    outline-offset: 2px;
  }
  label {
    display: block;
    margin: 0.5rem 0 0.2rem;
  }
  .error {
    color: #a00000;
  }
  .status {
    color: #14532d;
  }
`;
