// Says when an endpoint changes state (failing, receiving again, stopped, giving up), once per
// change rather than once per attempt, so a receiver that is down for a day is one line, not
// thousands.
import { describeDestination } from './events.js';

type State = 'ok' | 'failing' | 'stopped' | 'gave_up';

export const RETRY_HINT = 'run "solidarity-widgets outbox retry" to send them again';

export class EndpointHealth {
  private readonly states = new Map<string, State>();

  constructor(private readonly log: (msg: string) => void) {}

  private set(destination: string, state: State, message: string): void {
    if ((this.states.get(destination) ?? 'ok') === state) return;
    this.states.set(destination, state);
    this.log(`outbox: ${describeDestination(destination)} ${message}`);
  }

  ok(destination: string): void {
    this.set(destination, 'ok', 'is receiving events again');
  }

  failing(destination: string, error: string): void {
    this.set(destination, 'failing', `is failing (${error}); its events are retried with backoff for up to 3 days`);
  }

  stopped(destination: string, error: string): void {
    this.set(destination, 'stopped', `answered ${error}: sending to it stopped; its events wait; ${RETRY_HINT}`);
  }

  gaveUp(destination: string, error: string): void {
    this.set(
      destination,
      'gave_up',
      `still fails after 3 days (${error}): its events are marked failed; ${RETRY_HINT}`,
    );
  }
}
