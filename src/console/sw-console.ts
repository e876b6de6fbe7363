// <sw-console>: the organizers' console. Asks the server whether a session is open; if not,
// shows the sign-in form; if so, the sections (dashboard, signers, events, audit log, feed editor) and
// "Sign out". Each section loads only when chosen.
import { html } from 'lit';
import { ApiFailure, ConsoleApi } from './api.js';
import { LANGS, pickLang, type Lang } from './strings.js';
import { ConsoleView } from './view.js';
import './audit-view.js';
import './dashboard-view.js';
import './events-view.js';
import './feed-view.js';
import './signers-view.js';

const SECTIONS = ['dashboard', 'signers', 'events', 'audit', 'feed'] as const;
type Section = (typeof SECTIONS)[number];

export class SwConsole extends ConsoleView {
  static properties = {
    ...ConsoleView.properties,
    email: { state: true },
    section: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  /** undefined: not known yet; null: signed out. */
  private email: string | null | undefined = undefined;
  private section: Section = 'dashboard';
  private error = '';
  private busy = false;

  constructor() {
    super();
    this.api = new ConsoleApi();
    this.lang = pickLang([localStorage.getItem('sw-console-lang') ?? '', ...navigator.languages]);
  }

  async connectedCallback() {
    super.connectedCallback();
    try {
      const me = await this.api.get<{ email: string; csrf: string }>('session');
      this.api.csrf = me.csrf;
      this.email = me.email;
    } catch {
      this.email = null;
    }
  }

  updated() {
    document.documentElement.lang = this.lang;
    document.title = this.t('title');
  }

  private async signIn(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    this.busy = true;
    this.error = '';
    try {
      const me = await this.api.call<{ email: string; csrf: string }>('POST', 'session', {
        email: value('email'),
        password: value('password'),
      });
      this.api.csrf = me.csrf;
      this.email = me.email;
    } catch (err) {
      this.error = err instanceof ApiFailure ? err.message : this.t('error.generic', { message: String(err) });
    } finally {
      this.busy = false;
    }
  }

  private async signOut() {
    await this.api.call('DELETE', 'session').catch(() => {});
    this.email = null;
  }

  private setLang(e: Event) {
    this.lang = (e.target as HTMLSelectElement).value as Lang;
    localStorage.setItem('sw-console-lang', this.lang);
  }

  private view() {
    const props = { api: this.api, lang: this.lang };
    switch (this.section) {
      case 'dashboard':
        return html`<sw-console-dashboard .api=${props.api} lang=${props.lang}></sw-console-dashboard>`;
      case 'signers':
        return html`<sw-console-signers .api=${props.api} lang=${props.lang}></sw-console-signers>`;
      case 'events':
        return html`<sw-console-events .api=${props.api} lang=${props.lang}></sw-console-events>`;
      case 'audit':
        return html`<sw-console-audit .api=${props.api} lang=${props.lang}></sw-console-audit>`;
      case 'feed':
        return html`<sw-console-feed .api=${props.api} lang=${props.lang}></sw-console-feed>`;
    }
  }

  private header() {
    return html`<header>
      <h1>${this.t('title')}</h1>
      <label for="lang">${this.t('language')}</label>
      <select id="lang" @change=${this.setLang}>
        ${Object.keys(LANGS).map((l) => html`<option value=${l} ?selected=${l === this.lang}>${l}</option>`)}
      </select>
      ${
        this.email
          ? html`<p>${this.t('signed-in-as', { email: this.email })}</p>
            <button @click=${this.signOut}>${this.t('sign-out')}</button>`
          : ''
      }
    </header>`;
  }

  render() {
    if (this.email === undefined) return html`<main><p>${this.t('loading')}</p></main>`;
    if (this.email === null) {
      return html`${this.header()}
        <main>
          <h2>${this.t('sign-in.heading')}</h2>
          <form @submit=${this.signIn}>
            <label for="email">${this.t('email')}</label>
            <input id="email" name="email" type="email" autocomplete="username" required />
            <label for="password">${this.t('password')}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
            <p id="sign-in-error" class="error" role="alert">${this.error}</p>
            <button class="primary" type="submit" ?disabled=${this.busy}>${this.t('sign-in')}</button>
          </form>
        </main>`;
    }
    return html`${this.header()}
      <nav aria-label=${this.t('nav.label')}>
        ${SECTIONS.map(
          (s) => html`<button aria-current=${s === this.section ? 'page' : 'false'} @click=${() => (this.section = s)}>
            ${this.t(`nav.${s}`)}
          </button>`,
        )}
      </nav>
      <main>
        <h2>${this.t(`nav.${this.section}`)}</h2>
        ${this.view()}
      </main>`;
  }
}

customElements.define('sw-console', SwConsole);
