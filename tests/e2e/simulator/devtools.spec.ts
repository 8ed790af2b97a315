import { expect, test } from '@playwright/test';
import { callIn, gameFrame, openFreshMainFrame, type SimWindow, useSimulator } from './harness';

const simulator = useSimulator();

test('devtools: leaderboard button CTR, faults, cloud inspector, authorization reset, call log', async ({
  page,
  request,
}) => {
  const main = simulator.sim.urls.main;
  const { game } = await openFreshMainFrame(page, main);

  await game.evaluate(() => {
    const { tt } = globalThis as unknown as SimWindow;
    const report = tt.reportAnalytics as (name: string, data: object) => void;
    report('leaderboard_button_exposure', { entry_point: 'results' });
    report('leaderboard_button_exposure', { entry_point: 'results' });
    report('leaderboard_button_click', { entry_point: 'results' });
    report('leaderboard_button_exposure', { entry_point: 'main_menu' });
  });
  const results = page
    .getByRole('region', { name: 'Leaderboard button' })
    .locator('tr[data-entry-point="results"] td');
  await expect(results).toHaveText(['results', '2', '1', '50.0%']);
  const analytics = await (await request.get(`${main}/__sim/analytics`)).json();
  expect(analytics.leaderboardButton.main_menu).toEqual({ exposures: 1, clicks: 0, clickThroughRate: 0 });

  // Fault injection from the panel: exactly setUserCloudStorage fails, and nothing is stored.
  const faults = page.getByRole('region', { name: 'Faults' });
  await faults.getByLabel('Always fail APIs').fill('setUserCloudStorage');
  await faults.getByRole('button', { name: 'Apply faults' }).click();
  await expect(faults.getByRole('status')).toHaveText('✓ Faults applied');
  const failed = await callIn(game, 'setUserCloudStorage', { data: [{ key: 'highScore', value: '9999' }] });
  expect(failed.result.errMsg).toBe('setUserCloudStorage:fail injected fault (simulator devtools)');
  expect((await callIn(game, 'login')).ok).toBe(true);
  const cloud = page.getByRole('region', { name: 'Cloud storage' });
  await expect(cloud.locator('tr', { hasText: 'highScore' }).first()).toContainText('3000');

  await request.post(`${main}/__sim/faults`, { data: { failApis: [] } });
  expect(
    (await callIn(game, 'setUserCloudStorage', { data: [{ key: 'highScore', value: '9999' }] })).ok,
  ).toBe(true);
  await expect(cloud.locator('tr', { hasText: 'highScore' }).first()).toContainText('9999');

  // Authorization state and its reset.
  await request.post(`${main}/__sim/authorization`, {
    data: { openId: 'sim-ava', scopes: ['user.info.basic', 'user.friends.mutual'] },
  });
  const authorization = page.getByRole('region', { name: 'Authorization' });
  const profileGrant = authorization.locator('li[data-scope="user.info.basic"]');
  await expect(profileGrant).toContainText('Your avatar and nickname');
  await expect(profileGrant.locator('.badge')).toHaveText('granted');
  await authorization.getByRole('button', { name: 'Reset authorization' }).click();
  await expect(profileGrant.locator('.badge')).toHaveText('not granted');
  await expect(authorization.getByRole('status')).toContainText('Scopes revoked');
  expect((await (await request.get(`${main}/__sim/authorization/sim-ava`)).json()).granted).toEqual([]);

  // Lifecycle buttons reach the game's onShow.
  const showsBefore = await game.evaluate(() => (globalThis as unknown as SimWindow).fixture.shows.length);
  await page.getByRole('button', { name: 'Bring to foreground' }).click();
  await expect
    .poll(() => game.evaluate(() => (globalThis as unknown as SimWindow).fixture.shows.length))
    .toBe(showsBefore + 1);

  // The call log lists calls with their time, arguments and results.
  const log = page.getByRole('region', { name: 'API calls' });
  const failedWrite = log.locator('li.fail[data-api="setUserCloudStorage"]');
  await expect(failedWrite.locator('summary')).toContainText('✗gamesetUserCloudStorage');
  await failedWrite.locator('summary').click();
  await expect(failedWrite.locator('dl')).toContainText('injected fault');
  await expect(failedWrite.locator('dl')).toContainText('"value": "9999"');
});

test('storage sync is kept per player across reloads', async ({ page, request }) => {
  const main = simulator.sim.urls.main;
  const { game } = await openFreshMainFrame(page, main);
  await game.evaluate(() =>
    (globalThis as unknown as SimWindow).tt.setStorageSync('settings', { sound: false }),
  );
  // The game frame is replaced on a switch: poll until the new one answers.
  const readSettings = () =>
    Promise.resolve()
      .then(() =>
        gameFrame(page).evaluate(() => (globalThis as unknown as SimWindow).tt.getStorageSync('settings')),
      )
      .catch(() => 'frame not ready');
  const switchTo = (openId: string) => request.post(`${main}/__sim/user`, { data: { openId } });
  await switchTo('sim-leo');
  await expect.poll(readSettings).toBe('');
  await switchTo('sim-ava');
  await expect.poll(readSettings).toEqual({ sound: false });
});

test('control API: bad requests are refused and a page on another origin cannot drive it', async ({
  request,
}) => {
  const main = simulator.sim.urls.main;
  expect((await request.post(`${main}/__sim/faults`, { data: { failureRate: 3 } })).status()).toBe(400);
  expect((await request.post(`${main}/__sim/user`, { data: { openId: 'nobody' } })).status()).toBe(404);
  expect((await request.get(`${main}/__sim/cloud/nobody`)).status()).toBe(404);
  const spoofed = await request.post(`${main}/__sim/reset`, { headers: { origin: simulator.sim.urls.game } });
  expect(spoofed.status()).toBe(403);
  const users = await (await request.get(`${main}/__sim/users`)).json();
  expect(users.users.length).toBeGreaterThanOrEqual(8);
  expect(
    users.users.find((user: { open_id: string }) => user.open_id === 'sim-omar').friends,
  ).toBeGreaterThan(200);
  const avatar = await request.get(users.users[0].avatar_url);
  expect(avatar.headers()['access-control-allow-origin']).toBe('*');
  expect(avatar.headers()['content-type']).toBe('image/png');
  expect((await request.get(`${main}/__sim/users`)).headers()['access-control-allow-origin']).toBeUndefined();
  await request.post(`${main}/__sim/faults`, { data: { slowAvatarsMs: 400 } });
  const started = Date.now();
  await request.get(users.users[1].avatar_url);
  expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  await request.post(`${main}/__sim/reset`);
});
