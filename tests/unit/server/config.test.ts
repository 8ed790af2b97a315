import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../server/config';
import { coreReplay } from '../../../server/coreReplay';
import { botRun } from './realRun';

describe('resolveConfig', () => {
  it('reads the documented environment with local defaults', () => {
    expect(resolveConfig({}, {})).toMatchObject({
      port: 9530,
      gameOrigin: 'http://localhost:9528',
      apiBase: 'http://localhost:9527',
      dataDir: '.server-data',
      redisUrl: null,
    });
    const config = resolveConfig(
      {},
      {
        GAME_SERVER_PORT: '8000',
        GAME_ORIGIN: 'https://game.example',
        TIKTOK_API_BASE: 'https://open.tiktokapis.com',
        TIKTOK_CLIENT_KEY: 'key',
        TIKTOK_CLIENT_SECRET: 'secret',
        SESSION_SECRET: 's'.repeat(40),
        SERVER_DATA_DIR: '/var/lib/game',
        REDIS_URL: 'redis://cache:6379',
      },
    );
    expect(config).toMatchObject({
      port: 8000,
      clientKey: 'key',
      redisUrl: 'redis://cache:6379',
      trustProxy: false,
    });
    expect(resolveConfig({}, { TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(resolveConfig({ port: 1234 }, { GAME_SERVER_PORT: '8000' }).port).toBe(1234);
    expect(() => resolveConfig({}, { GAME_SERVER_PORT: 'eighty' })).toThrow(/GAME_SERVER_PORT/);
  });

  it('refuses to start in production with any default or short secret', () => {
    expect(() => resolveConfig({}, { NODE_ENV: 'production' })).toThrow(
      /TIKTOK_CLIENT_KEY is not set; TIKTOK_CLIENT_SECRET is the simulator default; SESSION_SECRET/,
    );
    const ready = { TIKTOK_CLIENT_KEY: 'k', TIKTOK_CLIENT_SECRET: 'real', SESSION_SECRET: 'x'.repeat(32) };
    expect(() => resolveConfig({}, { NODE_ENV: 'production', ...ready })).not.toThrow();
    expect(() =>
      resolveConfig({}, { NODE_ENV: 'production', ...ready, SESSION_SECRET: 'x'.repeat(31) }),
    ).toThrow(/SESSION_SECRET/);
    expect(() =>
      resolveConfig({ sessionSecret: 'local-dev-session-secret' }, { NODE_ENV: 'production', ...ready }),
    ).toThrow(/SESSION_SECRET/);
  });
});

describe('coreReplay (the real game core)', () => {
  it('reproduces the score of a genuine run and exposes a claim one point too high', () => {
    const run = botRun(12345);
    expect(run.claimedScore).toBeGreaterThan(0);
    expect(coreReplay(run)).toEqual({ ok: true, score: run.claimedScore });
    const inflated = { ...run, claimedScore: run.claimedScore + 1 };
    expect(coreReplay(inflated)).toEqual({ ok: true, score: run.claimedScore });
    const verdict = coreReplay({ ...run, inputs: 'none' });
    expect(verdict.ok).toBe(false);
  });
});
