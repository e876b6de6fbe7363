// At most so many open connections per client address (IPv6: per /64, as for the rate limit):
// one client holding 1,500 idle sockets would otherwise use up the server's file descriptors.
// Connections over the cap are closed as they arrive. Behind a proxy (--trust-proxy) every
// connection comes from the proxy, so the cap belongs there and is not applied here.
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { clientKey } from '../rate-limit.js';
import type { AppContext } from './context.js';

export const MAX_CONNECTIONS_PER_ADDRESS = 64;

export async function connectionLimit(app: FastifyInstance, { opts }: AppContext): Promise<void> {
  const limit = opts.maxConnectionsPerAddress ?? MAX_CONNECTIONS_PER_ADDRESS;
  if (opts.trustProxy || limit <= 0) return;
  const open = new Map<string, number>();
  app.server.on('connection', (socket: Socket) => {
    const key = clientKey(socket.remoteAddress ?? '');
    const count = (open.get(key) ?? 0) + 1;
    if (count > limit) {
      socket.destroy(); // not logged: logs would hold client addresses
      return;
    }
    open.set(key, count);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
    });
  });
}
