import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../server/config';
import { TEST_ENV } from './harness';

const PRODUCTION = {
  NODE_ENV: 'production',
  TIKTOK_CLIENT_KEY: 'key',
  TIKTOK_CLIENT_SECRET: 'secret',
  SESSION_SECRET: 's'.repeat(40),
};

describe('chosen run seeds (development only)', () => {
  it('are off unless UNSAFE_DEV_SEEDS=1 or the option (tools/dev.ts) turns them on', () => {
    expect(resolveConfig({}, TEST_ENV).devSeeds).toBe(false);
    expect(resolveConfig({}, { ...TEST_ENV, UNSAFE_DEV_SEEDS: '' }).devSeeds).toBe(false);
    expect(resolveConfig({}, { ...TEST_ENV, UNSAFE_DEV_SEEDS: '0' }).devSeeds).toBe(false);
    expect(resolveConfig({}, { ...TEST_ENV, UNSAFE_DEV_SEEDS: '1' }).devSeeds).toBe(true);
    expect(resolveConfig({ devSeeds: true }, TEST_ENV).devSeeds).toBe(true);
    expect(resolveConfig({ devSeeds: false }, { ...TEST_ENV, UNSAFE_DEV_SEEDS: '1' }).devSeeds).toBe(false);
  });

  it('refuses a value that is not 1 or 0', () => {
    expect(() => resolveConfig({}, { ...TEST_ENV, UNSAFE_DEV_SEEDS: 'yes' })).toThrow(
      'UNSAFE_DEV_SEEDS must be 1 or 0, not "yes"',
    );
  });

  it('refuse to start in production', () => {
    expect(resolveConfig({}, PRODUCTION).devSeeds).toBe(false);
    expect(() => resolveConfig({}, { ...PRODUCTION, UNSAFE_DEV_SEEDS: '1' })).toThrow(
      /refusing to start as production .*: UNSAFE_DEV_SEEDS lets players choose their run seeds$/,
    );
  });
});
