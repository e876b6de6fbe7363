// Helpers for test/packages/: pack this repository's two packages, and install a tarball into a
// fresh project of its own, as a user's `npm install` would (from npm's cache when it has the files).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Packs the repository's package (no workspace) or a workspace into `dir`: the tarball's path and its files. */
export function pack(dir, workspace) {
  const args = ['pack', '--json', '--pack-destination', dir, ...(workspace ? ['-w', workspace] : [])];
  // The prepack scripts print to stdout too: the JSON is the last thing, from a line that is just "[".
  const out = npm(args, '.');
  const [{ filename, files }] = JSON.parse(out.slice(out.search(/^\[$/m)));
  return { path: join(dir, filename), files: files.map((f) => f.path) };
}

/** The version of a package installed in dir (by default the repository's: the one npm's cache holds). */
export const installedVersion = (name, dir = '.') =>
  JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;

/**
 * A new project in `dir` whose package.json depends on `dependencies` (name → version or file: spec),
 * installed without install scripts; `files` are written into it first.
 */
export function project(dir, dependencies, files = {}) {
  mkdirSync(dir, { recursive: true });
  const pkg = { name: 'packages-test-app', private: true, type: 'module', dependencies };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], dir);
  return dir;
}

/** Names of every package installed under dir/node_modules, nested ones included. */
export function installedPackages(dir) {
  const names = new Set();
  const walk = (modules) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const scoped = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((n) => `${entry}/${n}`) : [entry];
      for (const name of scoped) {
        names.add(name);
        walk(join(modules, name, 'node_modules'));
      }
    }
  };
  walk(join(dir, 'node_modules'));
  return names;
}

/** Every file under dir, as [path relative to dir, text]. */
export function readTree(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else out.push([relative(dir, path), readFileSync(path, 'utf8')]);
    }
  };
  walk(dir);
  return out;
}
