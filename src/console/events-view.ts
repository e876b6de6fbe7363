// Events and members (issue 21): each event of the feed with its RSVPs (going, waitlisted,
// capacity) and its RSVPs as CSV; how many members there are, and the members as CSV.
import { html } from 'lit';
import { ConsoleView, localized, type FeedText } from './view.js';

export interface EventRow {
  id: string;
  title: FeedText;
  starts: string;
  capacity: number | null;
  going: number;
  waitlisted: number;
}

export class EventsView extends ConsoleView {
  static properties = {
    ...ConsoleView.properties,
    events: { state: true },
    members: { state: true },
    error: { state: true },
  };
  private events: EventRow[] = [];
  private members = { members: 0, pending: 0 };
  private error = '';

  async connectedCallback() {
    super.connectedCallback();
    try {
      ({ events: this.events, members: this.members } = await this.api.get<{
        events: EventRow[];
        members: { members: number; pending: number };
      }>('events'));
    } catch (err) {
      this.error = (err as Error).message;
    }
  }

  render() {
    const fmt = new Intl.NumberFormat(this.lang);
    const csv = (id: string) => `/api/admin/events/${encodeURIComponent(id)}/rsvps.csv`;
    return html`
      ${this.error ? html`<p class="error" role="alert">${this.t('error.generic', { message: this.error })}</p>` : ''}
      <table id="events">
        <caption>${this.t('events')}</caption>
        <thead>
          <tr>
            <th scope="col">${this.t('col.event')}</th>
            <th scope="col">${this.t('col.starts')}</th>
            <th scope="col">${this.t('col.going')}</th>
            <th scope="col">${this.t('col.waitlisted')}</th>
            <th scope="col">${this.t('col.capacity')}</th>
            <th scope="col">${this.t('col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.events.map(
            (e) => html`<tr data-event=${e.id}>
              <th scope="row">${localized(e.title, this.lang)}</th>
              <td>${this.when(e.starts)}</td>
              <td>${fmt.format(e.going)}</td>
              <td>${fmt.format(e.waitlisted)}</td>
              <td>${e.capacity === null ? '' : fmt.format(e.capacity)}</td>
              <td><a href=${csv(e.id)} download>${this.t('export')}</a></td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.events.length ? '' : html`<p>${this.t('events.none')}</p>`}
      <h3>${this.t('members')}</h3>
      <p id="members">${this.t('members.count', { members: fmt.format(this.members.members), pending: fmt.format(this.members.pending) })}</p>
      <p><a class="button" href="/api/admin/join/members.csv" download>${this.t('export')}</a></p>
    `;
  }
}

customElements.define('sw-console-events', EventsView);
