import { expect, test } from '@playwright/test';
import { ErrorCode } from '../../../simulator/server/errors';
import { animationFrames } from '../game/driver';
import { callIn, openMainFrame, pixelAt, type SimWindow, useSimulator } from './harness';

const simulator = useSimulator();
test.beforeEach(async ({ request }) => {
  await request.post(`${simulator.sim.urls.main}/__sim/reset`);
});

test('each domain has its APIs, and every wrong-domain call fails with a clear errMsg', async ({
  page,
  request,
}) => {
  const main = simulator.sim.urls.main;
  const { game, context } = await openMainFrame(page, main);

  const login = await callIn(game, 'login');
  expect(login.ok).toBe(true);
  expect(login.result.code).toMatch(/^code-/);
  expect(
    await callIn(game, 'setUserCloudStorage', { data: [{ key: 'highScore', value: '4321' }] }),
  ).toMatchObject({ ok: true });
  expect(
    await game.evaluate(() => (globalThis as unknown as SimWindow).tt.getSystemInfoSync().windowWidth),
  ).toBe(390);
  expect(
    await game.evaluate(() => (globalThis as unknown as SimWindow).tt.getLaunchOptionsSync().query),
  ).toEqual({});
  expect(
    await game.evaluate(() => {
      const g = globalThis as unknown as SimWindow;
      return g.GameGlobal === window && g.TTMinis.game === g.tt;
    }),
  ).toBe(true);

  // tt.request is fetch from the game origin: same-origin works, the Main Frame's API is CORS-blocked.
  const fetched = await callIn(game, 'request', { url: 'http://localhost:19528/game.json' });
  expect(fetched).toMatchObject({
    ok: true,
    result: { statusCode: 200, data: { app_id: 'sim-fixture-client-key' } },
  });
  const blocked = await callIn(game, 'request', { url: `${main}/__sim/users` });
  expect(blocked.ok).toBe(false);
  expect(blocked.result.errMsg).toMatch(/^request:fail network error/);

  const own = await callIn(context, 'getUserCloudStorage', { keyList: ['highScore'] });
  expect(own.result.data).toEqual([{ key: 'highScore', value: '4321' }]);
  await request.post(`${main}/__sim/authorization`, {
    data: { openId: 'sim-ava', scopes: ['user.info.basic', 'user.friends.mutual'] },
  });
  const friends = await callIn(context, 'getFriendCloudStorage', { keyList: ['highScore'] });
  const rows = friends.result.data as { open_id: string; display_name: string; data: { value: string }[] }[];
  expect(rows.find((row) => row.open_id === 'sim-leo')?.data).toEqual([{ key: 'highScore', value: '4200' }]);
  expect(rows.map((row) => row.open_id)).toContain('sim-ava');
  expect(rows.map((row) => row.open_id)).not.toContain('sim-grace'); // a friend who never played

  for (const api of ['getUserCloudStorage', 'getFriendCloudStorage', 'shareToUser']) {
    const { ok, result } = await callIn(game, api, { keyList: ['highScore'] });
    expect(ok).toBe(false);
    expect(result.errMsg).toBe(`${api}:fail ${api} is only available in the open data context`);
    expect(result.error).toMatchObject({ error_code: ErrorCode.wrongDomain });
  }
  for (const api of ['login', 'authorizeOpenContext', 'shareAppMessage', 'shareToStory']) {
    const { ok, result } = await callIn(context, api, {});
    expect(ok).toBe(false);
    expect(result.errMsg).toBe(`${api}:fail ${api} is only available in the game domain`);
  }
  expect(await callIn(context, 'request', { url: `${main}/` })).toMatchObject({
    ok: false,
    result: { errMsg: 'request:fail request is only available in the game domain' },
  });
  const localThrows = (frame: typeof game, names: string[]) =>
    frame.evaluate(
      (list) =>
        list.map((name) => {
          try {
            ((globalThis as unknown as SimWindow).tt[name] as () => void)();
            return `${name}: no error`;
          } catch (error) {
            return (error as Error).message;
          }
        }),
      names,
    );
  // createImage exists in both domains (engine adapters make images in the game domain).
  expect(await localThrows(game, ['onMessage', 'offMessage'])).toEqual([
    'onMessage:fail onMessage is only available in the open data context',
    'offMessage:fail offMessage is only available in the open data context',
  ]);
  expect(
    // createCanvas exists in both domains (offscreen canvases in the open data context).
    await localThrows(context, ['onShow', 'getLaunchOptionsSync', 'getStorageSync', 'getOpenDataContext']),
  ).toEqual([
    'onShow:fail onShow is only available in the game domain',
    'getLaunchOptionsSync:fail getLaunchOptionsSync is only available in the game domain',
    'getStorageSync:fail getStorageSync is only available in the game domain',
    'getOpenDataContext:fail getOpenDataContext is only available in the game domain',
  ]);
});

