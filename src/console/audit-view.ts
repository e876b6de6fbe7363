// The audit log: sign-ins (and failed ones), exports, erasures and feed saves, newest first.
import { html } from 'lit';
import { ConsoleView } from './view.js';
import type { StringKey } from './strings.js';

interface Entry {
  at: string;
  actor: string | null;
  action: string;
  detail: string | null;
}

export class AuditView extends ConsoleView {
  static properties = { ...ConsoleView.properties, entries: { state: true }, error: { state: true } };
  private entries: Entry[] = [];
  private error = '';

  async connectedCallback() {
    super.connectedCallback();
    try {
      this.entries = (await this.api.get<{ entries: Entry[] }>('audit')).entries;
    } catch (err) {
      this.error = this.t('error.generic', { message: (err as Error).message });
    }
  }

  render() {
    return html`
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <table id="audit">
        <caption>${this.t('nav.audit')}</caption>
        <thead>
          <tr>
            <th scope="col">${this.t('col.when')}</th>
            <th scope="col">${this.t('col.who')}</th>
            <th scope="col">${this.t('col.action')}</th>
            <th scope="col">${this.t('col.detail')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.entries.map(
            (e) => html`<tr data-action=${e.action}>
              <td>${this.when(e.at)}</td>
              <td>${e.actor ?? ''}</td>
              <td>${this.t(`action.${e.action}` as StringKey)}</td>
              <td>${e.detail ?? ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}

customElements.define('sw-console-audit', AuditView);
