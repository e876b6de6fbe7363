// The console's feed save survives being killed at any moment: the feed file is always one whole
// version (old or new), and the previous version is kept beside it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { saveFeedAtomically } from '../feed-save.js';
import { FIXTURE_FEED, here, tempDir } from './helpers.js';

/** Two valid feeds, large enough that writing one takes many write calls. */
function twoVersions(dir: string): [string, string] {
  const feed = JSON.parse(fs.readFileSync(FIXTURE_FEED, 'utf8'));
  const texts = ['A', 'B'].map((mark) => {
    feed.org = { ...feed.org, name: `Version ${mark}` };
    feed.platform[0].body = `${mark} `.repeat(2_000_000);
    return JSON.stringify(feed, null, 2);
  });
  const files = texts.map((t, i) => path.join(dir, `v${i}.json`));
  files.forEach((f, i) => fs.writeFileSync(f, texts[i]));
  return files as [string, string];
}

describe('saveFeedAtomically', () => {
  it('replaces the file and keeps the previous version as FILE.1', () => {
    const dir = tempDir();
    const file = path.join(dir, 'feed.json');
    fs.writeFileSync(file, '{"old":true}');
    saveFeedAtomically(file, '{"new":true}');
    assert.equal(fs.readFileSync(file, 'utf8'), '{"new":true}');
    assert.equal(fs.readFileSync(`${file}.1`, 'utf8'), '{"old":true}');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['feed.json', 'feed.json.1'], 'no temporary file is left');
  });

  it('leaves a whole feed, old or new, when the process is killed (SIGKILL) mid-save', async () => {
    const dir = tempDir();
    const [a, b] = twoVersions(dir);
    const whole = new Set([fs.readFileSync(a, 'utf8'), fs.readFileSync(b, 'utf8')]);
    const file = path.join(dir, 'feed.json');
    fs.copyFileSync(a, file);
    const loop = path.join(here, 'fixtures', 'save-feed-loop.ts');
    for (let round = 0; round < 5; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', loop, file, a, b], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      // Killed once it has saved at least once, so the kill lands inside a later save's steps.
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      assert.ok(whole.has(fs.readFileSync(file, 'utf8')), `round ${round}: the feed is one whole version`);
      JSON.parse(fs.readFileSync(file, 'utf8'));
      if (fs.existsSync(`${file}.1`)) assert.ok(whole.has(fs.readFileSync(`${file}.1`, 'utf8')));
    }
  });
});
