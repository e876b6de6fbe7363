// docs/design.md is the public contract, and it stays true: every tag's attributes, events, slots,
// parts, CSS properties and custom states in custom-elements.json (`npm run analyze`, run by the
// build) are named in that tag's section, every `--sw-*` token the code reads is listed, and the
// CLI's `serve` flags and environment variables match its `--help`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const design = readFileSync('docs/design.md', 'utf8');
const named = (text, name) => text.includes(`\`${name}\``);

/** The text of `### \`<tag>\`` up to the next heading of its level or above. */
function sectionOf(tag) {
  const start = design.indexOf(`### \`<${tag}>\``);
  if (start < 0) return undefined;
  const rest = design.slice(start + 1);
  const end = rest.search(/\n#{2,3} /);
  return end < 0 ? rest : rest.slice(0, end);
}

function widgets() {
  assert.ok(existsSync('custom-elements.json'), 'custom-elements.json is missing: run `npm run analyze` first.');
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  return manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
}

test('every tag in custom-elements.json has its section, naming all its API', () => {
  const tags = widgets();
  assert.ok(tags.length >= 6, `custom-elements.json should describe every widget, found ${tags.length}`);
  const missing = [];
  for (const d of tags) {
    const section = sectionOf(d.tagName);
    if (!section) {
      missing.push(`<${d.tagName}>: no "### \`<${d.tagName}>\`" section`);
      continue;
    }
    if (!named(design.slice(0, design.indexOf('## Each widget')), `<${d.tagName}>`)) {
      missing.push(`<${d.tagName}>: not in the Tags table`);
    }
    const api = [
      ['attribute', d.attributes],
      ['event', d.events],
      ['slot', (d.slots ?? []).filter((s) => s.name)],
      ['part', d.cssParts],
      ['CSS property', d.cssProperties],
      ['custom state', d.cssStates],
    ];
    for (const [kind, list] of api) {
      for (const { name } of list ?? []) {
        if (!named(section, name)) missing.push(`<${d.tagName}>: ${kind} \`${name}\``);
      }
    }
    for (const { name } of d.events ?? []) {
      if (!new RegExp(`^\\| [^|]*\`${name}\``, 'm').test(design))
        missing.push(`event \`${name}\`: not in the Events table`);
    }
  }
  assert.deepEqual(missing, [], `docs/design.md lacks (add it in the same commit as the code):\n${missing.join('\n')}`);
});

test('every --sw-* token the widgets read is listed', () => {
  const tokens = new Set();
  for (const entry of readdirSync('src', { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    for (const [token] of readFileSync(join(entry.parentPath, entry.name), 'utf8').matchAll(/--sw-[a-z0-9-]+/g)) {
      tokens.add(token);
    }
  }
  assert.ok(tokens.size > 5, `the widgets should read --sw-* tokens, found ${tokens.size}`);
  const themeTokens = design.slice(design.indexOf('### Theme tokens'));
  const missing = [...tokens].filter((t) => !named(themeTokens.slice(0, themeTokens.indexOf('\n## ')), t));
  assert.deepEqual(missing, [], `docs/design.md's "Theme tokens" lacks: ${missing.join(', ')}`);
});

test("the CLI's flags and environment match its --help", () => {
  const help = execFileSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--help'], { encoding: 'utf8' });
  const cli = design.slice(design.indexOf('### CLI'), design.indexOf('### HTTP API'));
  assert.ok(cli.length > 100, 'docs/design.md has no "### CLI" section before "### HTTP API"');
  const flags = (text) => new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z-]+/g)].map(([f]) => f));
  const envs = (text) => new Set([...text.matchAll(/\b[A-Z][A-Z_]{5,}(?==)|\bSOLIDARITY_[A-Z_]+/g)].map(([v]) => v));
  const helpFlags = flags(help);
  const designFlags = flags(cli);
  assert.ok(helpFlags.has('--feed'), `--help should list --feed:\n${help}`);
  assert.deepEqual(
    [...helpFlags].filter((f) => !designFlags.has(f)),
    [],
    'flags in --help but not in design.md',
  );
  assert.deepEqual(
    [...designFlags].filter((f) => !helpFlags.has(f)),
    [],
    'flags in design.md but not in --help',
  );
  assert.deepEqual(
    [...envs(help)].filter((v) => !named(cli, v) && !cli.includes(`\`${v}=`)),
    [],
    'env in --help only',
  );
});
