import { expect, test } from '@playwright/test';
import { callIn, contextFrame, openFreshMainFrame, useSimulator } from './harness';

/** The devtools' device-fidelity switches: the platform mode (friend rows among it) and avatars without CORS. */

const simulator = useSimulator();
test.use({ viewport: { width: 1280, height: 900 } });

const BOTH_SCOPES = ['user.info.basic', 'user.friends.mutual'];

test('the Douyin platform mode serves Douyin rows until a reset', async ({ page, request }) => {
  const main = simulator.sim.urls.main;
  await openFreshMainFrame(page, main);
  await request.post(`${main}/__sim/authorization`, { data: { openId: 'sim-ava', scopes: BOTH_SCOPES } });
  const panel = page.getByRole('region', { name: 'Phone' });
  await panel.getByLabel('Platform').selectOption('douyin');
  await panel.getByRole('button', { name: 'Apply' }).first().click();
  await expect(panel.getByRole('status')).toHaveText('✓ The phone now behaves as Douyin');
  expect((await (await request.get(`${main}/__sim/device`)).json()).device.platform).toBe('douyin');
  // The older name of the switch answers in its own terms.
  expect(await (await request.get(`${main}/__sim/data-shape`)).json()).toEqual({ friendData: 'douyin' });

  const answer = await callIn(contextFrame(page), 'getFriendCloudStorage', { keyList: ['highScore'] });
  expect(answer.ok).toBe(true);
  const rows = answer.result.data as Record<string, unknown>[];
  expect(rows[0]).toEqual({
    openid: 'sim-ava',
    nickname: 'Ava Chen',
    avatarUrl: `${main}/avatars/sim-ava.png`,
    KVDataList: [{ key: 'highScore', value: '3000' }],
  });

  const refused = await request.post(`${main}/__sim/data-shape`, { data: { friendData: 'wechat' } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error).toBe('friendData must be one of guide, douyin');

  const refusedMode = await request.post(`${main}/__sim/platform`, { data: { mode: 'wechat' } });
  expect(refusedMode.status()).toBe(400);
  expect((await refusedMode.json()).error).toBe('mode must be one of tiktok, douyin');

  await request.post(`${main}/__sim/reset`);
  expect(await (await request.get(`${main}/__sim/data-shape`)).json()).toEqual({ friendData: 'guide' });
  await expect(panel.getByLabel('Platform')).toHaveValue('tiktok');
});

test('"Avatars without CORS headers" drops the header, and an anonymous image then fails to load', async ({
  page,
  request,
}) => {
  const main = simulator.sim.urls.main;
  await openFreshMainFrame(page, main);
  const faults = page.getByRole('region', { name: 'Faults' });
  await faults.getByLabel('Avatars without CORS headers').check();
  await faults.getByRole('button', { name: 'Apply faults' }).click();
  await expect(faults.getByRole('status')).toHaveText('✓ Faults applied');
  const avatar = await request.get(`${main}/avatars/sim-ava.png`);
  expect(avatar.status()).toBe(200);
  expect(avatar.headers()['access-control-allow-origin']).toBeUndefined();

  const loads = () =>
    contextFrame(page).evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const runtime = (globalThis as unknown as { tt: { createImage(): HTMLImageElement } }).tt;
          const image = runtime.createImage();
          image.onload = () => resolve('loaded');
          image.onerror = () => resolve('failed');
          image.src = `${url}?${Math.random()}`;
        }),
      `${main}/avatars/sim-leo.png`,
    );
  expect(await loads()).toBe('failed');
  await faults.getByRole('button', { name: 'Clear' }).click();
  await expect(faults.getByLabel('Avatars without CORS headers')).not.toBeChecked();
  expect(await loads()).toBe('loaded');
});
