// Browser tests run in Debian's Chromium (never a downloaded browser).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { rawImportsPlugin } from './test/fixtures/chapters-raw-plugin.mjs';
import { petitionServerPlugin } from './test/fixtures/petition-server.mjs';
import { CHROMIUM_ARGS } from './test/host/harness.mjs';
import { emulateTimezonePlugin } from './test/commands/emulate-timezone.mjs';

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * `/test-feed?body=…&status=…&type=…&delay=…` answers with exactly that, so tests
 * can serve any feed (or a broken one) over real http.
 */
function testFeedMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/test-feed')) return next();
  const q = ctx.query;
  const delay = Number(q.delay ?? 0);
  return new Promise((resolve) =>
    setTimeout(() => {
      ctx.status = Number(q.status ?? 200);
      ctx.type = q.type ?? 'application/json';
      ctx.set('access-control-allow-origin', '*');
      ctx.body = q.body ?? '';
      resolve();
    }, delay),
  );
}

export default {
  middleware: [testFeedMiddleware],
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 600000,
  plugins: [
    rawImportsPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    petitionServerPlugin(),
    emulateTimezonePlugin(),
  ],
  browsers: [
    chromeLauncher({
      // Each test file in its own window, so every page stays visible (a hidden tab gets no frames), and in a
      // browser context of its own: the offline queue (one localStorage entry per origin) is delivered by any form
      // of any page, so files running at once would otherwise send each other's queued signatures, RSVPs and joins.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage({ type: 'window' }),
      launchOptions: {
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
};
