import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionTokens } from '../../../server/auth/sessionToken';
import { type Harness, SESSION_SECRET, START, startHarness } from './harness';

describe('POST /v1/session', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const exchange = (code: unknown) => h.app.inject({ method: 'POST', url: '/v1/session', payload: { code } });

  it('exchanges a login code for a signed session of that player that expires in an hour', async () => {
    const response = await exchange(h.platform.issueCode('player-1'));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({ token: expect.any(String), openId: 'player-1', expiresAt: START + 3_600_000 });
    const tokens = new SessionTokens(SESSION_SECRET, 1, () => START);
    expect(tokens.verify(body.token)).toEqual({ openId: 'player-1', expiresAt: START + 3_600_000 });
  });

  it('refuses a code used twice with 401', async () => {
    const code = h.platform.issueCode('player-1');
    expect((await exchange(code)).statusCode).toBe(200);
    const again = await exchange(code);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({
      error: 'invalid_code',
      message: expect.stringContaining('already used'),
    });
  });

  it('refuses an expired code and an unknown code with 401', async () => {
    const code = h.platform.issueCode('player-1', 1000);
    h.clock.now += 1001;
    expect((await exchange(code)).json()).toMatchObject({ error: 'invalid_code' });
    expect((await exchange('made-up-code')).statusCode).toBe(401);
  });

  it('treats a 200 answer with an error body as a refused code', async () => {
    h.platform.errorsWithStatus200 = true;
    const response = await exchange('made-up-code');
    expect(response.statusCode).toBe(401);
  });

  it('answers 502 when the platform is down', async () => {
    h.platform.down = true;
    const response = await exchange(h.platform.issueCode('player-1'));
    expect(response.statusCode).toBe(502);
    expect(response.json().error).toBe('platform_unavailable');
  });

  it('answers 502, not 401, when the server itself has the wrong client secret', async () => {
    h.platform.clientSecret = 'rotated-secret';
    const response = await exchange(h.platform.issueCode('player-1'));
    expect(response.statusCode).toBe(502);
    expect(response.json().error).toBe('platform_unavailable');
  });

  it('validates the body before calling the platform', async () => {
    for (const payload of [{}, { code: '' }, { code: 42 }, { code: 'a b' }, { code: 'x', extra: 1 }]) {
      const response = await h.app.inject({ method: 'POST', url: '/v1/session', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error).toBe('invalid_request');
    }
    expect(h.platform.tokenRequests).toBe(0);
  });

  it('never sends the client secret anywhere but the token endpoint, and never returns it', async () => {
    const response = await exchange(h.platform.issueCode('player-1'));
    expect(response.body).not.toContain('test-client-secret');
  });
});

describe('POST /v1/session rate limit', () => {
  it('limits code exchanges per client address, before asking the platform', async () => {
    const h = await startHarness({ sessionsPerMinute: 2 });
    try {
      const exchange = () =>
        h.send({
          method: 'POST',
          url: '/v1/session',
          payload: { code: h.platform.issueCode('player-1') },
        });
      expect((await exchange()).statusCode).toBe(200);
      expect((await exchange()).statusCode).toBe(200);
      const limited = await exchange();
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error).toBe('rate_limited');
      expect(h.platform.tokenRequests).toBe(2);
    } finally {
      await h.close();
    }
  });
});

describe('session tokens', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const submit = (token: string) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/runs',
      headers: { authorization: `Bearer ${token}` },
      payload: { run: { v: 1, seed: 1, level: 1, inputs: [5], claimedScore: 5 } },
    });

  it('accepts its own token', async () => {
    expect((await submit(await h.login('player-1'))).statusCode).toBe(200);
  });

  it('rejects a forged token (signed with another secret, or with an edited payload) and stores nothing', async () => {
    const forger = new SessionTokens('an-attacker-secret-0123456789abcdef', 3_600_000, () => START);
    expect((await submit(forger.issue('player-1').token)).statusCode).toBe(401);
    const real = await h.login('player-1');
    const [, signature] = real.split('.');
    const editedPayload = Buffer.from(JSON.stringify({ v: 1, sub: 'victim', exp: START + 9e9 })).toString(
      'base64url',
    );
    const response = await submit(`${editedPayload}.${signature}`);
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe('invalid_session');
    expect(await h.storage.rankOf('global', 'victim')).toBeNull();
    expect(await h.storage.rankOf('global', 'player-1')).toBeNull();
  });

  it('rejects an expired token and stores nothing', async () => {
    const token = await h.login('player-1');
    h.clock.now += 3_600_000;
    expect((await submit(token)).statusCode).toBe(401);
    expect(await h.storage.rankOf('global', 'player-1')).toBeNull();
  });

  it('rejects a missing or malformed Authorization header', async () => {
    for (const header of [undefined, 'Bearer', 'Basic abc', 'Bearer a.b.c', 'Bearer ...', 'Bearer x y']) {
      const response = await h.app.inject({
        method: 'POST',
        url: '/v1/runs',
        headers: header === undefined ? {} : { authorization: header },
        payload: { run: { inputs: [1], claimedScore: 1 } },
      });
      expect(response.statusCode, String(header)).toBe(401);
    }
  });

  it('refuses to be built with a short secret', () => {
    expect(() => new SessionTokens('short', 1000, Date.now)).toThrow(/at least 16 characters/);
  });
});
