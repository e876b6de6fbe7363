#!/usr/bin/env node
// Entry of `npx solidarity-widgets`: runs the built server (dist/server/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/server/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error(
    `solidarity-widgets: the server is not built (${cli} is missing).\nRun "npm run build" (or "npm run build:server") first.`,
  );
  process.exit(1);
}
const { main } = await import(pathToFileURL(cli).href);
await main(process.argv.slice(2));
