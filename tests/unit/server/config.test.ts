import { describe, expect, it } from 'vitest';
import { game } from '../../../assets/scripts/games/registered';
import { resolveConfig } from '../../../server/config';
import { gameReplay } from '../../../server/gameReplay';
import { MAX_SCORE } from '../../../server/leaderboards/order';
import { botRun, testGame } from '../testGame';
import { TEST_ENV } from './harness';

describe('resolveConfig', () => {
  it('reads the documented environment with local defaults', () => {
    expect(resolveConfig({}, TEST_ENV)).toMatchObject({
      port: 9530,
      gameOrigin: 'http://localhost:9528',
      apiBase: 'http://localhost:9527',
      dataDir: '.server-data',
      redisUrl: null,
    });
    const config = resolveConfig(
      {},
      {
        ...TEST_ENV,
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
      trustProxy: null,
      maxEvents: 100_000,
    });
    expect(resolveConfig({}, { ...TEST_ENV, MAX_STORED_EVENTS: '5000' }).maxEvents).toBe(5000);
    expect(resolveConfig({}, { ...TEST_ENV, MAX_CONNECTIONS_PER_ADDRESS: '0' }).limits).toEqual({
      connectionsPerAddress: 0,
    });
    expect(() => resolveConfig({}, { ...TEST_ENV, MAX_STORED_EVENTS: 'lots' })).toThrow(/MAX_STORED_EVENTS/);
    expect(resolveConfig({ port: 1234 }, { ...TEST_ENV, GAME_SERVER_PORT: '8000' }).port).toBe(1234);
    expect(() => resolveConfig({}, { ...TEST_ENV, GAME_SERVER_PORT: 'eighty' })).toThrow(/GAME_SERVER_PORT/);
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

describe('NODE_ENV: production unless explicitly development or test', () => {
  const defaults = {}; // the published client key, client secret and session secret
  const ready = { TIKTOK_CLIENT_KEY: 'k', TIKTOK_CLIENT_SECRET: 'real', SESSION_SECRET: 'x'.repeat(32) };

  it('refuses the published defaults under prod, Production, an empty value or none', () => {
    for (const nodeEnv of [
      'prod',
      'Production',
      'PRODUCTION',
      'staging',
      'Development',
      'dev',
      '',
      undefined,
    ]) {
      const env = { ...defaults, ...(nodeEnv === undefined ? {} : { NODE_ENV: nodeEnv }) };
      expect(() => resolveConfig({}, env), String(nodeEnv)).toThrow(
        /^refusing to start as production \(NODE_ENV is (not set|".*")[^)]*\): TIKTOK_CLIENT_KEY is not set; TIKTOK_CLIENT_SECRET is the simulator default; SESSION_SECRET/,
      );
      expect(() => resolveConfig({}, { ...env, ...ready }), String(nodeEnv)).not.toThrow();
    }
    expect(() => resolveConfig({}, {})).toThrow(/NODE_ENV is not set/);
    expect(() => resolveConfig({}, { NODE_ENV: 'prod' })).toThrow(/NODE_ENV is "prod"/);
  });

  it('allows them under exactly development or test', () => {
    for (const nodeEnv of ['development', 'test']) {
      expect(resolveConfig({}, { NODE_ENV: nodeEnv }).sessionSecret, nodeEnv).toBe(
        'local-dev-session-secret',
      );
    }
  });
});

describe('IDLE_TIMEOUT_MS', () => {
  it('sets the idle timeout of connections, kept-alive ones included, of at least a second', () => {
    expect(resolveConfig({}, { ...TEST_ENV, IDLE_TIMEOUT_MS: '65000' }).limits).toEqual({
      idleTimeoutMs: 65_000,
    });
    expect(() => resolveConfig({}, { ...TEST_ENV, IDLE_TIMEOUT_MS: '500' })).toThrow(/IDLE_TIMEOUT_MS/);
    expect(() => resolveConfig({}, { ...TEST_ENV, IDLE_TIMEOUT_MS: 'long' })).toThrow(/IDLE_TIMEOUT_MS/);
  });
});

describe('TRUST_PROXY', () => {
  it('takes a hop count or proxy ranges, never "everything"', () => {
    const trust = (value: string | undefined) =>
      resolveConfig({}, { ...TEST_ENV, TRUST_PROXY: value }).trustProxy;
    expect(trust(undefined)).toBeNull();
    expect(trust('')).toBeNull();
    expect(trust('0')).toBeNull();
    expect(trust('1')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8, 192.168.1.7,fd00::/8')).toEqual(['10.0.0.0/8', '192.168.1.7', 'fd00::/8']);
    expect(trust('loopback')).toEqual(['loopback']);
    for (const everything of ['true', '*', 'yes', '-1', '10.0.0.0/8,*']) {
      expect(() => trust(everything), everything).toThrow(/TRUST_PROXY must be a hop count/);
    }
  });
});

describe('gameReplay (the registered game)', () => {
  it('reproduces the score of a genuine run and exposes a claim one point too high', () => {
    const replay = gameReplay(game);
    const run = botRun(game, 12345, 1);
    expect(run.claimedScore).toBeGreaterThan(0);
    expect(replay(run)).toEqual({ ok: true, score: run.claimedScore });
    const inflated = { ...run, claimedScore: run.claimedScore + 1 };
    expect(replay(inflated)).toEqual({ ok: true, score: run.claimedScore });
    const verdict = replay({ ...run, inputs: 'none' });
    expect(verdict.ok).toBe(false);
  });

  it('refuses to serve a game whose scores the boards cannot order', () => {
    const tooHigh = { ...testGame, info: { ...testGame.info, scoreLimit: MAX_SCORE + 1 } };
    expect(() => gameReplay(tooHigh)).toThrow(
      `the game's score limit ${MAX_SCORE + 1} is above ${MAX_SCORE}`,
    );
    expect(() =>
      gameReplay({ ...testGame, info: { ...testGame.info, scoreLimit: MAX_SCORE } }),
    ).not.toThrow();
  });
});
