import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * At most `max` open connections per socket address; the next one is destroyed on arrival, before a
 * byte of it is parsed. One address holding thousands of slow connections used to exhaust the
 * process's file handles for everyone. Behind a proxy every socket is the proxy's: size it for that.
 */
export function capConnectionsPerAddress(
  server: Server,
  max: number,
  onRefused: (address: string) => void = () => undefined,
): void {
  if (max <= 0) return;
  const open = new Map<string, number>();
  // First among the listeners: a refused socket is closed before Node sets up a parser for it.
  server.prependListener('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = open.get(address) ?? 0;
    if (count >= max) {
      socket.destroy();
      onRefused(address);
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left === 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
