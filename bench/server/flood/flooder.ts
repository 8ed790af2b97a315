/**
 * The flooder of the flood benchmark, in a process of its own: one client (one address, one player)
 * sending as fast as its connections are answered: by default a third each of board reads without a
 * session, board reads with one, and run submissions with a body (`mode` get: the reads only, post: the
 * runs only). Started and stopped by its parent over IPC; answers with what it sent and what came back.
 */
import { Agent, request } from 'node:http';

interface Start {
  start: { url: string; token: string; connections: number; from: string; mode?: string; fresh?: boolean };
}
interface Stop {
  stop: true;
}

let running = false;
let byStatus: Record<string, number> = {};
let sent = 0;
let started = 0;
let loops: Promise<void>[] = [];
let agent: Agent | null = null;
let kinds = [0, 1, 2];

const run = JSON.stringify({ run: { v: 1, seed: 7, level: 1, inputs: [], claimedScore: 0 } });

function send(agent: Agent, base: URL, token: string, kind: number, from: string): Promise<number> {
  const signedIn = { authorization: `Bearer ${token}` };
  const [method, path, headers, body] =
    kind === 0
      ? ['GET', '/v1/leaderboards/global', {}, undefined]
      : kind === 1
        ? ['GET', '/v1/leaderboards/weekly?around=me', signedIn, undefined]
        : ['POST', '/v1/runs', { ...signedIn, 'content-type': 'application/json' }, run];
  return new Promise((resolve) => {
    const sentRequest = request(
      { host: base.hostname, port: base.port, method, path, headers, agent, localAddress: from },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    sentRequest.on('error', () => resolve(0));
    sentRequest.end(body);
  });
}

async function loop(agent: Agent, base: URL, token: string, offset: number, from: string): Promise<void> {
  for (let i = offset; running; i++) {
    const status = await send(agent, base, token, kinds[i % kinds.length] as number, from);
    sent += 1;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  }
}

process.on('message', async (message: Start | Stop) => {
  if ('start' in message) {
    const { url, token, connections, from, mode, fresh } = message.start;
    kinds = mode === 'get' ? [0, 1] : mode === 'post' ? [2] : [0, 1, 2];
    // fresh: a new connection for every request, as a client that never keeps one alive.
    agent = new Agent({ keepAlive: !fresh, maxSockets: connections });
    running = true;
    sent = 0;
    byStatus = {};
    started = performance.now();
    const open = agent;
    loops = Array.from({ length: connections }, (_, i) => loop(open, new URL(url), token, i, from));
    process.send?.({ started: true });
  } else {
    running = false;
    await Promise.all(loops);
    // Its connections go with it: the next flood must not find the server's per-address cap taken.
    agent?.destroy();
    const seconds = (performance.now() - started) / 1000;
    process.send?.({ sent, seconds, byStatus });
  }
});
process.on('disconnect', () => process.exit(0));
