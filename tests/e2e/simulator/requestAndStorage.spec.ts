import { expect, type Frame, test } from '@playwright/test';
import { ErrorCode, TIKTOK_SERVER_ERROR } from '../../../simulator/server/errors';
import { callIn, openFreshMainFrame, useSimulator } from './harness';

/**
 * `request` answered outside 2xx: a failure with TikTok's 10401 ("Server error: HTTP non-2xx status code",
 * error code reference) in TikTok mode, a success with `statusCode` in Douyin mode. It returns a RequestTask
 * with `abort()`. Storage has the async forms the SDK overview lists.
 */

const simulator = useSimulator();
const API = 'https://api.test.example';

type Answer = { ok: boolean; result: Record<string, unknown> };

test.beforeEach(async ({ page }) => {
  await page.route(`${API}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/hang') return; // never answered: only an abort ends it
    return route.fulfill({
      status: path === '/missing' ? 404 : 200,
      headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json' },
      body: JSON.stringify(path === '/missing' ? { error: 'no_such_thing' } : { pong: true }),
    });
  });
});

test('a 404 fails with 10401 on TikTok and reaches success with its status on Douyin', async ({
  page,
  request,
}) => {
  const main = simulator.sim.urls.main;
  const { game } = await openFreshMainFrame(page, main);
  expect(await callIn(game, 'request', { url: `${API}/ping` })).toMatchObject({
    ok: true,
    result: { errMsg: 'request:ok', statusCode: 200, data: { pong: true } },
  });
  expect(await callIn(game, 'request', { url: `${API}/missing` })).toEqual({
    ok: false,
    result: {
      errMsg: 'request:fail server error: HTTP 404',
      errNo: TIKTOK_SERVER_ERROR,
      error: { error_code: 10401, error_msg: 'server error: HTTP 404', error_extra: {} },
    },
  });

  await request.post(`${main}/__sim/platform`, { data: { mode: 'douyin' } });
  await expect(page.getByRole('region', { name: 'Phone' }).getByLabel('Platform')).toHaveValue('douyin');
  expect(await callIn(game, 'request', { url: `${API}/missing` })).toMatchObject({
    ok: true,
    result: { errMsg: 'request:ok', statusCode: 404, data: { error: 'no_such_thing' } },
  });
});

function requestThenAbort(game: Frame, url: string): Promise<Answer> {
  return game.evaluate(
    (target) =>
      new Promise<Answer>((resolve) => {
        const tt = (globalThis as unknown as { tt: { request(o: unknown): { abort(): void } } }).tt;
        const task = tt.request({
          url: target,
          success: (result: Record<string, unknown>) => resolve({ ok: true, result }),
          fail: (result: Record<string, unknown>) => resolve({ ok: false, result }),
        });
        setTimeout(() => task.abort(), 100);
      }),
    url,
  );
}

test('request returns a task whose abort() fails the call with "abort"', async ({ page }) => {
  const { game } = await openFreshMainFrame(page, simulator.sim.urls.main);
  expect(await requestThenAbort(game, `${API}/hang`)).toEqual({
    ok: false,
    result: {
      errMsg: 'request:fail abort',
      errNo: ErrorCode.requestAborted,
      error: { error_code: ErrorCode.requestAborted, error_msg: 'abort', error_extra: {} },
    },
  });
  // After an answer, abort() changes nothing.
  expect(await requestThenAbort(game, `${API}/ping`)).toMatchObject({
    ok: true,
    result: { statusCode: 200 },
  });
});

test('getStorage, setStorage, removeStorage and clearStorage answer through callbacks, on the same store', async ({
  page,
}) => {
  const { game } = await openFreshMainFrame(page, simulator.sim.urls.main);
  expect(await callIn(game, 'setStorage', { key: 'best', data: { score: 3000 } })).toEqual({
    ok: true,
    result: { errMsg: 'setStorage:ok' },
  });
  expect(await callIn(game, 'getStorage', { key: 'best' })).toEqual({
    ok: true,
    result: { errMsg: 'getStorage:ok', data: { score: 3000 } },
  });
  expect(
    await game.evaluate(() =>
      (globalThis as unknown as { tt: { getStorageSync(k: string): unknown } }).tt.getStorageSync('best'),
    ),
  ).toEqual({ score: 3000 });
  expect(await callIn(game, 'removeStorage', { key: 'best' })).toMatchObject({ ok: true });
  expect(await callIn(game, 'getStorage', { key: 'best' })).toMatchObject({
    ok: false,
    result: { errMsg: 'getStorage:fail data not found', errNo: ErrorCode.storageNotFound },
  });
  await callIn(game, 'setStorage', { key: 'a', data: 1 });
  expect(await callIn(game, 'clearStorage')).toMatchObject({
    ok: true,
    result: { errMsg: 'clearStorage:ok' },
  });
  expect((await callIn(game, 'getStorage', { key: 'a' })).ok).toBe(false);
  expect(await callIn(game, 'setStorage', { key: '', data: 1 })).toMatchObject({
    ok: false,
    result: {
      errNo: ErrorCode.invalidArgument,
      errMsg: 'setStorage:fail storage key must be a non-empty string',
    },
  });
});
