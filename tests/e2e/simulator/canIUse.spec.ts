import { expect, test } from '@playwright/test';
import { ErrorCode } from '../../../simulator/server/errors';
import {
  callIn,
  canIUseIn,
  contextFrame,
  openFreshMainFrame,
  type SimWindow,
  shareFromTap,
  useSimulator,
} from './harness';

/**
 * canIUse with TikTok's whole schema, `${API}.${method}.${param}.${option}` (basic utility page), and the
 * TikTok version the devtools set: direct message sharing needs 40.3.0 (Direct Message Sharing page).
 */

const simulator = useSimulator();
test.use({ viewport: { width: 1280, height: 900 } });

test('canIUse judges every part of the schema, per domain', async ({ page }) => {
  const { game, context } = await openFreshMainFrame(page, simulator.sim.urls.main);
  const schemas = [
    'shareAppMessage',
    'shareToUser',
    'getFriendCloudStorage',
    'request',
    'canIUse',
    'createVideo',
    'noSuchApi',
    'openSetting',
    'authorize',
    'getSetting',
    'env.USER_DATA_PATH',
    'env.NOTHING',
    'shareAppMessage.object.path',
    'shareAppMessage.object.templateType.2',
    'shareAppMessage.object.templateType.3',
    'shareAppMessage.object.nope',
    'shareAppMessage.success',
    'request.object.method.POST',
    'request.object.method.FETCH',
    'request.success.statusCode',
    'request.return.abort',
    'getSystemInfoSync.return.windowWidth',
    'login.success.code',
    'login.success.token',
    'getStorage.object.key',
    'getCloudStorageByRelation',
  ];
  const inGame = await canIUseIn(game, schemas);
  const inContext = await canIUseIn(context, schemas);
  expect(
    Object.fromEntries(schemas.map((schema, index) => [schema, [inGame[index], inContext[index]]])),
  ).toEqual({
    shareAppMessage: [true, false],
    shareToUser: [false, true],
    getFriendCloudStorage: [false, true],
    request: [true, false],
    canIUse: [true, true],
    createVideo: [false, false],
    noSuchApi: [false, false],
    openSetting: [true, false],
    authorize: [true, false],
    getSetting: [true, false],
    'env.USER_DATA_PATH': [true, false],
    'env.NOTHING': [false, false],
    'shareAppMessage.object.path': [true, false],
    'shareAppMessage.object.templateType.2': [true, false],
    'shareAppMessage.object.templateType.3': [false, false],
    'shareAppMessage.object.nope': [false, false],
    'shareAppMessage.success': [false, false],
    'request.object.method.POST': [true, false],
    'request.object.method.FETCH': [false, false],
    'request.success.statusCode': [true, false],
    'request.return.abort': [true, false],
    'getSystemInfoSync.return.windowWidth': [true, true],
    'login.success.code': [true, false],
    'login.success.token': [false, false],
    'getStorage.object.key': [true, false],
    // Douyin's, absent on TikTok.
    getCloudStorageByRelation: [false, false],
  });
  const refused = await game.evaluate(() => {
    try {
      ((globalThis as unknown as SimWindow).tt.canIUse as (schema: unknown) => boolean)(42);
      return 'no error';
    } catch (error) {
      return (error as Error).message;
    }
  });
  expect(refused).toBe("canIUse: schema must be an API name such as 'shareAppMessage', got 42");
});

test('a TikTok older than 40.3.0 has no direct message sharing: canIUse says so and a share fails', async ({
  page,
  request,
}) => {
  const main = simulator.sim.urls.main;
  const { game, context } = await openFreshMainFrame(page, main);
  const phone = page.getByRole('region', { name: 'Phone' });
  await phone.getByLabel('TikTok version').selectOption('40.2.0');
  await phone.getByRole('button', { name: 'Apply' }).nth(1).click();
  await expect(phone.getByRole('status')).toHaveText('✓ TikTok 40.2.0 (before direct message sharing)');

  // The frames follow at once, without a restart.
  expect(await canIUseIn(game, ['shareAppMessage', 'shareToStory'])).toEqual([false, true]);
  expect(await canIUseIn(context, ['shareToUser'])).toEqual([false]);
  expect(
    await game.evaluate(() => (globalThis as unknown as SimWindow).tt.getSystemInfoSync()),
  ).toMatchObject({
    version: '40.2.0',
    SDKVersion: '0.6.0',
    // TikTok's System page names the ratio twice; the Cocos web-adapter reads devicePixelRatio.
    pixelRatio: 1,
    devicePixelRatio: 1,
    deviceOrientation: 'portrait',
  });
  const share = await shareFromTap(page, game, { query: 'invite=ava' });
  expect(await share()).toMatchObject({
    ok: false,
    result: {
      errNo: ErrorCode.versionTooOld,
      errMsg: 'shareAppMessage:fail shareAppMessage needs TikTok 40.3.0 or later (this phone runs 40.2.0)',
    },
  });
  await expect(page.getByRole('dialog', { name: 'Send to' })).toHaveCount(0);
  await request.post(`${main}/__sim/authorization`, {
    data: { openId: 'sim-ava', scopes: ['user.info.basic', 'user.friends.mutual'] },
  });
  const toFriend = await callIn(contextFrame(page), 'shareToUser', {
    openid: 'sim-leo',
    imageUrl: `${main}/share-images/default.png`,
  });
  expect(toFriend.result.errNo).toBe(ErrorCode.versionTooOld);

  // The control API takes any version; "current" brings sharing back.
  const older = await request.post(`${main}/__sim/tiktok-version`, { data: { version: '39.9.1' } });
  expect((await older.json()).device.tiktokVersion).toBe('39.9.1');
  await expect(phone.getByLabel('TikTok version')).toHaveValue('39.9.1');
  const bad = await request.post(`${main}/__sim/tiktok-version`, { data: { version: 'latest' } });
  expect(bad.status()).toBe(400);
  await request.post(`${main}/__sim/tiktok-version`, { data: { version: 'current' } });
  await expect.poll(() => canIUseIn(game, ['shareAppMessage'])).toEqual([true]);
  expect(await game.evaluate(() => (globalThis as unknown as SimWindow).tt.getSystemInfoSync().version)).toBe(
    '40.3.0',
  );
});
