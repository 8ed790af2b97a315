import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshGrant, grantFrom, REFRESH_MARGIN_MS } from '../../../server/platform/platformGrant';
import { InvalidRefreshTokenError, TikTokClient } from '../../../server/platform/tiktokClient';
import { type RunningSimulator, startSimulator } from '../../../simulator/index';

/** The game server's platform client against the simulator's OAuth endpoint: the refresh path end to end. */

const packageDir = fileURLToPath(new URL('../../fixtures/sim-package/', import.meta.url));
const clientSecret = 'refresh-test-secret';
let now = Date.UTC(2026, 5, 1, 12);
let sim: RunningSimulator;
let dataDir: string;
let client: TikTokClient;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sim-refresh-'));
  sim = await startSimulator({
    port: 39527,
    gamePort: 39528,
    contextPort: 39529,
    dataDir,
    packageDir,
    clientSecret,
    now: () => now,
  });
  client = new TikTokClient({ apiBase: sim.urls.main, clientKey: 'sim-fixture-client-key', clientSecret });
}, 30_000);
afterAll(async () => {
  await sim?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function loginCode(): Promise<string> {
  const response = await fetch(`${sim.urls.main}/__api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: sim.urls.main },
    body: JSON.stringify({ domain: 'game', api: 'login' }),
  });
  const outcome = (await response.json()) as { kind: string; result: { code: string } };
  if (outcome.kind !== 'ok') throw new Error(`login failed: ${JSON.stringify(outcome)}`);
  return outcome.result.code;
}

describe("the server's tokens against the simulator", () => {
  it('a code gives a 2-hour access token and a 180-day refresh token', async () => {
    const exchange = await client.exchangeCode(await loginCode());
    expect(exchange).toMatchObject({
      openId: 'sim-ava',
      scope: 'user.info.open_id',
      expiresIn: 7200,
      refreshExpiresIn: 15_552_000,
    });
    expect(exchange.refreshToken).toMatch(/^rft\./);
  });

  it('freshGrant keeps a valid token, refreshes one about to expire, and the old refresh token is then refused', async () => {
    const grant = grantFrom(await client.exchangeCode(await loginCode()), now);
    expect(grant.accessExpiresAt).toBe(now + 7_200_000);
    expect(await freshGrant(grant, now, client)).toBe(grant);

    now = grant.accessExpiresAt - REFRESH_MARGIN_MS; // inside the margin: refresh
    const fresh = await freshGrant(grant, now, client);
    expect(fresh.accessToken).not.toBe(grant.accessToken);
    expect(fresh.refreshToken).not.toBe(grant.refreshToken);
    expect(fresh.accessExpiresAt).toBe(now + 7_200_000);
    expect(fresh.refreshExpiresAt).toBe(grant.refreshExpiresAt);
    expect((await client.fetchUser(fresh.accessToken)).openId).toBe('sim-ava');

    now += 10 * 60_000; // the first access token has expired by now
    await expect(client.fetchUser(grant.accessToken)).rejects.toThrow('user info endpoint answered 401');
    const stale = client.refreshAccessToken(grant.refreshToken ?? '');
    await expect(stale).rejects.toBeInstanceOf(InvalidRefreshTokenError);
    await expect(stale).rejects.toThrow(
      new InvalidRefreshTokenError(
        'the platform refused the refresh token: refresh_token was replaced by a newer one (use the latest)',
      ),
    );
  });
});
