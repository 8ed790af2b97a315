import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Harness, runScoring, startHarness } from './harness';
import { rawRequest } from './rawHttp';

/** The port the harness listens on (h.send starts listening). */
async function portOf(h: Harness): Promise<number> {
  await h.send({ url: '/health', from: '127.0.0.200' });
  const address = h.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening');
  return address.port;
}

describe('rate limits before routing', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('counts signed-in players as players: 50 behind one address all read their boards', async () => {
    h = await startHarness();
    const players = Array.from({ length: 50 }, (_, i) => `nat-player-${i}`);
    const tokens = await Promise.all(players.map((id) => h?.login(id) as Promise<string>));
    // Every player reads three boards (150 reads from 127.0.0.1 in a few seconds; the budget is 30
    // reads per 10 s for each player, and for each address without a session).
    const statuses: number[] = [];
    for (const token of tokens) {
      for (const url of [
        '/v1/leaderboards/global',
        '/v1/leaderboards/weekly',
        '/v1/leaderboards/daily?around=me',
      ]) {
        const read = await h.send({ url, headers: { authorization: `Bearer ${token}` } });
        statuses.push(read.statusCode);
        expect(read.json().entries).toEqual([]);
      }
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(150);
    // The same address without a session is still one client, limited as one.
    const anonymous: number[] = [];
    for (let i = 0; i < 31; i++)
      anonymous.push((await h.send({ url: '/v1/leaderboards/global' })).statusCode);
    expect(anonymous.filter((status) => status === 200)).toHaveLength(30);
    expect(anonymous[30]).toBe(429);
  });

  it('writes the summary every interval while the server runs, each refusal in exactly one', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = { write: (line: string) => void lines.push(JSON.parse(line)) };
    h = await startHarness({ readsPerWindow: 2, refusalLogIntervalMs: 50 }, undefined, {
      logger: { stream },
    });
    for (let i = 0; i < 12; i++) await h.send({ url: '/v1/leaderboards/global', from: '127.0.0.9' });
    const summaries = () => lines.filter((line) => line.msg === 'requests refused by the rate limits');
    const refused = () => summaries().reduce((sum, line) => sum + Number(line.refused), 0);
    await vi.waitFor(() => expect(refused()).toBe(10), { timeout: 5_000 });
    expect(summaries().length).toBeGreaterThanOrEqual(1);
  });

  it('counts refusals instead of logging them: one summary line for the interval, with who was refused', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = { write: (line: string) => void lines.push(JSON.parse(line)) };
    h = await startHarness({ readsPerWindow: 2, runsPerMinute: 1, refusalLogIntervalMs: 60_000 }, undefined, {
      logger: { stream },
    });
    const token = await h.login('flooder');
    for (let i = 0; i < 22; i++) await h.send({ url: '/v1/leaderboards/global', from: '127.0.0.9' });
    for (let i = 0; i < 6; i++) {
      await h.send({
        method: 'POST',
        url: '/v1/runs',
        headers: { authorization: `Bearer ${token}` },
        payload: { run: runScoring(i) },
      });
    }
    // Only the admitted requests are logged (two reads and one run, each arriving and answered).
    const requestLines = lines.filter(
      (line) => line.msg === 'incoming request' || line.msg === 'request completed',
    );
    expect(requestLines.filter((line) => line.msg === 'incoming request')).toHaveLength(2 + 1 + 1);
    expect(JSON.stringify(lines)).not.toContain('"statusCode":429');
    // The interval is longer than the test: the summary is the one the server writes as it closes.
    expect(lines.some((line) => line.msg === 'requests refused by the rate limits')).toBe(false);
    await h.close();
    h = undefined;
    const summaries = lines.filter((line) => line.msg === 'requests refused by the rate limits');
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({
      level: 40,
      refused: 25,
      byRule: { reads: 20, runs: 5 },
      top: [
        { key: 'address:127.0.0.9', refused: 20 },
        { key: 'player:flooder', refused: 5 },
      ],
    });
  });

  it('closes a refused request whose body does not follow promptly, instead of waiting for it', async () => {
    h = await startHarness({ runsPerMinute: 1 });
    const token = await h.login('player-1');
    const port = await portOf(h);
    const headers = `Authorization: Bearer ${token}\r\nContent-Type: application/json\r\nHost: x\r\n`;
    const run = JSON.stringify({ run: runScoring(5) });
    const first = await rawRequest(
      port,
      `POST /v1/runs HTTP/1.1\r\n${headers}Content-Length: ${run.length}\r\nConnection: close\r\n\r\n${run}`,
    );
    expect(first.status).toBe(200);
    // Over the limit, with 5,000 bytes announced and 7 sent (a client waiting for 100 Continue, or a
    // slow one): answered 429 and closed half a second later, not held until the 10 s request timeout.
    const refused = await rawRequest(
      port,
      `POST /v1/runs HTTP/1.1\r\n${headers}Content-Length: 5000\r\n\r\n{"run":`,
    );
    expect(refused.status).toBe(429);
    expect(refused.closedAfterMs).not.toBeNull();
    expect(refused.closedAfterMs).toBeLessThan(1500);
  });

  it('answers a refusal after the refusal delay, so one connection cannot flood at full speed', async () => {
    h = await startHarness({ readsPerWindow: 1, refusalDelayMs: 200 });
    expect((await h.send({ url: '/v1/leaderboards/global' })).statusCode).toBe(200);
    const started = performance.now();
    const refused = await h.send({ url: '/v1/leaderboards/global' });
    expect(refused.statusCode).toBe(429);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('keeps a refused request without a body on its kept-alive connection', async () => {
    h = await startHarness({ readsPerWindow: 1 });
    const port = await portOf(h);
    const read = 'GET /v1/leaderboards/global HTTP/1.1\r\nHost: x\r\n\r\n';
    const answer = await rawRequest(port, read + read + read, 800);
    expect(answer.raw.match(/HTTP\/1\.1 \d+/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 429', 'HTTP/1.1 429']);
    expect(answer.closedAfterMs).toBeNull();
  });

  it('closes an idle kept-alive connection after the idle timeout, as documented', async () => {
    h = await startHarness({ idleTimeoutMs: 1500 });
    const port = await portOf(h);
    const answer = await rawRequest(port, 'GET /health HTTP/1.1\r\nHost: x\r\n\r\n', 5000);
    expect(answer.status).toBe(200);
    expect(answer.closedAfterMs).not.toBeNull();
    // The idle timeout, plus Node's checking and a busy machine's delay; Fastify's default was 73 s.
    expect(answer.closedAfterMs).toBeGreaterThanOrEqual(1400);
    expect(answer.closedAfterMs).toBeLessThan(3500);
  });

  it('answers a preflight from the game origin before any limit, and none for another origin', async () => {
    h = await startHarness({ otherPerMinute: 1 });
    const preflight = (origin: string) =>
      h?.send({
        method: 'OPTIONS',
        url: '/v1/runs',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    for (let i = 0; i < 5; i++) {
      const answer = await preflight('http://localhost:9528');
      expect(answer?.statusCode).toBe(204);
      expect(answer?.headers['access-control-allow-origin']).toBe('http://localhost:9528');
    }
    expect((await preflight('https://evil.example'))?.headers['access-control-allow-origin']).toBeUndefined();
  });
});
