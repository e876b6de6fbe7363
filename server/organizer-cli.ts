// `solidarity-widgets organizer add|list|remove|password`: the console's accounts, in the same
// database `serve` uses (--db FILE, or DATABASE_URL for Postgres). Passwords are read from
// standard input (hidden when it is a terminal), never from the command line, where `ps` and
// shell history would keep them.
import { parseArgs } from 'node:util';
import { OrganizerError, Organizers } from './console/organizers.js';
import { MIN_PASSWORD_LENGTH } from './console/passwords.js';
import { isPostgresUrl, openStore, type SignatureStore } from './storage/index.js';

export const ORGANIZER_HELP = `  solidarity-widgets organizer add|password|remove EMAIL [--db FILE]
  solidarity-widgets organizer list [--db FILE]
                         the console's accounts (/admin/); add and password read the password
                         from standard input (at least ${MIN_PASSWORD_LENGTH} characters); password and remove
                         end the organizer's sessions`;

/** A mistake in the command line: cli.ts prints it with a pointer to --help and exits 2. */
export class OrganizerUsageError extends Error {}

/** The first line of standard input; on a terminal, typed without echo. */
async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (stdin.isTTY) {
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    return new Promise((resolve) => {
      let typed = '';
      const onData = (chunk: Buffer) => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') {
            stdin.setRawMode(false);
            stdin.off('data', onData);
            stdin.pause();
            process.stderr.write('\n');
            return resolve(typed);
          }
          if (ch === '\u0003') process.exit(130);
          typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
        }
      };
      stdin.on('data', onData);
    });
  }
  let text = '';
  for await (const chunk of stdin) text += chunk;
  return text.split(/\r?\n/)[0];
}

export async function organizerCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { db: { type: 'string', default: './data/solidarity.db' } },
  });
  const [action, email, ...extra] = positionals;
  const needsEmail = action === 'add' || action === 'remove' || action === 'password';
  if (!needsEmail && action !== 'list') {
    throw new OrganizerUsageError(
      action
        ? `unknown organizer command "${action}" (add, list, remove or password)`
        : 'organizer needs a command: add, list, remove or password',
    );
  }
  if (needsEmail && !email) throw new OrganizerUsageError(`organizer ${action} needs the organizer's EMAIL`);
  const unexpected = needsEmail ? extra : [email, ...extra].filter(Boolean);
  if (unexpected.length) throw new OrganizerUsageError(`unexpected argument "${unexpected[0]}"`);

  const databaseUrl = process.env.DATABASE_URL;
  let store: SignatureStore;
  try {
    store = await openStore({ databaseUrl, dbFile: values.db! });
  } catch (err) {
    const where = isPostgresUrl(databaseUrl)
      ? 'the Postgres database in DATABASE_URL'
      : `the database file ${values.db}`;
    console.error(`solidarity-widgets: cannot open ${where}: ${(err as Error).message}`);
    process.exit(1);
  }
  const organizers = new Organizers(store.sql());
  try {
    if (action === 'list') {
      const all = await organizers.list();
      if (!all.length) console.log('No organizers yet. Add one with: solidarity-widgets organizer add EMAIL');
      for (const o of all) console.log(`${o.email}\tadded ${o.created_at}\tpassword set ${o.password_changed_at}`);
    } else if (action === 'remove') {
      console.log(`removed ${await organizers.remove(email)}; their sessions are ended`);
    } else {
      const prompt = `Password for ${email} (at least ${MIN_PASSWORD_LENGTH} characters, not shown): `;
      const password = await readPassword(prompt);
      if (action === 'add') console.log(`added ${await organizers.add(email, password)}; they can sign in at /admin/`);
      else
        console.log(`password changed for ${await organizers.setPassword(email, password)}; their sessions are ended`);
    }
  } catch (err) {
    if (!(err instanceof OrganizerError)) throw err;
    console.error(`solidarity-widgets: ${err.message}`);
    process.exitCode = 1;
  } finally {
    await store.close();
  }
}
