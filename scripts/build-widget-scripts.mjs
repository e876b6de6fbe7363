// The single-widget scripts: dist/widgets/<tag>.js for each src/single-widget/<tag>.ts, each built on
// its own (one Vite build each), so each holds its own Lit and core and shares no file with the main
// script; their lazy chunks land in dist/chunks/ beside the main script's.
import { readdirSync } from 'node:fs';
import { build, loadConfigFromFile } from 'vite';

const SOURCE = 'src/single-widget';

export async function buildWidgetScripts() {
  const tags = readdirSync(SOURCE)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3));
  const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, 'vite.config.ts');
  for (const tag of tags) {
    // The project's config with this one input (merged, the main script's input would be built again with it).
    config.build.rolldownOptions.input = { [`widgets/${tag}`]: `${SOURCE}/${tag}.ts` };
    // logLevel error: the map engine's size is known (the main build says it once).
    await build({ ...config, configFile: false, logLevel: 'error' });
  }
  return tags;
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(`widget scripts: ${(await buildWidgetScripts()).join(', ')}`);
