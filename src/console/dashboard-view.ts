// The dashboard: every petition's count, goal and last signature; for the chosen one, signatures
// per day (last 30 days and since the start) and by source and by site, as charts and tables.
import { html } from 'lit';
import type { PetitionRow, PetitionStats, Tally } from './api.js';
import { barChart, lastDays, runningTotal, type Bar } from './chart.js';
import type { StringKey } from './strings.js';
import { ConsoleView } from './view.js';

export class DashboardView extends ConsoleView {
  static properties = {
    ...ConsoleView.properties,
    petitions: { state: true },
    chosen: { state: true },
    stats: { state: true },
    error: { state: true },
  };
  private petitions: PetitionRow[] = [];
  private chosen = '';
  private stats: PetitionStats | null = null;
  private error = '';

  async connectedCallback() {
    super.connectedCallback();
    try {
      this.petitions = (await this.api.get<{ petitions: PetitionRow[] }>('petitions')).petitions;
      if (this.petitions.length) await this.choose(this.petitions[0].id);
    } catch (err) {
      this.error = (err as Error).message;
    }
  }

  private async choose(id: string) {
    this.chosen = id;
    this.stats = await this.api.get<PetitionStats>(`petitions/${encodeURIComponent(id)}/stats`);
  }

  private tallies(rows: Tally[]) {
    return rows.map((r) => ({ label: r.key ?? this.t('none'), value: r.count }));
  }

  /** A chart of counts by `column`; long tables (per day) folded under "the numbers". */
  private chart(title: StringKey, bars: Bar[], column: StringKey, long = false) {
    const columns: [string, string] = [this.t(column), this.t('col.count')];
    return barChart(this.t(title), bars, columns, this.lang, long ? this.t('chart.numbers') : undefined);
  }

  render() {
    const fmt = new Intl.NumberFormat(this.lang);
    const s = this.stats;
    return html`
      ${this.error ? html`<p class="error" role="alert">${this.t('error.generic', { message: this.error })}</p>` : ''}
      <table id="petitions">
        <caption>${this.t('petitions')}</caption>
        <thead>
          <tr>
            <th scope="col">${this.t('col.petition')}</th>
            <th scope="col">${this.t('col.count')}</th>
            <th scope="col">${this.t('col.goal')}</th>
            <th scope="col">${this.t('col.last')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.petitions.map(
            (p) => html`<tr data-petition=${p.id}>
              <th scope="row">${this.petitionName(p)}</th>
              <td>${fmt.format(p.count)}</td>
              <td>${p.goal === null ? '' : fmt.format(p.goal)}</td>
              <td>${this.when(p.last_signed_at)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <label for="chosen">${this.t('petition')}</label>
      <select id="chosen" @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}>
        ${this.petitionOptions(this.petitions, this.chosen)}
      </select>
      ${
        s
          ? html`<section aria-live="polite">
            ${this.chart('chart.last30', lastDays(s.per_day, 30), 'col.day', true)}
            ${this.chart('chart.total', runningTotal(s.per_day), 'col.day', true)}
            ${this.chart('chart.source', this.tallies(s.per_source), 'col.source')}
            ${this.chart('chart.site', this.tallies(s.per_site), 'col.site')}
          </section>`
          : ''
      }
    `;
  }
}

customElements.define('sw-console-dashboard', DashboardView);
