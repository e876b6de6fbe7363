// Bar charts as plain SVG: each is an image with a title for screen readers, and the same numbers
// follow in a table (the table is what assistive technology and keyboard users read).
import { html, svg, type TemplateResult } from 'lit';

export interface Bar {
  label: string;
  value: number;
}

const WIDTH = 600;
const HEIGHT = 160;

let nextId = 0;

/**
 * `numbersLabel`: the summary of a <details> around the table, for long tables (the per-day ones);
 * without it the table is shown in full.
 */
export function barChart(
  title: string,
  bars: Bar[],
  columns: [string, string],
  locale: string,
  numbersLabel?: string,
): TemplateResult {
  const id = `chart-${++nextId}`;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = bars.length ? WIDTH / bars.length : WIDTH;
  const fmt = new Intl.NumberFormat(locale);
  const table = html`<table>
    <caption>${title}</caption>
    <thead>
      <tr><th scope="col">${columns[0]}</th><th scope="col">${columns[1]}</th></tr>
    </thead>
    <tbody>
      ${bars.map((b) => html`<tr><th scope="row">${b.label}</th><td>${fmt.format(b.value)}</td></tr>`)}
    </tbody>
  </table>`;
  return html`<figure>
    <figcaption id=${id}>${title}</figcaption>
    <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby=${id} class="chart" preserveAspectRatio="none">
      ${bars.map((b, i) => {
        const h = (b.value / max) * (HEIGHT - 4);
        return svg`<rect x=${i * step + step * 0.1} y=${HEIGHT - h} width=${Math.max(1, step * 0.8)} height=${h}>
          <title>${b.label}: ${fmt.format(b.value)}</title></rect>`;
      })}
    </svg>
    ${numbersLabel ? html`<details><summary>${numbersLabel}</summary>${table}</details>` : table}
  </figure>`;
}

/** The last `days` UTC days ending today, with zero for days without signatures. */
export function lastDays(perDay: { day: string; count: number }[], days: number, today = new Date()): Bar[] {
  const byDay = new Map(perDay.map((d) => [d.day, d.count]));
  const out: Bar[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = new Date(today.getTime() - i * 86_400_000).toISOString().slice(0, 10);
    out.push({ label: day, value: byDay.get(day) ?? 0 });
  }
  return out;
}

/** The running total at the end of each day that had signatures. */
export function runningTotal(perDay: { day: string; count: number }[]): Bar[] {
  let sum = 0;
  return perDay.map((d) => ({ label: d.day, value: (sum += d.count) }));
}