test('the game frame cannot read the open data context, the overlay pixels or friend data', async ({
  page,
  request,
}) => {
  const main = simulator.sim.urls.main;
  // Even with both scopes granted, the game domain must not reach friend data.
  await request.post(`${main}/__sim/authorization`, {
    data: { openId: 'sim-ava', scopes: ['user.info.basic', 'user.friends.mutual'] },
  });
  const { game, context } = await openMainFrame(page, main);
  await game.evaluate(() =>
    (globalThis as unknown as SimWindow).tt
      .getOpenDataContext()
      .postMessage({ type: 'fill', color: '#ff0000' }),
  );
  await expect
    .poll(() =>
      game.evaluate(() => document.getElementById('tt-shared-canvas-overlay')?.getAttribute('src') ?? ''),
    )
    .toMatch(/__frames/);

  const attempts = await game.evaluate(async (mainOrigin) => {
    const outcome = async (work: () => unknown) => {
      try {
        await work();
        return 'allowed';
      } catch (error) {
        return (error as Error).name;
      }
    };
    const overlay = document.getElementById('tt-shared-canvas-overlay') as HTMLImageElement;
    const handMade = new Promise((resolve) => {
      window.addEventListener('message', (event) => {
        if (event.data?.kind === 'result' && event.data.id === 999) resolve(event.data);
      });
      window.parent.postMessage(
        {
          sim: 'tt-simulator',
          kind: 'call',
          id: 999,
          api: 'getFriendCloudStorage',
          args: { keyList: ['highScore'] },
        },
        mainOrigin,
      );
    });
    return {
      contextDocument: await outcome(() => (window.parent.frames[0] as Window).document.body),
      overlayPixels: await outcome(() => {
        const canvas = document.createElement('canvas');
        const context2d = canvas.getContext('2d') as CanvasRenderingContext2D;
        context2d.drawImage(overlay, 0, 0);
        return context2d.getImageData(0, 0, 1, 1);
      }),
      overlayFetch: await outcome(() => fetch(overlay.src).then((response) => response.arrayBuffer())),
      mainApi: await outcome(() =>
        fetch(`${mainOrigin}/__sim/cloud/sim-leo`).then((response) => response.json()),
      ),
      toDataURL: await outcome(() => document.querySelector('canvas')?.toDataURL()),
      handMade: (await handMade) as { ok: boolean; result: { errMsg: string } },
    };
  }, main);
  expect(attempts.contextDocument).toBe('SecurityError');
  expect(attempts.overlayPixels).toBe('SecurityError');
  expect(attempts.overlayFetch).toBe('TypeError');
  expect(attempts.mainApi).toBe('TypeError');
  expect(attempts.toDataURL).toBe('SecurityError');
  expect(attempts.handMade.ok).toBe(false);
  expect(attempts.handMade.result.errMsg).toBe(
    'getFriendCloudStorage:fail getFriendCloudStorage is only available in the open data context',
  );
  // A message posted straight to the sibling frame is ignored by the open data context.
  await game.evaluate(() =>
    window.parent.frames[0]?.postMessage(
      { sim: 'tt-simulator', kind: 'message', data: { type: 'spoof' } },
      '*',
    ),
  );
  // Ten of the context's frames: time enough for a delivered message to have arrived.
  await animationFrames(context, 10);
  expect(
    await context.evaluate(() => (globalThis as unknown as SimWindow).received.map((m) => m.type)),
  ).toEqual(['fill']);
});

test('committed frames appear on the overlay where sharedCanvas.style puts them; idle costs no frames', async ({
  page,
  request,
}) => {
  const main = simulator.sim.urls.main;
  const { game } = await openMainFrame(page, main);
  const phone = await page.locator('#phone').boundingBox();
  if (!phone) throw new Error('no phone');
  await game.evaluate(() => {
    const shared = (globalThis as unknown as SimWindow).tt.getSharedCanvas();
    shared.width = 200;
    shared.height = 100;
    Object.assign(shared.style, { left: '10vw', top: '20vh', width: '80vw', height: '40vh' });
    (globalThis as unknown as SimWindow).tt
      .getOpenDataContext()
      .postMessage({ type: 'fill', color: '#ff0000' });
  });
  const inside = { x: phone.x + 390 * 0.5, y: phone.y + 844 * 0.4 };
  const outside = { x: phone.x + 390 * 0.05, y: phone.y + 844 * 0.1 };
  await expect.poll(() => pixelAt(page, inside.x, inside.y), { timeout: 10_000 }).toEqual([255, 0, 0]);
  expect(await pixelAt(page, outside.x, outside.y)).toEqual([30, 58, 138]);

  // A tap on the overlay reaches the game underneath.
  await page.mouse.click(inside.x, inside.y);
  await expect
    .poll(() => game.evaluate(() => (globalThis as unknown as SimWindow).fixture.touches.length))
    .toBe(1);

  await game.evaluate(() =>
    (globalThis as unknown as SimWindow).tt.getOpenDataContext().postMessage({ type: 'clear' }),
  );
  await expect.poll(() => pixelAt(page, inside.x, inside.y), { timeout: 10_000 }).toEqual([30, 58, 138]);

  const stats = async () => (await request.get(`${main}/__sim/context-stats`)).json();
  await game.evaluate(() =>
    (globalThis as unknown as SimWindow).tt.getOpenDataContext().postMessage({ type: 'animate', frames: 5 }),
  );
  await expect.poll(async () => (await stats()).animationFramesRequested).toBe(5);
  // Let the last drawing's commit land (the count holds over ten frames), then watch sixty idle frames.
  let settled = await stats();
  await expect
    .poll(async () => {
      const before = JSON.stringify(await stats());
      await animationFrames(page, 10);
      settled = await stats();
      return JSON.stringify(settled) === before;
    })
    .toBe(true);
  expect(settled.messagesDelivered).toBe(3);
  await animationFrames(page, 60);
  const later = await stats();
  expect(later.animationFramesRequested).toBe(5);
  expect(later.framesCommitted).toBe(settled.framesCommitted);
});
