// Fastify gives each registered plugin its own context: hooks, parsers and handlers set inside
// it apply to its own routes only. The few plugins that set app-wide behaviour (the error
// handler, the body parser, headers on every answer) opt out of that, as fastify-plugin would.
import type { FastifyPluginAsync, FastifyPluginOptions } from 'fastify';

export function appWide<Options extends FastifyPluginOptions = Record<never, never>>(
  plugin: FastifyPluginAsync<Options>,
): FastifyPluginAsync<Options> {
  Object.assign(plugin, { [Symbol.for('skip-override')]: true });
  return plugin;
}
