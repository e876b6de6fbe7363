#!/usr/bin/env node
// `npx solidarity-widgets`: the server this package carries (dist/, written when it is packed).
// In the repository, where this folder is a workspace and dist/ is not there, the repository's own.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packed = new URL('../dist/server/cli.js', import.meta.url);
if (existsSync(fileURLToPath(packed))) {
  const { main } = await import(packed.href);
  await main(process.argv.slice(2));
} else {
  const repository = new URL('../../../bin/solidarity-widgets.js', import.meta.url);
  if (!existsSync(fileURLToPath(repository))) {
    console.error(
      `solidarity-widgets: this package has no server (${fileURLToPath(packed)} is missing). Reinstall solidarity-widgets-server.`,
    );
    process.exit(1);
  }
  await import(repository.href);
}
