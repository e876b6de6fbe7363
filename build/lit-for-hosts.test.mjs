// `node --test build/`: the rewrites of Lit for host pages match the Lit we install.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { REWRITES, rewriteLit } from './lit-for-hosts.mjs';

const modules = [...new Set(REWRITES.map(([suffix]) => suffix))];

test('each installed Lit module loses its writes to globals, and nothing else is asked of it', () => {
  for (const suffix of modules) {
    const id = `/x/node_modules/${suffix}`;
    const code = readFileSync(`node_modules/${suffix}`, 'utf8');
    const out = rewriteLit(id, code);
    assert.doesNotMatch(
      out,
      /litHtmlVersions|litElementVersions|reactiveElementVersions|litPropertyMetadata\b|Symbol\.metadata\?\?=|PolyfillSupport|HydrateSupport/,
      suffix,
    );
  }
});

test("a page that refuses Lit's Trusted Types policy is told to trusted-types.ts, not thrown at", async () => {
  const out = rewriteLit(
    '/x/node_modules/lit-html/lit-html.js',
    readFileSync('node_modules/lit-html/lit-html.js', 'utf8'),
  );
  assert.match(out, /^import\{refuseLitPolicy\}from".*src\/core\/trusted-types\.ts";/);
  const policy = out.match(
    /\(\(\)=>\{try\{return (\w+)\?\.createPolicy\("lit-html",\{createHTML:\w+=>\w+\}\)\}catch\{refuseLitPolicy\(\)\}\}\)\(\)/,
  );
  assert.ok(policy, 'the policy is created inside try/catch');
  let refused = false;
  const run = (factory) =>
    new Function(policy[1], 'refuseLitPolicy', `return ${policy[0]}`)(factory, () => (refused = true));
  assert.equal(
    run({
      createPolicy: () => {
        throw new TypeError('Policy "lit-html" disallowed.');
      },
    }),
    undefined,
  );
  assert.equal(refused, true);
  assert.equal(run(undefined), undefined, 'no Trusted Types in this browser');
});

test('a Lit module whose text changed fails loudly', () => {
  assert.throws(
    () => rewriteLit('/x/node_modules/lit-html/lit-html.js', 'export const html = 1;'),
    /litHtmlVersions.*not found in lit-html/,
  );
});

test('other modules are left alone', () => {
  assert.equal(
    rewriteLit('/x/node_modules/other/index.js', 'window.litHtmlVersions = 1'),
    'window.litHtmlVersions = 1',
  );
});

test("Lit's long messages for a misused css tag become short ones that still name the mistake", () => {
  const out = rewriteLit(
    '/x/node_modules/@lit/reactive-element/css-tag.js',
    readFileSync('node_modules/@lit/reactive-element/css-tag.js', 'utf8'),
  );
  assert.doesNotMatch(out, /is not constructable|take care to ensure page security/);
  assert.match(out, /Error\("CSSResult: use css or unsafeCSS"\)/);
  assert.match(out, /Error\("css: not a css result: "\+\w+\)/);
});

test("Lit's test for constructable style sheets is true: its fallback of <style> elements falls away", () => {
  const out = rewriteLit(
    '/x/node_modules/@lit/reactive-element/css-tag.js',
    readFileSync('node_modules/@lit/reactive-element/css-tag.js', 'utf8'),
  );
  assert.doesNotMatch(out, /ShadyCSS|"adoptedStyleSheets"in Document/);
  assert.match(out, /const \w+=globalThis,\w+=!0,/);
});
