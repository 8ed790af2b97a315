import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { game } from '../../../assets/scripts/games/registered';
import { MAX_SEED, maxRunInputs } from '../../../assets/scripts/games/runRecord';
import { largestRunBody, MAX_RUN_BODY_BYTES } from '../../../server/routes/runBodyLimit';
import { testGame } from '../testGame';
import { type Harness, runScoring, startHarness } from './harness';

/** Resolves when the server closes the socket, with what it sent first. */
function closed(socket: Socket): Promise<string> {
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk.toString('latin1');
  });
  return new Promise((resolve) => socket.once('close', () => resolve(received)));
}

describe('limits before work', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('cuts off a slow-body client within the request timeout while other clients are served', async () => {
    h = await startHarness({ requestTimeoutMs: 600, headersTimeoutMs: 600 });
    const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const slow = connect(Number(port), '127.0.0.1');
    const done = closed(slow);
    const started = Date.now();
    slow.write(
      `POST /v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{"code":"`,
    );
    // One byte every 100 ms: never idle long enough for an idle timeout, never finished.
    const drip = setInterval(() => slow.writable && slow.write('a'), 100);
    try {
      for (let i = 0; i < 3; i++) {
        const health = await fetch(`${address}/health`);
        expect(health.status).toBe(200);
      }
      const answer = await done;
      const elapsed = Date.now() - started;
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      // The timeout plus Node's checking interval (a quarter of it), with room for a busy machine.
      expect(elapsed).toBeGreaterThanOrEqual(500);
      expect(elapsed).toBeLessThan(3000);
    } finally {
      clearInterval(drip);
      slow.destroy();
    }
  });

  it('caps open connections per address: the next one is closed on arrival', async () => {
    h = await startHarness({ connectionsPerAddress: 3 });
    const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(address).port);
    const open = await Promise.all(
      [0, 1, 2].map(
        () =>
          new Promise<Socket>((resolve) => {
            const socket = connect(port, '127.0.0.1', () => resolve(socket));
          }),
      ),
    );
    const fourth = connect(port, '127.0.0.1');
    await closed(fourth);
    for (const socket of open) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Closed ones are counted out: the address may connect again.
    expect((await fetch(`${address}/health`)).status).toBe(200);
  });

  it('answers the 31st board read from one address without a session in a window with 429', async () => {
    h = await startHarness();
    for (let i = 0; i < 30; i++) {
      const read = await h.send({ url: '/v1/leaderboards/global' });
      expect(read.statusCode, `read ${i + 1}`).toBe(200);
    }
    const limited = await h.send({ url: '/v1/leaderboards/weekly' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();
    const other = await h.send({ url: '/v1/leaderboards/global', from: '127.0.0.7' });
    expect(other.statusCode).toBe(200);
  });

  it('counts a limited player before reading the body: junk over the limit is 429, not parsed', async () => {
    h = await startHarness({ runsPerMinute: 1 });
    const token = await h.login('player-1');
    const submit = (payload: string) =>
      h?.send({
        method: 'POST',
        url: '/v1/runs',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload,
      });
    expect((await submit(JSON.stringify({ run: runScoring(5) })))?.statusCode).toBe(200);
    const junk = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const limited = await submit(junk);
    expect(limited?.statusCode).toBe(429);
  });

  it("caps a run body near the largest valid run, derived from the game's bounds", async () => {
    for (const rules of [game, testGame]) {
      const { levelCount, scoreLimit } = rules.info;
      const { ticks, largestInput } = rules.levelBounds(levelCount);
      const largest = JSON.stringify({
        run: {
          v: 1,
          seed: MAX_SEED,
          level: levelCount,
          inputs: Array.from({ length: Math.min(ticks, maxRunInputs(rules)) }, (_, tick) => [
            tick,
            largestInput,
          ]),
          claimedScore: scoreLimit,
          openId: 'x'.repeat(128),
        },
      });
      const limit = largestRunBody(rules);
      expect(Buffer.byteLength(largest)).toBeLessThanOrEqual(limit);
      expect(limit).toBeLessThan(2 * Buffer.byteLength(largest));
    }
    expect(MAX_RUN_BODY_BYTES).toBe(largestRunBody(game));
    h = await startHarness();
    const token = await h.login('player-1');
    const tooBig = await h.app.inject({
      method: 'POST',
      url: '/v1/runs',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ run: runScoring(1, { pad: 'x'.repeat(MAX_RUN_BODY_BYTES) }) }),
    });
    expect(tooBig.statusCode).toBe(413);
  });
});
