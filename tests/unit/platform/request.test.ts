import { describe, expect, it, vi } from 'vitest';
import {
  createContextPlatform,
  createGamePlatform,
  PlatformError,
  REQUEST_CODES,
  requestProblem,
} from '../../../assets/scripts/platform/index';
import { canIUse } from '../../../simulator/apiSchema';
import { DEFAULT_DEVICE, type PlatformMode } from '../../../simulator/device';
import { fakeRuntime } from './fakeRuntime';

/** `request` under both non-2xx rules, its RequestTask, and the cloud write's list name per runtime. */

const failure = (code: number, reason: string) => ({
  errMsg: `request:fail ${reason}`,
  errNo: code,
  error: { error_code: code, error_msg: reason, error_extra: {} },
});

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

describe('request() under both non-2xx rules', () => {
  it("resolves with any status the runtime delivers (Douyin's rule)", async () => {
    const { runtime } = fakeRuntime({
      request: { success: { statusCode: 404, data: { error: 'x' }, header: {} } },
    });
    const platform = createGamePlatform({ globals: { tt: runtime } });
    expect(await platform.request({ url: 'https://api.example.com/x' })).toEqual({
      statusCode: 404,
      data: { error: 'x' },
      header: {},
    });
  });

  it("rejects TikTok's 10401 as a server error, apart from no answer, a timeout and the domain list", async () => {
    const cases: [ReturnType<typeof failure>, string][] = [
      [failure(REQUEST_CODES.serverError, 'server error: HTTP 404'), 'server-error'],
      [failure(REQUEST_CODES.urlNotInDomainList, 'url not in domain list'), 'not-in-domain-list'],
      [failure(REQUEST_CODES.timeout, 'timeout'), 'timeout'],
      [failure(900502, 'network error (Failed to fetch)'), 'no-answer'],
    ];
    for (const [answer, problem] of cases) {
      const { runtime } = fakeRuntime({ request: { fail: answer } });
      const error = await rejection(
        createGamePlatform({ globals: { tt: runtime } }).request({ url: 'https://a.b/' }),
      );
      expect([error.code, requestProblem(error)]).toEqual([answer.errNo, problem]);
    }
    expect(requestProblem(new Error('anything else'))).toBe('no-answer');
  });

  it("aborts the runtime's RequestTask when the wrapper gives up, and only then", async () => {
    vi.useFakeTimers();
    try {
      const abort = vi.fn();
      const tt = { request: vi.fn(() => ({ abort })) };
      const platform = createGamePlatform({ globals: { tt }, timeouts: { request: 1_000 } });
      const pending = rejection(platform.request({ url: 'https://api.example.com/slow' }));
      await vi.advanceTimersByTimeAsync(1_999);
      expect(abort).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(2);
      const error = await pending;
      expect([error.kind, requestProblem(error)]).toEqual(['timeout', 'timeout']);
      expect(abort).toHaveBeenCalledTimes(1);

      // Answered in time: nothing is aborted.
      const answered = vi.fn();
      const quick = {
        request: (options: { success?: (result: { statusCode: number; data: unknown }) => void }) => {
          queueMicrotask(() => options.success?.({ statusCode: 200, data: {} }));
          return { abort: answered };
        },
      };
      await createGamePlatform({ globals: { tt: quick } }).request({ url: 'https://api.example.com/' });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(answered).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("setUserCloudStorage names its list as the runtime's canIUse says", () => {
  const runtimeAs = (mode: PlatformMode) => {
    const fake = fakeRuntime();
    const ask = (schema: string) => canIUse(schema, 'context', { ...DEFAULT_DEVICE, platform: mode });
    return { ...fake, runtime: { ...fake.runtime, canIUse: ask } };
  };

  it("sends the guide's `data` to TikTok and Douyin's `KVDataList` to Douyin (the simulator's table)", async () => {
    const item = [{ key: 'highScore', value: '3500' }];
    const tiktok = runtimeAs('tiktok');
    await createContextPlatform({ globals: { tt: tiktok.runtime } }).setUserCloudStorage(item);
    expect(tiktok.calls[0]?.options).toMatchObject({ data: item });
    expect(tiktok.calls[0]?.options).not.toHaveProperty('KVDataList');
    const douyin = runtimeAs('douyin');
    await createGamePlatform({ globals: { tt: douyin.runtime } }).setUserCloudStorage(item);
    expect(douyin.calls[0]?.options).toMatchObject({ KVDataList: item });
    expect(douyin.calls[0]?.options).not.toHaveProperty('data');
  });

  it('sends `data` when the runtime cannot say (no canIUse, or one that throws)', async () => {
    const plain = fakeRuntime();
    await createGamePlatform({ globals: { tt: plain.runtime } }).setUserCloudStorage([
      { key: 'k', value: 'v' },
    ]);
    expect(plain.calls[0]?.options).toHaveProperty('data');
    const throwing = fakeRuntime();
    const runtime = {
      ...throwing.runtime,
      canIUse: () => {
        throw new TypeError('no');
      },
    };
    await createGamePlatform({ globals: { tt: runtime } }).setUserCloudStorage([{ key: 'k', value: 'v' }]);
    expect(throwing.calls[0]?.options).toHaveProperty('data');
  });
});
