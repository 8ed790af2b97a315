/**
 * A server for the flood benchmark, in a process of its own (as in production, and so the victim's
 * timings are not the server's event loop): `game` is the real game server (startGameServer, logging
 * at info to stdout as deployed), `null` a bare Node server answering every request 429 at once, the
 * least a refusal can cost. Sends `{url}` to its parent when it listens.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGameServer } from '../../../server/index';

const kind = process.argv[2];
if (kind === 'null') {
  const body = JSON.stringify({ error: 'rate_limited', message: 'rate limit reached; retry in 60 s' });
  const server = createServer((_req, res) => {
    res.writeHead(429, {
      'content-type': 'application/json',
      'content-length': body.length,
      'retry-after': '60',
    });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  });
} else {
  // Configured by the environment the benchmark gives it (SERVER_DATA_DIR or REDIS_URL, secrets).
  const running = await startGameServer({ port: 0, host: '127.0.0.1' });
  process.send?.({ url: running.url.replace('localhost', '127.0.0.1') });
}
process.on('disconnect', () => process.exit(0));
