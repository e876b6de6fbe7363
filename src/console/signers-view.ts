// Signers: search one petition's signers by email or name, a page at a time; export the
// petition's CSV; erase a signer after a confirmation step.
import { html } from 'lit';
import type { PetitionRow, Signer } from './api.js';
import { ConsoleView } from './view.js';

const PAGE = 25;

export class SignersView extends ConsoleView {
  static properties = {
    ...ConsoleView.properties,
    petitions: { state: true },
    chosen: { state: true },
    found: { state: true },
    offset: { state: true },
    confirming: { state: true },
    message: { state: true },
    error: { state: true },
  };
  private petitions: PetitionRow[] = [];
  private chosen = '';
  private query = '';
  private offset = 0;
  private found: { total: number; signers: Signer[] } | null = null;
  /** The signer whose erasure waits for confirmation. */
  private confirming: string | null = null;
  private message = '';
  private error = '';

  async connectedCallback() {
    super.connectedCallback();
    await this.run(async () => {
      this.petitions = (await this.api.get<{ petitions: PetitionRow[] }>('petitions')).petitions;
      this.chosen = this.petitions[0]?.id ?? '';
      await this.load();
    });
  }

  private async run(task: () => Promise<void>) {
    this.error = '';
    try {
      await task();
    } catch (err) {
      this.error = this.t('error.generic', { message: (err as Error).message });
    }
  }

  private async load() {
    if (!this.chosen) return;
    const q = new URLSearchParams({ q: this.query, offset: String(this.offset) });
    this.found = await this.api.get(`petitions/${encodeURIComponent(this.chosen)}/signers?${q}`);
  }

  private search(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    this.query = (form.elements.namedItem('q') as HTMLInputElement).value;
    this.chosen = (form.elements.namedItem('petition') as HTMLSelectElement).value;
    this.offset = 0;
    this.message = '';
    void this.run(() => this.load());
  }

  private page(delta: number) {
    this.offset = Math.max(0, this.offset + delta * PAGE);
    void this.run(() => this.load());
  }

  private async erase(email: string) {
    await this.run(async () => {
      await this.api.call('POST', `petitions/${encodeURIComponent(this.chosen)}/erasures`, { email });
      this.confirming = null;
      this.message = this.t('erase.done', { email });
      await this.load();
    });
    this.renderRoot.querySelector<HTMLElement>('#status')?.focus();
  }

  /** Keyboard users land in the confirmation (on Cancel, the safe choice) when it opens. */
  protected updated(changed: Map<string, unknown>) {
    if (changed.has('confirming') && this.confirming)
      this.renderRoot.querySelector<HTMLElement>('button.cancel')?.focus();
  }

  private row(s: Signer) {
    const name = [s.given_name, s.family_name].filter(Boolean).join(' ');
    const asking = this.confirming === s.email;
    return html`<tr>
      <td>${name}</td>
      <td>${s.email}</td>
      <td>${this.when(s.signed_at)}</td>
      <td>${s.source ?? ''}</td>
      <td>${s.origin ?? ''}</td>
      <td>
        ${
          asking
            ? html`<div role="group" aria-label=${this.t('erase.label', { email: s.email })}>
              <p>${this.t('erase.confirm', { email: s.email })}</p>
              <button class="primary" @click=${() => this.erase(s.email)}>${this.t('erase.yes')}</button>
              <button class="cancel" @click=${() => (this.confirming = null)}>${this.t('cancel')}</button>
            </div>`
            : html`<button
                aria-label=${this.t('erase.label', { email: s.email })}
                @click=${() => (this.confirming = s.email)}
              >
              ${this.t('erase')}
            </button>`
        }
      </td>
    </tr>`;
  }

  render() {
    const f = this.found;
    const shown = { total: f?.total ?? 0, from: this.offset + 1, to: this.offset + (f?.signers.length ?? 0) };
    const csv = `/api/admin/petitions/${encodeURIComponent(this.chosen)}/signatures.csv`;
    return html`
      <form role="search" @submit=${this.search}>
        <label for="petition">${this.t('petition')}</label>
        <select id="petition" name="petition">
          ${this.petitionOptions(this.petitions, this.chosen)}
        </select>
        <label for="q">${this.t('search')}</label>
        <input id="q" name="q" type="search" .value=${this.query} />
        <button type="submit">${this.t('search.button')}</button>
      </form>
      <p><a class="button" href=${csv} download>${this.t('export')}</a></p>
      <p id="status" class="status" role="status" tabindex="-1">${this.message}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${f && f.total === 0 ? html`<p>${this.t('signers.none')}</p>` : ''}
      ${
        f && f.total > 0
          ? html`<p>${this.t('signers.found', shown)}</p>
            <table id="signers">
              <thead>
                <tr>
                  <th scope="col">${this.t('col.name')}</th>
                  <th scope="col">${this.t('col.email')}</th>
                  <th scope="col">${this.t('col.signed')}</th>
                  <th scope="col">${this.t('col.source')}</th>
                  <th scope="col">${this.t('col.site')}</th>
                  <th scope="col">${this.t('col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                ${f.signers.map((s) => this.row(s))}
              </tbody>
            </table>
            <button ?disabled=${this.offset === 0} @click=${() => this.page(-1)}>${this.t('previous')}</button>
            <button ?disabled=${this.offset + PAGE >= f.total} @click=${() => this.page(1)}>${this.t('next')}</button>`
          : ''
      }
    `;
  }
}

customElements.define('sw-console-signers', SignersView);
