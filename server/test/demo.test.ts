// The demo page end to end, as issue 3 asks: a signature made on it in a real browser appears
// in the CSV export. Needs the built library (npm run build) and Debian's Chromium; skipped
// without them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { auth, parseCsv, repoRoot, request, serveCli, tempDir, TOKEN } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const built = fs.existsSync(path.join(repoRoot, 'dist', 'solidarity-widgets.js'));
const skip = !built
  ? 'dist/ is not built (npm run build)'
  : !fs.existsSync(CHROMIUM)
    ? 'no Chromium at /usr/bin/chromium'
    : false;

it('a signature made on the demo page appears in the CSV export', { skip, timeout: 120_000 }, async () => {
  const { chromium } = await import('playwright-core');
  const dir = tempDir();
  const server = await serveCli(
    ['--feed', path.join(repoRoot, 'sample', 'feed.json'), '--db', path.join(dir, 'demo.db')],
    {
      SOLIDARITY_ADMIN_TOKEN: TOKEN,
    },
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.base}/`);
    const form = page.locator('petition-form[petition="cancel-rent"]');
    const email = `lucy.parsons.${Date.now()}@example.org`;
    await form.locator('input[name="given_name"]').fill('Lucy');
    await form.locator('input[name="family_name"]').fill('Parsons');
    await form.locator('input[name="email"]').fill(email);
    await form.locator('input[name="postal_code"]').fill('60601');
    await form.locator('#consent').check();
    const posted = page.waitForResponse(
      (r) => r.url().endsWith('/api/petitions/cancel-rent/signatures') && r.request().method() === 'POST',
    );
    await form.locator('button[type="submit"]').click();
    assert.equal((await posted).status(), 201);

    const csv = await request(server.base, 'GET', '/api/petitions/cancel-rent/signatures.csv', { headers: auth });
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    const row = rows.find((r) => r[3] === email);
    assert.ok(row, `${email} is not in the export:\n${csv.text}`);
    assert.deepEqual([row[1], row[2], row[4], row[8], row[9]], ['Lucy', 'Parsons', '60601', 'demo-page', server.base]);
  } finally {
    await browser.close();
    server.proc.kill('SIGTERM');
    await server.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
