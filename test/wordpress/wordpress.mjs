/**
 * A real WordPress for the plugin's tests: Debian's `wordpress` package copied into a temp dir
 * with a wp-config.php of ours, MariaDB on a private socket and data dir, `php -S` serving it,
 * and a scripted install (site, an administrator, an Author) through wp-load.php.
 * Needs Debian's wordpress, wordpress-theme-twentytwentythree, mariadb-server, php-cli, php-mysql.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../host/harness.mjs';

const WORDPRESS = '/usr/share/wordpress';
export const USERS = {
  admin: { login: 'admin', password: 'admin-pass-2718281828' },
  author: { login: 'author', password: 'author-pass-3141592653' },
};

/** Runs a command to its end; throws with its output when it fails. */
function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * Starts a long-running process in a process group of its own (php -S forks its workers), so
 * stop() ends it with all its children; its output is kept for error messages.
 */
function start(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return {
    child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', resolve);
        process.kill(-child.pid, 'SIGTERM');
      }),
  };
}

async function until(what, check, proc) {
  for (let i = 0; i < 300; i++) {
    if (proc && proc.child.exitCode !== null) throw new Error(`${what}: the process exited:\n${proc.output()}`);
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not ready after 30 s${proc ? `:\n${proc.output()}` : ''}`);
}

function wpConfig(dir, origin, socket) {
  const salt = (name) => `define('${name}', '${name.toLowerCase()}-${Math.random().toString(36).slice(2)}');`;
  return `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'].map(salt).join('\n')}
$table_prefix = 'wp_';
define('WP_HOME', '${origin}');
define('WP_SITEURL', '${origin}');
define('FS_METHOD', 'direct');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
// No internet here: WordPress.org lookups would only wait; our own hosts stay reachable.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', true);
define('WP_DEBUG_LOG', '${dir}/debug.log');
define('WP_DEBUG_DISPLAY', false);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`;
}

const INSTALL = `<?php
define('WP_INSTALLING', true);
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$users = json_decode($argv[1], true);
wp_install('Riverside allies', $users['admin']['login'], 'admin@example.org', false, '', $users['admin']['password']);
$author = wp_insert_user(array('user_login' => $users['author']['login'], 'user_pass' => $users['author']['password'],
  'user_email' => 'author@example.org', 'role' => 'author'));
if (is_wp_error($author)) { fwrite(STDERR, $author->get_error_message()); exit(1); }
// The editor's welcome guide would cover the canvas.
update_user_meta($author, $GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences',
  array('core/edit-post' => array('welcomeGuide' => false), '_modified' => gmdate('c')));
echo json_encode(array('authorCanUnfilteredHtml' => user_can($author, 'unfiltered_html'), 'theme' => get_stylesheet()));
`;

/** MariaDB, WordPress installed, served by `php -S` on a free port. `stop()` ends both and removes the dir. */
export async function startWordPress({ port } = {}) {
  for (const need of [WORDPRESS, '/usr/sbin/mariadbd', '/usr/bin/php']) {
    if (!existsSync(need))
      throw new Error(
        `${need} is missing: apt-get install wordpress wordpress-theme-twentytwentythree mariadb-server php-cli php-mysql (bash .ci/run does)`,
      );
  }
  const dir = mkdtempSync(join(tmpdir(), 'sw-wordpress-'));
  const socket = join(dir, 'mysql.sock');
  const stops = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${dir}/db`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      '--user=root',
      '--skip-name-resolve',
    ]);
    const db = start('mariadbd', [
      '--no-defaults',
      `--datadir=${dir}/db`,
      `--socket=${socket}`,
      '--skip-networking',
      `--pid-file=${dir}/mysqld.pid`,
      '--user=root',
      '--skip-log-bin',
    ]);
    stops.push(db.stop);
    const mariadb = (sql) =>
      spawnSync('mariadb', ['--no-defaults', '-S', socket, '-uroot', '-e', sql], { encoding: 'utf8' });
    await until('mariadb', () => mariadb('SELECT 1').status === 0, db);
    run('mariadb', ['--no-defaults', '-S', socket, '-uroot', '-e', 'CREATE DATABASE wordpress CHARACTER SET utf8mb4']);

    port ??= await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const root = join(dir, 'wp');
    cpSync(WORDPRESS, root, { recursive: true, dereference: false });
    writeFileSync(join(root, 'wp-config.php'), wpConfig(dir, origin, socket));
    writeFileSync(join(dir, 'install.php'), INSTALL.replace("__DIR__ . '/wp-load.php'", `'${root}/wp-load.php'`));
    const installed = JSON.parse(
      run('php', [join(dir, 'install.php'), JSON.stringify(USERS)], {
        env: { ...process.env, HTTP_HOST: `127.0.0.1:${port}` },
      }),
    );

    // Several workers: the editor fetches in parallel, and WordPress calls its own REST API.
    const php = start('php', ['-S', `127.0.0.1:${port}`, '-t', root], {
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
    });
    stops.push(php.stop);
    await until('php -S', async () => (await fetch(`${origin}/wp-login.php`).catch(() => null))?.ok, php);
    return { origin, root, dir, installed, output: () => php.output(), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Logs a browser context in as one of USERS. */
export async function logIn(context, origin, user) {
  const page = await context.newPage();
  await page.goto(`${origin}/wp-login.php`);
  await page.fill('#user_login', user.login);
  await page.fill('#user_pass', user.password);
  await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
  return page;
}
