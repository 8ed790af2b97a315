import { describe, expect, it } from 'vitest';
import {
  createContextPlatform,
  createGamePlatform,
  PlatformError,
} from '../../../assets/scripts/platform/index';
import { utf8Length } from '../../../assets/scripts/platform/validate';
import { makeWorld } from '../simulator/world';
import { fakeRuntime } from './fakeRuntime';

/** Key plus value at most 1,024 bytes of UTF-8 and keys at most 128 bytes (WeChat, Douyin), checked first. */

// highScore is 9 bytes; é is 2 bytes and one UTF-16 unit, so a character count would pass both.
const fits = [{ key: 'highScore', value: `${'é'.repeat(507)}a` }];
const over = [{ key: 'highScore', value: 'é'.repeat(508) }];

async function refusal(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => new Error('expected a refusal'),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

describe('cloud storage limits in the wrapper', () => {
  it('sends a key plus value of exactly 1,024 bytes', async () => {
    expect(utf8Length(fits[0]?.key ?? '') + utf8Length(fits[0]?.value ?? '')).toBe(1024);
    const fake = fakeRuntime();
    await createGamePlatform({ globals: { tt: fake.runtime } }).setUserCloudStorage(fits);
    expect(fake.calls).toHaveLength(1);
  });

  it('refuses 1,025 bytes in both domains without calling the platform', async () => {
    const fake = fakeRuntime();
    for (const platform of [
      createGamePlatform({ globals: { tt: fake.runtime } }),
      createContextPlatform({ globals: { tt: fake.runtime } }),
    ]) {
      const error = await refusal(platform.setUserCloudStorage(over));
      expect(error).toMatchObject({
        kind: 'invalid-argument',
        reason: 'key plus value longer than 1024 bytes of UTF-8 (key highScore: 1025 bytes)',
      });
    }
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses a key of 129 bytes that is only 43 characters', async () => {
    const fake = fakeRuntime();
    const error = await refusal(
      createGamePlatform({ globals: { tt: fake.runtime } }).setUserCloudStorage([
        { key: '鍵'.repeat(43), value: '1' },
      ]),
    );
    expect(error.reason).toMatch(/^key longer than 128 bytes of UTF-8/);
    expect(fake.calls).toHaveLength(0);
  });

  it('counts bytes as TextEncoder does, lone surrogates included', () => {
    for (const text of ['', 'abc', 'é', '佐藤', '🍣', 'a\ud800b', '\udc00', 'Léo 🎮 Martin']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });

  it('the simulator refuses the same write on its own and stores nothing', async () => {
    const world = makeWorld();
    try {
      const outcome = await world.call('game', 'setUserCloudStorage', { data: over });
      expect(outcome.kind).toBe('fail');
      expect(world.store.cloud('sim-ava').find((item) => item.key === 'highScore')?.value).toBe('3000');
    } finally {
      world.dispose();
    }
  });
});
