// solidarity-widgets: `serve` runs one organization's server, `check` validates a feed file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { parseOrigin } from './cors.js';
import { adminTokenProblem, MIN_TOKEN_LENGTH } from './plugins/admin.js';
import { MAX_CONNECTIONS_PER_ADDRESS } from './plugins/connection-limit.js';
import { feedDepthProblem } from './feed-depth.js';
import { checkServerFeed, FeedError, FeedSource, formatProblems } from './feed.js';
import { SharedFeed } from './feed-store.js';
import { originsCommand, OriginsUsageError } from './origins-cli.js';
import { outboxCli } from './outbox/command.js';
import { actionNetworkWarnings, describeOutbox, outboxOptions } from './outbox/config.js';
import type { OutboxOptions } from './outbox/index.js';
import { organizerCommand, OrganizerUsageError } from './organizer-cli.js';
import { HELP, POW_DEFAULT } from './cli-help.js';
import { isPostgresUrl, openStore, type SignatureStore } from './storage/index.js';

class UsageError extends Error {}

/** Packages that carry the server: the repository's top, and the server package installed from npm. */
const SERVER_PACKAGES = ['solidarity-widgets', 'solidarity-widgets-server'];

/** The package root: where dist/ and demo/ live, both from server/ (tsx) and dist/server/ (built). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      if (SERVER_PACKAGES.includes(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name))
        return dir;
    } catch {
      // keep climbing
    }
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

function intOption(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max)
    throw new UsageError(`--${name} must be a whole number from 0 to ${max}, not "${value}"`);
  return Number(value);
}

async function serve(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      feed: { type: 'string' },
      db: { type: 'string', default: './data/solidarity.db' },
      port: { type: 'string' },
      host: { type: 'string', default: '0.0.0.0' },
      'public-url': { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'rate-limit': { type: 'string' },
      'trust-proxy': { type: 'boolean', default: false },
      'max-connections-per-address': { type: 'string' },
      'retain-days': { type: 'string' },
      'publish-counts': { type: 'string' },
      webhook: { type: 'string', multiple: true },
      'proof-of-work': { type: 'string', default: POW_DEFAULT },
      smtp: { type: 'string' },
      'mail-from': { type: 'string' },
    },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  let outbox: OutboxOptions;
  try {
    outbox = outboxOptions(values.webhook ?? [], process.env);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (!values.feed) throw new UsageError("--feed FILE is required (the organization's feed, e.g. sample/feed.json)");
  const port = intOption('port', values.port ?? (process.env.PORT || undefined), 8080, 65535);
  const rateLimit = intOption('rate-limit', values['rate-limit'], 30, 1_000_000);
  const retainDays = intOption('retain-days', values['retain-days'], 0, 100_000);
  const publishCountsS = intOption('publish-counts', values['publish-counts'], 60, 86_400);
  const maxConnectionsPerAddress = intOption(
    'max-connections-per-address',
    values['max-connections-per-address'],
    MAX_CONNECTIONS_PER_ADDRESS,
    1_000_000,
  );
  const allowOrigins = (values['allow-origin'] ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const o of allowOrigins) {
    if (!isOrigin(o)) throw new UsageError(`--allow-origin "${o}" is not an origin like https://ally.example`);
  }
  const publicUrl = values['public-url'];
  if (publicUrl !== undefined && !isOrigin(publicUrl)) {
    throw new UsageError(`--public-url "${publicUrl}" is not an http(s) URL like https://party.example`);
  }
  const proofOfWork = values['proof-of-work'];
  if (proofOfWork !== 'on' && proofOfWork !== 'off') {
    throw new UsageError(`--proof-of-work must be "on" or "off", not "${proofOfWork}"`);
  }
  const challengeKey = process.env.SOLIDARITY_CHALLENGE_KEY || undefined;
  if (challengeKey !== undefined && challengeKey.length < MIN_TOKEN_LENGTH) {
    fail(
      `SOLIDARITY_CHALLENGE_KEY is ${challengeKey.length} characters long; it must have at least ` +
        `${MIN_TOKEN_LENGTH}. Make one with: openssl rand -hex 32`,
    );
  }
  const smtpUrl = values.smtp ?? (process.env.SMTP_URL || undefined);
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) {
    throw new UsageError(`--smtp "${smtpUrl}" is not a URL like smtp://user:pass@mail.example:587 (or smtps://)`);
  }
  const mailFrom = values['mail-from'];
  if (mailFrom !== undefined && !/^[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>$|^[^\s<>@]+@[^\s<>@]+$/.test(mailFrom)) {
    throw new UsageError(`--mail-from "${mailFrom}" is not an address like "Party <petitions@party.example>"`);
  }
  if (smtpUrl && !mailFrom) throw new UsageError('--smtp needs --mail-from "Name <address>" (the emails\' sender)');
  const token = process.env.SOLIDARITY_ADMIN_TOKEN;
  const tokenProblem = token ? adminTokenProblem(token) : null;
  if (tokenProblem) fail(`SOLIDARITY_ADMIN_TOKEN ${tokenProblem}. Make one with: openssl rand -hex 32`);

  let feed: FeedSource;
  try {
    feed = new FeedSource(values.feed);
  } catch (err) {
    const problems = (err as FeedError).problems ?? [];
    fail(`${(err as Error).message}${problems.length ? `:\n${formatProblems(problems)}` : ''}`);
  }
  const { petitions, join } = feed.get().feed;
  const confirmingPetitions = petitions.filter((p) => p.confirm).map((p) => p.id);
  const confirming = [
    ...(confirmingPetitions.length ? [`petition(s) ${confirmingPetitions.join(', ')} ask signers`] : []),
    ...(join?.confirm ? ['the join form asks new members'] : []),
  ];
  if (confirming.length && !smtpUrl) {
    feed.close();
    fail(
      `${confirming.join(' and ')} to confirm by email ("confirm": true), and no mail server ` +
        'is given: start with --smtp smtp://user:pass@host:port --mail-from "Name <address>" (or SMTP_URL).',
    );
  }
  const { problems } = feed.get();
  if (problems.length)
    console.warn(
      `warning: ${problems.length} problem(s) in ${values.feed}; those items are skipped:\n${formatProblems(problems)}`,
    );

  const databaseUrl = process.env.DATABASE_URL;
  const usePostgres = isPostgresUrl(databaseUrl);
  let store: SignatureStore;
  try {
    store = await openStore({ databaseUrl, dbFile: values.db! });
  } catch (err) {
    feed.close();
    fail(
      usePostgres
        ? `cannot use the Postgres database in DATABASE_URL: ${(err as Error).message}`
        : `cannot open the database file ${values.db}: ${(err as Error).message}\n` +
            'Check that its directory is writable, or choose another path with --db FILE.',
    );
  }

  let sharedFeed: SharedFeed | null;
  try {
    sharedFeed = usePostgres ? await SharedFeed.start(databaseUrl, feed, (m) => console.warn(m)) : null;
  } catch (err) {
    await store.close().catch(() => {});
    feed.close();
    fail(`cannot share the feed through the Postgres database in DATABASE_URL: ${(err as Error).message}`);
  }

  const root = packageRoot();
  const distDir = path.join(root, 'dist');
  const app = buildApp({
    feed,
    store,
    distDir,
    // The source tree's demo page, else the copy the build puts in dist/ (what a package ships).
    demoFile: [path.join(root, 'demo', 'index.html'), path.join(distDir, 'demo', 'index.html')].find((f) =>
      fs.existsSync(f),
    ),
    allowOrigins,
    publicUrl,
    rateLimit,
    trustProxy: values['trust-proxy'],
    maxConnectionsPerAddress,
    adminToken: token,
    retainDays,
    publishCountsMs: publishCountsS * 1000,
    outbox,
    proofOfWork: proofOfWork === 'on',
    challengeKey,
    smtpUrl,
    mailFrom,
  });

  try {
    await app.listen({ port, host: values.host });
  } catch (err) {
    await sharedFeed?.close().catch(() => {});
    await store.close().catch(() => {});
    feed.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      fail(`port ${port} is already in use: stop the other server or choose another port with --port N`);
    if (code === 'EACCES') fail(`not allowed to listen on port ${port}: choose a port above 1023 with --port N`);
    fail(`cannot listen on ${values.host}:${port}: ${(err as Error).message}`);
  }

  // Before the first line is printed: whoever waits for that line may signal us at once.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1); // a second signal: give up waiting
    stopping = true;
    console.log(`${signal}: finishing requests in progress, then closing the database`);
    // Requests get 10 s to finish; then their connections are cut.
    setTimeout(() => app.server.closeAllConnections(), 10_000).unref();
    try {
      await app.close(); // stops accepting, waits for in-flight requests
      await sharedFeed?.close();
      await store.close();
      feed.close();
      process.exit(0);
    } catch (err) {
      console.error(`shutdown: ${(err as Error).message}`);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const base = `http://${values.host === '0.0.0.0' || values.host === '::' ? 'localhost' : values.host}:${actualPort}`;
  console.log(`database: ${usePostgres ? 'Postgres (DATABASE_URL)' : `SQLite ${path.resolve(values.db!)}`}`);
  if (usePostgres) console.log('feed: shared by every server on this database (the file is imported when it changes)');
  console.log(`signatures accepted from: ${[...app.origins.ownOrigins(), ...allowOrigins].join(', ')}`);
  console.log('  and the sites allowed in the database (list, allow, remove: solidarity-widgets origins)');
  if (!publicUrl) {
    console.log(
      '(readers who reach this server under another address cannot sign on its pages: give --public-url URL)',
    );
  }
  for (const line of describeOutbox(outbox)) console.log(line);
  if (rateLimit === 0) console.log('rate limiting: off');
  console.log(`proof of work: ${proofOfWork}`);
  if (smtpUrl) console.log(`confirmation emails: from ${mailFrom} through ${smtpUrl.replace(/\/\/[^@/]*@/, '//…@')}`);
  if (retainDays > 0) console.log(`retention: signatures older than ${retainDays} days are deleted`);
  if (publishCountsS === 0) {
    console.warn('warning: --publish-counts 0: live counts tell anyone whether an address has signed');
  }
  if (!fs.existsSync(path.join(distDir, 'solidarity-widgets.js'))) {
    console.warn(
      'warning: dist/ is not built, so the widget script, demo widgets and docs are missing (the API works). Run: npm run build',
    );
  }
  if (!token) {
    console.warn('warning: SOLIDARITY_ADMIN_TOKEN is not set, so the signature export and erasure answer 404.');
  }
  // Last, so that whoever waits for this line has every line above it too.
  console.log(`solidarity-widgets serving ${values.feed} on ${base}`);
}

function check(args: string[]): void {
  if (args.length !== 1) throw new UsageError('check takes one feed file: solidarity-widgets check FEED');
  const file = args[0];
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    fail(
      `${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON: ${(err as Error).message}`}`,
    );
  }
  const tooDeep = feedDepthProblem(raw);
  const { feed, problems } = tooDeep ? { feed: null, problems: [tooDeep] } : checkServerFeed(raw);
  for (const p of problems) console.log(`${file}: ${p.path}: ${p.message}`);
  for (const w of actionNetworkWarnings(feed?.petitions ?? [], process.env)) console.log(`${file}: warning: ${w}`);
  for (const p of feed?.petitions.filter((p) => p.confirm) ?? []) {
    console.log(`${file}: warning: petition ${p.id} asks signers to confirm by email: serve with --smtp, --mail-from`);
  }
  if (feed?.join?.confirm) {
    console.log(`${file}: warning: join asks new members to confirm by email: serve with --smtp, --mail-from`);
  }
  if (!feed || problems.length) {
    console.log(`${file}: ${problems.length} problem(s)${feed ? '' : '; the feed is not usable'}`);
    process.exit(1);
  }
  const { platform, petitions, chapters, events = [], join } = feed;
  const sizes = `${platform.length} planks, ${petitions.length} petitions, ${chapters.length} chapters`;
  console.log(`${file}: OK (${sizes}, ${events.length} events${join ? ', a join form' : ''})`);
}

function isOrigin(value: string): boolean {
  try {
    parseOrigin(value);
    return true;
  } catch {
    return false;
  }
}

function fail(message: string): never {
  console.error(`solidarity-widgets: ${message}`);
  process.exit(1);
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(HELP);
      if (command === undefined) process.exitCode = 2;
      return;
    }
    if (command === '--version' || command === '-v') {
      console.log(JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version);
      return;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(HELP);
      return;
    }
    if (command === 'serve') return await serve(rest);
    if (command === 'check') return check(rest);
    if (command === 'origins') return await originsCommand(rest);
    if (command === 'outbox') return await outboxCli(rest, (m) => new UsageError(m), fail);
    if (command === 'organizer') return await organizerCommand(rest);
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    if (
      err instanceof UsageError ||
      err instanceof OriginsUsageError ||
      err instanceof OrganizerUsageError ||
      (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`solidarity-widgets: ${(err as Error).message}\nRun "solidarity-widgets --help" for usage.`);
      process.exit(2);
    }
    throw err;
  }
}

// Run when executed directly (tsx server/cli.ts, or the bundle imported by bin/).
const entry = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (entry === fileURLToPath(import.meta.url)) void main(process.argv.slice(2));
