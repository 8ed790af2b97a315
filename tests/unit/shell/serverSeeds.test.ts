import { describe, expect, it } from 'vitest';
import { createServerClient, parseIssuedSeeds, ServerError } from '../../../assets/scripts/shell/index';
import { fakeRequest, type Route } from './fakes';

const session = { token: 'tok-1', openId: 'open-you', expiresAt: 10_000_000 };

function client(routes: Record<string, Route>) {
  const log: { url: string; data: unknown }[] = [];
  const request = fakeRequest(
    { 'POST /v1/session': () => ({ statusCode: 200, data: session }), ...routes },
    log,
  );
  const server = createServerClient({ login: async () => ({ code: 'c' }), request }, { now: () => 1_000 });
  return { server, log };
}

describe('game server client: run seeds', () => {
  it('fetches seeds with the session and validates the answer', async () => {
    const { server, log } = client({
      'POST /v1/seeds': () => ({ statusCode: 200, data: { seeds: [4, 5], expiresInMs: 604_800_000 } }),
    });
    expect(await server.fetchSeeds(2)).toEqual({ seeds: [4, 5], expiresInMs: 604_800_000 });
    expect(log.at(-1)).toEqual({ url: 'http://localhost:9530/v1/seeds', data: { count: 2 } });
  });

  it('rejects answers that are not seeds', () => {
    expect(parseIssuedSeeds({ seeds: [0, 4294967295], expiresInMs: 1 })).toEqual({
      seeds: [0, 4294967295],
      expiresInMs: 1,
    });
    expect(parseIssuedSeeds({ seeds: [4294967296], expiresInMs: 1 })).toBeNull();
    expect(parseIssuedSeeds({ seeds: [-1], expiresInMs: 1 })).toBeNull();
    expect(parseIssuedSeeds({ seeds: ['4'], expiresInMs: 1 })).toBeNull();
    expect(parseIssuedSeeds({ seeds: [4], expiresInMs: 0 })).toBeNull();
    expect(parseIssuedSeeds({ seeds: [4] })).toBeNull();
    expect(parseIssuedSeeds(null)).toBeNull();
  });

  it('treats a seed refusal as final and says which one; 401, 408 and 429 stay retryable', async () => {
    const refusal = async (statusCode: number, error: string) => {
      const { server } = client({ 'POST /v1/runs': () => ({ statusCode, data: { error, message: 'm' } }) });
      return server.submitRun({ v: 1, seed: 4, level: 1, inputs: [], claimedScore: 0 }).catch((e) => e);
    };
    const used = await refusal(409, 'seed_used');
    expect(used).toBeInstanceOf(ServerError);
    expect(used.message).toBe('POST /v1/runs failed: HTTP 409 seed_used');
    expect(used.retryable).toBe(false);
    const notIssued = await refusal(403, 'seed_not_issued');
    expect([notIssued.message, notIssued.retryable]).toEqual([
      'POST /v1/runs failed: HTTP 403 seed_not_issued',
      false,
    ]);
    expect((await refusal(403, 'seed_expired')).retryable).toBe(false);
    for (const status of [401, 408, 429, 503]) expect((await refusal(status, 'x')).retryable).toBe(true);
  });

  it('test mode: asks a development server for the chosen seed; a server without the route refuses for good', async () => {
    const dev = client({
      'POST /v1/dev/seeds': (body) => ({
        statusCode: 200,
        data: { seeds: [(body as { seed: number }).seed], expiresInMs: 1000 },
      }),
    });
    await expect(dev.server.chooseSeed(7)).resolves.toBeUndefined();
    expect(dev.log.at(-1)?.data).toEqual({ seed: 7 });
    const production = client({
      'POST /v1/dev/seeds': () => ({
        statusCode: 404,
        data: { error: 'not_found', message: 'no such route' },
      }),
    });
    const error = await production.server.chooseSeed(7).catch((e) => e);
    expect([error.message, error.retryable]).toEqual([
      'POST /v1/dev/seeds failed: HTTP 404 not_found',
      false,
    ]);
  });
});
