import { expect, test } from '@playwright/test';
import { ErrorCode } from '../../../simulator/server/errors';
import {
  callIn,
  expectEventually,
  gamePixel,
  openFreshMainFrame,
  type SimWindow,
  useSimulator,
} from './harness';

/**
 * "Network down": nothing leaves the phone (platform services, `request`, remote images), while what the
 * phone draws itself still shows. "Game server down" needs a game server beside the simulator (npm start's;
 * gameServerSwitch.spec.ts); here, on its own, the switch says there is none. A browser that is itself
 * offline cannot deliver the context's frames through the simulator's server: the phone says so.
 */

const simulator = useSimulator();
test.use({ viewport: { width: 1280, height: 900 } });

const API = 'https://api.test.example';

test('network down: platform calls, request and avatars fail; the phone still draws; back up, all works', async ({
  page,
}) => {
  const main = simulator.sim.urls.main;
  await page.route(`${API}/**`, (route) =>
    route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*' }, body: '{}' }),
  );
  const { game, context } = await openFreshMainFrame(page, main);
  await game.evaluate(() => {
    const g = globalThis as unknown as SimWindow & { statuses: unknown[] };
    g.statuses = [];
    (g.tt.onNetworkStatusChange as (listener: (status: unknown) => void) => void)((status) =>
      g.statuses.push(status),
    );
  });
  const phone = page.getByRole('region', { name: 'Phone' });
  await phone.getByLabel('Network down (nothing leaves the phone)').check();
  await expect(phone.getByRole('status')).toHaveText('✓ Offline');

  const offline = 'network error: the phone is offline (devtools: Network down)';
  expect(await callIn(game, 'login')).toMatchObject({
    ok: false,
    result: { errNo: ErrorCode.networkError, errMsg: `login:fail ${offline}` },
  });
  expect((await callIn(context, 'getFriendCloudStorage', { keyList: ['highScore'] })).result.errMsg).toBe(
    `getFriendCloudStorage:fail ${offline}`,
  );
  expect(await callIn(game, 'request', { url: `${API}/ping` })).toMatchObject({
    ok: false,
    result: { errNo: ErrorCode.networkError, errMsg: `request:fail ${offline}` },
  });
  const avatar = () =>
    context.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const image = (
            globalThis as unknown as { tt: { createImage(): HTMLImageElement } }
          ).tt.createImage();
          image.onload = () => resolve('loaded');
          image.onerror = () => resolve('failed');
          image.src = `${url}?${Math.random()}`;
        }),
      `${main}/avatars/sim-leo.png`,
    );
  expect(await avatar()).toBe('failed');
  expect(await game.evaluate(() => (globalThis as unknown as { statuses: unknown[] }).statuses)).toEqual([
    { isConnected: false, networkType: 'none' },
  ]);
  // The devtools' own view (same origin) still shows avatars.
  await expect(page.locator('.who img')).toHaveJSProperty('complete', true);

  // What the phone draws itself still reaches the screen: the context's frames never leave the device.
  await game.evaluate(() => {
    const tt = (globalThis as unknown as SimWindow).tt;
    tt.getOpenDataContext().postMessage({ type: 'fill', color: '#ff0000' });
  });
  await expectEventually(async () => {
    const [r, g, b] = await gamePixel(page, 0.5, 0.5);
    return r > 200 && g < 40 && b < 40;
  });

  await phone.getByLabel('Network down (nothing leaves the phone)').uncheck();
  await expect(phone.getByRole('status')).toHaveText('✓ Online');
  expect((await callIn(game, 'login')).ok).toBe(true);
  expect((await callIn(game, 'request', { url: `${API}/ping` })).ok).toBe(true);
  expect(await avatar()).toBe('loaded');
  expect(await game.evaluate(() => (globalThis as unknown as { statuses: unknown[] }).statuses)).toEqual([
    { isConnected: false, networkType: 'none' },
    { isConnected: true, networkType: 'wifi' },
  ]);
});

test('POST /__sim/network and a reset; without a game server its switch says why', async ({
  page,
  request,
}) => {
  const main = simulator.sim.urls.main;
  await openFreshMainFrame(page, main);
  const down = await request.post(`${main}/__sim/network`, { data: { down: true } });
  expect((await down.json()).device.networkDown).toBe(true);
  await expect(page.getByLabel('Network down (nothing leaves the phone)')).toBeChecked();
  expect((await request.post(`${main}/__sim/network`, { data: { down: 'yes' } })).status()).toBe(400);
  await request.post(`${main}/__sim/reset`);
  expect((await (await request.get(`${main}/__sim/device`)).json()).device.networkDown).toBe(false);

  const server = await request.post(`${main}/__sim/game-server`, { data: { down: true } });
  expect(server.status()).toBe(409);
  expect((await server.json()).error).toBe('no game server runs beside this simulator (npm start runs one)');
  const phone = page.getByRole('region', { name: 'Phone' });
  await expect(phone.getByLabel('Game server down (connections refused)')).toBeDisabled();
  await expect(phone).toContainText('No game server runs beside this simulator (npm start runs one).');
});

test('a browser that is itself offline cannot show the context frame: the phone says why, then shows it', async ({
  page,
}) => {
  const { game } = await openFreshMainFrame(page, simulator.sim.urls.main);
  const notice = page.locator('#phone .delivery-notice');
  await expect(notice).toBeHidden();
  await page.context().setOffline(true);
  await game.evaluate(() => {
    (globalThis as unknown as SimWindow).tt
      .getOpenDataContext()
      .postMessage({ type: 'fill', color: '#00ff00' });
  });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('its own server did not answer');
  await expect(notice).toContainText('A phone shows the frame without any network');
  await page.context().setOffline(false);
  await expect(notice).toBeHidden({ timeout: 5_000 });
  await expectEventually(async () => {
    const [r, g, b] = await gamePixel(page, 0.5, 0.5);
    return g > 200 && r < 40 && b < 40;
  });
});
