import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAME_ORIGIN, type Harness, startHarness } from './harness';

describe('HTTP surface', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('GET /health answers ok', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
  });

  it('allows CORS from the game origin only', async () => {
    const preflight = (origin: string) =>
      h.app.inject({
        method: 'OPTIONS',
        url: '/v1/runs',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const game = await preflight(GAME_ORIGIN);
    expect(game.statusCode).toBe(204);
    expect(game.headers['access-control-allow-origin']).toBe(GAME_ORIGIN);
    expect(String(game.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
    for (const origin of ['http://127.0.0.1:9529', 'http://localhost:9527', 'https://evil.example']) {
      const other = await preflight(origin);
      expect(other.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
    const read = await h.app.inject({
      method: 'GET',
      url: '/v1/leaderboards/global',
      headers: { origin: GAME_ORIGIN },
    });
    expect(read.headers['access-control-allow-origin']).toBe(GAME_ORIGIN);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/v1/nothing?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'not_found', message: 'no route GET /v1/nothing' });
  });

  it('limits every body, not only runs', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ code: 'x'.repeat(20_000) }),
    });
    expect(response.statusCode).toBe(413);
  });
});
