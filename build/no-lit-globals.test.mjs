// `node --test build/`: the rewrite of Lit's global writes matches the Lit we install.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { REWRITES, withoutLitGlobals } from './no-lit-globals.mjs';

const modules = [...new Set(REWRITES.map(([suffix]) => suffix))];

test('each installed Lit module loses its writes to globals, and nothing else is asked of it', () => {
  for (const suffix of modules) {
    const id = `/x/node_modules/${suffix}`;
    const code = readFileSync(`node_modules/${suffix}`, 'utf8');
    const out = withoutLitGlobals(id, code);
    assert.doesNotMatch(out, /litHtmlVersions|litElementVersions|reactiveElementVersions|litPropertyMetadata\b|Symbol\.metadata\?\?=/, suffix);
  }
});

test('a Lit module whose text changed fails loudly', () => {
  assert.throws(() => withoutLitGlobals('/x/node_modules/lit-html/lit-html.js', 'export const html = 1;'), /litHtmlVersions.*not found in lit-html/);
});

test('other modules are left alone', () => {
  assert.equal(withoutLitGlobals('/x/node_modules/other/index.js', 'window.litHtmlVersions = 1'), 'window.litHtmlVersions = 1');
});
