// custom-elements.json (`npm run analyze`, .storybook/cem-types.mjs) says what each attribute takes and
// what each event carries, from the components' own types: the embed builder and the docs read it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

assert.ok(existsSync('custom-elements.json'), 'custom-elements.json is missing: run "npm run analyze" first.');
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const element = (tag) => manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
const attributeType = (tag, name) => element(tag)?.attributes?.find((a) => a.name === name)?.type?.text;
const eventType = (tag, name) => element(tag)?.events?.find((e) => e.name === name)?.type?.text;

test('a union of choices is written out, from the type the component declares', () => {
  assert.equal(attributeType('platform-plank', 'variant'), "'card' | 'compact'");
  assert.equal(attributeType('platform-list', 'variant'), "'card' | 'compact'");
  assert.equal(attributeType('chapter-map', 'list'), "'side' | 'below'");
  assert.equal(attributeType('donate-button', 'target'), "'_self' | '_blank'");
  const providers = /PROVIDER_NAMES = \[([^\]]*)\]/.exec(
    readFileSync('src/components/donate-button/donate-basics.ts', 'utf8'),
  )[1];
  assert.equal(attributeType('donate-button', 'provider'), providers.split(', ').join(' | '));
});

test('numbers and booleans say so', () => {
  assert.equal(attributeType('platform-plank', 'heading-level'), 'number');
  assert.equal(attributeType('platform-plank', 'expanded'), 'boolean');
  assert.equal(attributeType('donate-button', 'recurring'), 'boolean');
  for (const [tag, name] of [
    ['petition-form', 'goal'],
    ['platform-list', 'limit'],
    ['chapter-map', 'zoom'],
    ['donate-button', 'min'],
    ['donate-button', 'max'],
    ['donate-button', 'default-amount'],
  ])
    assert.equal(attributeType(tag, name), 'number', `<${tag} ${name}>`);
  assert.equal(attributeType('petition-form', 'petition'), 'string');
});

test("each event's type carries its detail", () => {
  assert.equal(eventType('petition-form', 'petition-signed'), 'CustomEvent<{ petition: string; count: number; }>');
  assert.equal(eventType('chapter-map', 'chapter-select'), 'CustomEvent<{ chapter: Chapter; }>');
  const events = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => d.events ?? []);
  assert.ok(events.length > 10);
  assert.deepEqual(
    events.filter((e) => !/^CustomEvent<\{ .* \}>$/.test(e.type?.text ?? '')).map((e) => e.name),
    [],
    'events without a detail type',
  );
});
