import { describe, expect, it } from 'vitest';
import {
  createContextPlatform,
  createGamePlatform,
  PlatformError,
} from '../../../assets/scripts/platform/index';
import { hideMessage } from '../../../assets/scripts/social/protocol';
import { fakeRuntime } from './fakeRuntime';

async function rejection(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

describe('host selection', () => {
  it('prefers TTMinis.game over tt', async () => {
    const sdk = fakeRuntime({ login: { success: { code: 'from-sdk' } } });
    const native = fakeRuntime({ login: { success: { code: 'from-tt' } } });
    const platform = createGamePlatform({ globals: { TTMinis: { game: sdk.runtime }, tt: native.runtime } });
    expect(platform.host()).toBe('TTMinis.game');
    expect(await platform.login()).toEqual({ code: 'from-sdk' });
    expect(native.calls).toHaveLength(0);
  });

  it('falls back to tt, also under GameGlobal', async () => {
    const native = fakeRuntime({ login: { success: { code: 'from-tt' } } });
    const platform = createGamePlatform({ globals: { GameGlobal: { tt: native.runtime } } });
    expect(platform.host()).toBe('tt');
    expect(await platform.login()).toEqual({ code: 'from-tt' });
  });

  it('resolves the host at call time, not when the wrapper is created', async () => {
    const globals: { tt?: ReturnType<typeof fakeRuntime>['runtime'] } = {};
    const platform = createGamePlatform({ globals });
    expect(platform.host()).toBeNull();
    globals.tt = fakeRuntime({ login: { success: { code: 'late' } } }).runtime;
    expect(await platform.login()).toEqual({ code: 'late' });
  });

  it('fails clearly off-platform instead of crashing', async () => {
    const platform = createGamePlatform({ globals: {} });
    const error = await rejection(platform.setUserCloudStorage([{ key: 'highScore', value: '1' }]));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toContain('not running on TikTok');
    expect(() => platform.openDataContext()).toThrow(/not running on TikTok/);
    expect(() => createContextPlatform({ globals: {} }).getSharedCanvas()).toThrow(/not running on TikTok/);
  });

  it('names the API a runtime lacks', async () => {
    const platform = createGamePlatform({ globals: { tt: {} } });
    const error = await rejection(platform.shareToStory());
    expect(error.kind).toBe('unavailable');
    expect(error.message).toContain('tt.shareToStory does not exist');
  });
});

describe('callbacks become promises', () => {
  it('resolves with the success result', async () => {
    const fake = fakeRuntime({ authorizeOpenContext: { success: { code: 'auth-1' } } });
    const platform = createGamePlatform({ globals: { tt: fake.runtime } });
    expect(await platform.authorizeOpenContext({ statusOnly: true })).toEqual({ code: 'auth-1' });
    expect(fake.calls[0]?.options.get_status_only).toBe(true);
  });

  it('reads the native fail shape {errMsg, errNo}', async () => {
    const fake = fakeRuntime({
      authorizeOpenContext: { fail: { errMsg: 'authorizeOpenContext:fail auth deny', errNo: 10200 } },
    });
    const error = await rejection(
      createGamePlatform({ globals: { tt: fake.runtime } }).authorizeOpenContext(),
    );
    expect(error).toMatchObject({
      api: 'authorizeOpenContext',
      kind: 'failed',
      reason: 'auth deny',
      code: 10200,
    });
    expect(error.message).toBe('authorizeOpenContext failed: auth deny (code 10200)');
  });

  it('reads the SDK fail shape {error: {error_code, error_msg}}', async () => {
    const fake = fakeRuntime({
      setUserCloudStorage: {
        fail: { error: { error_code: 21103, error_msg: 'Request timeout', error_extra: {} } },
      },
    });
    const error = await rejection(
      createGamePlatform({ globals: { tt: fake.runtime } }).setUserCloudStorage([{ key: 'a', value: 'b' }]),
    );
    expect(error).toMatchObject({ kind: 'failed', reason: 'Request timeout', code: 21103 });
  });

  it('still gives a reason when the fail result is empty', async () => {
    const fake = fakeRuntime({ shareToStory: { fail: undefined } });
    const error = await rejection(createGamePlatform({ globals: { tt: fake.runtime } }).shareToStory());
    expect(error.reason).toBe('the platform reported a failure without a reason');
    expect(error.code).toBeNull();
  });

  it('times out when the platform never answers', async () => {
    const fake = fakeRuntime({ login: 'never' });
    const platform = createGamePlatform({ globals: { tt: fake.runtime }, timeouts: { data: 20 } });
    const error = await rejection(platform.login());
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('within 20 ms');
  });

  it('turns a throwing runtime into a rejection', async () => {
    const fake = fakeRuntime({ login: { throws: 'boom' } });
    const error = await rejection(createGamePlatform({ globals: { tt: fake.runtime } }).login());
    expect(error.reason).toContain('boom');
  });

  it('refuses a success without a code', async () => {
    const fake = fakeRuntime({ login: { success: {} } });
    const error = await rejection(createGamePlatform({ globals: { tt: fake.runtime } }).login());
    expect(error.reason).toContain('without a code');
  });
});

describe('arguments are checked before the platform is called', () => {
  const game = () => {
    const fake = fakeRuntime();
    return { fake, platform: createGamePlatform({ globals: { tt: fake.runtime } }) };
  };
  const context = () => {
    const fake = fakeRuntime();
    return { fake, platform: createContextPlatform({ globals: { tt: fake.runtime } }) };
  };

  it.each([
    ['a key over 128 characters', [{ key: 'k'.repeat(129), value: '1' }], /key longer than 128/],
    [
      'a value over 2048 characters',
      [{ key: 'highScore', value: '9'.repeat(2049) }],
      /value longer than 2048 characters \(key highScore\)/,
    ],
    ['a number value', [{ key: 'highScore', value: 120 }], /value must be a string \(key highScore\)/],
    ['an empty key', [{ key: '', value: '1' }], /non-empty string/],
    ['an empty list', [], /non-empty array/],
    ['a null entry', [null], /\{key, value\}/],
  ])('setUserCloudStorage refuses %s', async (_name, data, message) => {
    const { fake, platform } = game();
    const error = await rejection(platform.setUserCloudStorage(data as never));
    expect(error.kind).toBe('invalid-argument');
    expect(error.reason).toMatch(message);
    expect(fake.calls).toHaveLength(0);
  });

  it('accepts values at exactly the limits: a 128-character key and 1,024 bytes with its value', async () => {
    const { fake, platform } = game();
    await platform.setUserCloudStorage([{ key: 'k'.repeat(128), value: 'v'.repeat(896) }]);
    expect(fake.calls).toHaveLength(1);
  });

  it.each([0, 3, '3', 1.5])('shareAppMessage refuses templateType %s', async (templateType) => {
    const { fake, platform } = game();
    const error = await rejection(
      platform.shareAppMessage({ imageUrl: 'x.png', templateType: templateType as never }),
    );
    expect(error.reason).toBe(
      `templateType must be 1 or 2 (or '1' or '2'), got ${JSON.stringify(templateType)}`,
    );
    expect(fake.calls).toHaveLength(0);
  });

  it("shareAppMessage takes templateType as the SDK page's string or the guide's number, and no image or title", async () => {
    const { fake, platform } = game();
    await platform.shareAppMessage({ templateType: '2', query: 'a=1' });
    await platform.shareAppMessage({ imageUrl: 'x.png', templateType: 1 });
    expect(fake.calls.map((call) => [call.options.templateType, call.options.imageUrl ?? null])).toEqual([
      ['2', null],
      [1, 'x.png'],
    ]);
  });

  it('shareAppMessage refuses an empty image, shareToUser a missing one', async () => {
    const { fake, platform } = game();
    expect((await rejection(platform.shareAppMessage({ imageUrl: '' }))).reason).toBe(
      'imageUrl must be a non-empty string when given',
    );
    const { fake: contextFake, platform: contextPlatform } = context();
    expect(
      (await rejection(contextPlatform.shareToUser({ openId: 'u9', imageUrl: undefined as never }))).reason,
    ).toBe('imageUrl is required');
    expect(fake.calls).toHaveLength(0);
    expect(contextFake.calls).toHaveLength(0);
  });

  it('openSetting resolves with the boolean states the settings page answers', async () => {
    const fake = fakeRuntime({
      openSetting: {
        success: { authSetting: { 'user.friends.mutual': true, 'user.info.basic': false, odd: 'yes' } },
      },
    });
    const platform = createGamePlatform({ globals: { tt: fake.runtime } });
    expect(await platform.openSetting()).toEqual({ 'user.friends.mutual': true, 'user.info.basic': false });
    expect(fake.calls.map((call) => call.api)).toEqual(['openSetting']);
  });

  it("canIUse asks the runtime's own canIUse, else whether the method exists, and is false off the platform", () => {
    const asked: string[] = [];
    const withCanIUse = createGamePlatform({
      globals: {
        tt: {
          canIUse: (schema: string) => {
            asked.push(schema);
            return schema === 'shareAppMessage';
          },
        },
      },
    });
    expect(withCanIUse.canIUse('shareAppMessage')).toBe(true);
    expect(withCanIUse.canIUse('shareToUser')).toBe(false);
    expect(asked).toEqual(['shareAppMessage', 'shareToUser']);

    const { platform } = game(); // the fake has the service methods, and no canIUse
    expect(platform.canIUse('shareAppMessage')).toBe(true);
    expect(platform.canIUse('getUpdateManager')).toBe(false);
    expect(createGamePlatform({ globals: {} }).canIUse('shareAppMessage')).toBe(false);
    expect(() => platform.canIUse('')).toThrow(
      'canIUse failed: api must be a non-empty string such as "shareAppMessage"',
    );
  });

  it("networkType reads getNetworkType's answer, and is null where the runtime cannot tell", async () => {
    const answering = (answer: { success: unknown } | { fail: unknown }) =>
      createGamePlatform({
        globals: {
          tt: {
            getNetworkType: (options: { success?(r: unknown): void; fail?(r: unknown): void }) =>
              queueMicrotask(() =>
                'success' in answer ? options.success?.(answer.success) : options.fail?.(answer.fail),
              ),
          },
        },
      });
    expect(await answering({ success: { networkType: 'none', weakNet: false } }).networkType()).toBe('none');
    expect(await answering({ success: { networkType: '4g' } }).networkType()).toBe('4g');
    expect(await answering({ success: { networkType: 3 } }).networkType()).toBeNull();
    expect(await answering({ fail: { errMsg: 'getNetworkType:fail', errNo: 1 } }).networkType()).toBeNull();
    expect(await createGamePlatform({ globals: { tt: {} } }).networkType()).toBeNull();
  });

  it('removeUserCloudStorage refuses a non-string key', async () => {
    const { fake, platform } = game();
    const error = await rejection(platform.removeUserCloudStorage([42 as never]));
    expect(error.kind).toBe('invalid-argument');
    expect(fake.calls).toHaveLength(0);
  });
});

describe('open data context', () => {
  it('shape-checks friend rows and keeps values as strings for the caller to parse', async () => {
    const fake = fakeRuntime({
      getFriendCloudStorage: {
        success: {
          data: [
            {
              open_id: 'u1',
              display_name: 'Maya',
              avatar_url: 'a.png',
              data: [{ key: 'highScore', value: '120' }],
            },
            { open_id: 'u2', data: [{ key: 'highScore', value: 7 }, 'junk'] },
            { display_name: 'no id' },
            null,
          ],
        },
      },
    });
    const context = createContextPlatform({ globals: { tt: fake.runtime } });
    const { friends, dropped } = await context.getFriendCloudStorage(['highScore']);
    expect(dropped).toBe(2);
    expect(friends).toEqual([
      { openId: 'u1', displayName: 'Maya', avatarUrl: 'a.png', data: [{ key: 'highScore', value: '120' }] },
      { openId: 'u2', displayName: '', avatarUrl: '', data: [] },
    ]);
  });

  it('fails when the answer has no data array', async () => {
    const fake = fakeRuntime({ getFriendCloudStorage: { success: { status_code: 0 } } });
    const error = await rejection(
      createContextPlatform({ globals: { tt: fake.runtime } }).getFriendCloudStorage(['highScore']),
    );
    expect(error.reason).toContain('no data array');
  });

  it('shareToUser sends openid as the platform names it and checks the template', async () => {
    const fake = fakeRuntime();
    const context = createContextPlatform({ globals: { tt: fake.runtime } });
    await context.shareToUser({ openId: 'u9', imageUrl: 'card.png', title: 'Beat 120', templateType: 2 });
    expect(fake.calls[0]?.options).toMatchObject({
      openid: 'u9',
      imageUrl: 'card.png',
      title: 'Beat 120',
      templateType: 2,
    });
    const error = await rejection(context.shareToUser({ openId: '', imageUrl: 'card.png' }));
    expect(error.reason).toContain('openid');
    expect(fake.calls).toHaveLength(1);
  });
});

it('posts typed messages to the open data context', () => {
  const fake = fakeRuntime();
  createGamePlatform({ globals: { tt: fake.runtime } })
    .openDataContext()
    .postMessage(hideMessage());
  expect(fake.posted).toEqual([{ v: 1, type: 'hide' }]);
});
