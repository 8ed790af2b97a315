import { expect, test } from '@playwright/test';
import { DOUYIN_SHARE_WITHOUT_TAP, ErrorCode } from '../../../simulator/server/errors';
import { callIn, canIUseIn, contextFrame, openFreshMainFrame, shareFromTap, useSimulator } from './harness';

/**
 * Douyin mode keeps Douyin's documented behaviour where it differs from TikTok's: a share only from inside
 * `tt.onTouchEnd`, synchronously (Douyin's forum); `setUserCloudStorage({KVDataList})`;
 * `getCloudStorageByRelation({type})`; `UserGameData` rows and `KVDataList` answers.
 */

const simulator = useSimulator();
test.use({ viewport: { width: 1280, height: 900 } });

test('a share from a later task counts on TikTok (within a second of the tap), not on Douyin', async ({
  page,
}) => {
  const main = simulator.sim.urls.main;
  const { game } = await openFreshMainFrame(page, main);
  const picker = page.getByRole('dialog', { name: 'Send to' });
  const tiktok = await shareFromTap(page, game, { query: 'invite=ava' }, { late: true });
  await picker.getByRole('button', { name: 'Cancel' }).click();
  expect((await tiktok()).result.errMsg).toBe('shareAppMessage:fail cancel');

  const phone = page.getByRole('region', { name: 'Phone' });
  await phone.getByLabel('Platform').selectOption('douyin');
  await phone.getByRole('button', { name: 'Apply' }).first().click();
  await expect(phone.getByRole('status')).toHaveText('✓ The phone now behaves as Douyin');
  const late = await shareFromTap(page, game, { query: 'invite=ava' }, { late: true });
  expect(await late()).toMatchObject({
    ok: false,
    result: {
      errNo: DOUYIN_SHARE_WITHOUT_TAP,
      errMsg: 'shareAppMessage:fail can not be shared without clicking by user',
    },
  });
  await expect(picker).toHaveCount(0);
  const inside = await shareFromTap(page, game, { query: 'invite=ava' });
  await picker.getByRole('button', { name: 'Zoë 🌸' }).click();
  await picker.getByRole('button', { name: 'Send' }).click();
  expect(await inside()).toEqual({ ok: true, result: { errMsg: 'shareAppMessage:ok' } });
});

test("Douyin's cloud calls: KVDataList writes and answers, getCloudStorageByRelation by type", async ({
  page,
  request,
}) => {
  const main = simulator.sim.urls.main;
  const { game, context } = await openFreshMainFrame(page, main);
  await request.post(`${main}/__sim/authorization`, {
    data: { openId: 'sim-ava', scopes: ['user.info.basic', 'user.friends.mutual'] },
  });
  // On TikTok: `data`, and no getCloudStorageByRelation at all.
  expect(
    await context.evaluate(
      () => typeof (globalThis as { tt?: Record<string, unknown> }).tt?.getCloudStorageByRelation,
    ),
  ).toBe('undefined');
  expect(
    (await callIn(game, 'setUserCloudStorage', { KVDataList: [{ key: 'k', value: '1' }] })).result.errMsg,
  ).toBe(
    "setUserCloudStorage:fail data must be an array of {key, value}, got undefined (KVDataList is Douyin's name for it; this runtime reads data)",
  );

  await request.post(`${main}/__sim/platform`, { data: { mode: 'douyin' } });
  await expect
    .poll(() => canIUseIn(contextFrame(page), ['getCloudStorageByRelation.object.type.friend']))
    .toEqual([true]);
  expect(
    await callIn(game, 'setUserCloudStorage', { KVDataList: [{ key: 'highScore', value: '3500' }] }),
  ).toEqual({
    ok: true,
    result: { errMsg: 'setUserCloudStorage:ok' },
  });
  expect(
    (await callIn(game, 'setUserCloudStorage', { data: [{ key: 'k', value: '1' }] })).result.errMsg,
  ).toBe(
    "setUserCloudStorage:fail KVDataList must be an array of {key, value}, got undefined (data is TikTok's name for it; this runtime reads KVDataList)",
  );
  expect(await callIn(context, 'getUserCloudStorage', { keyList: ['highScore'] })).toEqual({
    ok: true,
    result: { errMsg: 'getUserCloudStorage:ok', KVDataList: [{ key: 'highScore', value: '3500' }] },
  });

  const friends = await callIn(context, 'getCloudStorageByRelation', {
    type: 'friend',
    keyList: ['highScore'],
  });
  expect(friends.ok).toBe(true);
  const rows = friends.result.data as Record<string, unknown>[];
  expect(rows[0]).toEqual({
    openid: 'sim-ava',
    nickname: 'Ava Chen',
    avatarUrl: `${main}/avatars/sim-ava.png`,
    KVDataList: [{ key: 'highScore', value: '3500' }],
  });
  expect(rows.map((row) => row.openid)).toContain('sim-leo');
  expect(
    await callIn(context, 'getCloudStorageByRelation', { type: 'group', keyList: ['highScore'] }),
  ).toMatchObject({
    ok: false,
    result: { errNo: ErrorCode.invalidArgument },
  });
  expect(
    (await callIn(context, 'getCloudStorageByRelation', { type: 'enemies', keyList: [] })).result.errMsg,
  ).toBe('getCloudStorageByRelation:fail type must be one of friend, recommend, group, got enemies');

  // Back to TikTok: the call is gone again, without a restart.
  await request.post(`${main}/__sim/platform`, { data: { mode: 'tiktok' } });
  await expect
    .poll(() =>
      context.evaluate(
        () => typeof (globalThis as { tt?: Record<string, unknown> }).tt?.getCloudStorageByRelation,
      ),
    )
    .toBe('undefined');
});
