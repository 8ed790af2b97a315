import { expect, test } from '@playwright/test';
import { ErrorCode } from '../../../simulator/server/errors';
import {
  callIn,
  clientKey,
  clientSecret,
  contextFrame,
  openFreshMainFrame,
  type SimWindow,
  useSimulator,
} from './harness';

/**
 * TikTok's namespaces (`tt`, `wx`, `TTMinis.game`: one object), `authorize({scope})` and `getSetting`
 * (mini-games-sdk-login), and the scopes minis-user-data documents: `user.info.basic`, `user.info.open_id`.
 */

const simulator = useSimulator();
test.use({ viewport: { width: 1280, height: 900 } });

test('tt, wx and TTMinis.game are one object in both frames, on GameGlobal too', async ({ page }) => {
  const { game, context } = await openFreshMainFrame(page, simulator.sim.urls.main);
  for (const frame of [game, context]) {
    expect(
      await frame.evaluate(() => {
        const g = globalThis as unknown as SimWindow & { wx: unknown; GameGlobal: { wx: unknown } };
        return g.wx === g.tt && g.TTMinis.game === g.tt && g.GameGlobal.wx === g.tt;
      }),
    ).toBe(true);
  }
});

test('a login code carries user.info.open_id; authorize asks for user.info.basic once, and getSetting says so', async ({
  page,
  request,
}) => {
  const main = simulator.sim.urls.main;
  const { game } = await openFreshMainFrame(page, main);
  const exchange = async (code: string) =>
    (
      await request.post(`${main}/v2/oauth/token/`, {
        form: { client_key: clientKey, client_secret: clientSecret, code, grant_type: 'authorization_code' },
      })
    ).json();
  const userInfo = async (token: string) =>
    (
      await request.get(`${main}/v2/user/info/?fields=open_id,display_name`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();

  const login = await callIn(game, 'login');
  const silent = await exchange(login.result.code as string);
  expect(silent.scope).toBe('user.info.open_id');
  expect((await userInfo(silent.access_token)).data.user).toEqual({ open_id: 'sim-ava' });
  expect(await callIn(game, 'getSetting')).toEqual({
    ok: true,
    result: { errMsg: 'getSetting:ok', authSetting: {} },
  });

  const asked = callIn(game, 'authorize', { scope: 'user.info.basic' });
  const dialog = page.getByRole('dialog', { name: 'This game wants to access' });
  await expect(dialog.getByRole('checkbox')).toHaveCount(1);
  await expect(dialog).toContainText('Your avatar and nickname');
  await dialog.getByRole('button', { name: 'Allow', exact: true }).click();
  const allowed = await asked;
  expect(allowed).toMatchObject({ ok: true, result: { errMsg: 'authorize:ok' } });
  const explicit = await exchange(allowed.result.code as string);
  expect(explicit.scope).toBe('user.info.open_id,user.info.basic');
  expect((await userInfo(explicit.access_token)).data.user).toEqual({
    open_id: 'sim-ava',
    display_name: 'Ava Chen',
  });
  expect((await callIn(game, 'getSetting')).result.authSetting).toEqual({ 'user.info.basic': true });
  await expect(
    page.getByRole('region', { name: 'Authorization' }).locator('[data-scope="user.info.basic"] .badge'),
  ).toHaveText('granted');

  // Held now: no dialog. The open_id scope is never asked for (login holds it).
  expect((await callIn(game, 'authorize', { scope: 'user.info.open_id, user.info.basic' })).ok).toBe(true);
  await expect(dialog).toHaveCount(0);

  // Not a scope authorize takes, and not in the open data context.
  expect(await callIn(game, 'authorize', { scope: 'user.friends.mutual' })).toMatchObject({
    ok: false,
    result: {
      errNo: ErrorCode.invalidArgument,
      errMsg:
        'authorize:fail unknown scope user.friends.mutual: authorize takes user.info.basic and user.info.open_id, comma-separated',
    },
  });
  expect((await callIn(contextFrame(page), 'authorize', { scope: 'user.info.basic' })).result.errNo).toBe(
    ErrorCode.wrongDomain,
  );
});

test('a refused user.info.basic is not asked again, as with authorizeOpenContext', async ({ page }) => {
  const { game } = await openFreshMainFrame(page, simulator.sim.urls.main);
  const asked = callIn(game, 'authorize', { scope: 'user.info.basic' });
  await page.getByRole('dialog').getByRole('button', { name: "Don't allow" }).click();
  expect((await asked).result.errNo).toBe(ErrorCode.authDeclined);
  expect((await callIn(game, 'authorize', { scope: 'user.info.basic' })).result.errNo).toBe(
    ErrorCode.authTurnedOff,
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect((await callIn(game, 'getSetting')).result.authSetting).toEqual({ 'user.info.basic': false });
});
