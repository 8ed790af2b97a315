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

  it('GET /health answers ok and names the store it checked', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, store: 'sqlite' });
  });

  it('allows CORS from the game origin only', async () => {
    // Over HTTP: CORS is set before routing, on every answer.
    const preflight = (origin: string) =>
      h.send({
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
    const read = await h.send({ url: '/v1/leaderboards/global', headers: { origin: GAME_ORIGIN } });
    expect(read.headers['access-control-allow-origin']).toBe(GAME_ORIGIN);
  });

  it('answers unknown routes with a JSON 404 that never echoes the path', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/v1/%3Cscript%3Ealert(1)%3C/script%3E?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'not_found', message: 'no such route; see docs/server.md' });
    expect(response.body).not.toMatch(/script|alert/i);
  });

  it('accepts only UTF-8 JSON, refusing another declared charset before reading it', async () => {
    const token = await h.login('player-1');
    const send = (contentType: string, body: Buffer) =>
      h.app.inject({
        method: 'POST',
        url: '/v1/events',
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        payload: body,
      });
    const json = JSON.stringify({ events: [{ name: 'tick', at: 1 }] });
    const utf16 = await send('application/json; charset=utf-16le', Buffer.from(json, 'utf16le'));
    expect(utf16.statusCode).toBe(415);
    expect(utf16.json().error).toBe('unsupported_charset');
    expect((await send('application/json; charset=latin1', Buffer.from(json))).statusCode).toBe(415);
    expect((await send('application/json; charset=UTF-8', Buffer.from(json))).statusCode).toBe(200);
    expect((await send('application/json', Buffer.from(json))).statusCode).toBe(200);
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
