// Sends the queued mail (storage: mail_queue) through SMTP with nodemailer. The queue is in the
// database, so a signature is accepted while the mail server is down and its email goes out
// when it is back, after a restart too. Failed mail is retried with growing pauses.
import nodemailer from 'nodemailer';
import type { ConfirmStore, QueuedMail } from '../storage/types.js';

const BATCH = 20;
const MAX_PAUSE_MS = 3600_000;

export interface MailQueueOptions {
  smtpUrl: string;
  /** "Name <address>" */
  from: string;
  /** How often the queue is looked at; also the first retry pause (default 10 s). */
  pollMs?: number;
  log: (msg: string) => void;
}

export class MailQueue {
  private readonly transport;
  private readonly pollMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private down = false; // log a failing mail server once, and its recovery

  constructor(
    private readonly store: ConfirmStore,
    private readonly opts: MailQueueOptions,
  ) {
    // Short timeouts: an unreachable server must not hold a batch for minutes.
    this.transport = nodemailer.createTransport({
      url: opts.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    this.pollMs = opts.pollMs ?? 10_000;
  }

  start(): void {
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Sends what is due now (called after a mail is queued, and on every poll). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    this.transport.close();
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const due = await this.store.dueMail(new Date(), BATCH);
        for (const mail of due) if (!(await this.send(mail))) return; // the server is down: wait for the next poll
        if (due.length < BATCH) return;
      }
    } catch (err) {
      this.opts.log(`mail: the queue could not be read: ${(err as Error).message}`);
    }
  }

  private async send(mail: QueuedMail): Promise<boolean> {
    try {
      await this.transport.sendMail({
        from: this.opts.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
    } catch (err) {
      const pause = Math.min(this.pollMs * 2 ** mail.attempts, MAX_PAUSE_MS);
      await this.store.mailFailed(mail.id, new Date(Date.now() + pause), (err as Error).message);
      if (!this.down) this.opts.log(`mail: cannot send through SMTP (${(err as Error).message}); retrying`);
      this.down = true;
      return false;
    }
    await this.store.mailSent(mail.id);
    if (this.down) this.opts.log('mail: sending again');
    this.down = false;
    return true;
  }
}
