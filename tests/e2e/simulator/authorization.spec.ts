import { expect, test } from '@playwright/test';
import { ErrorCode } from '../../../simulator/server/errors';
import { callIn, clientKey, clientSecret, openMainFrame, useSimulator } from './harness';

const simulator = useSimulator();

test('authorization is incremental, status-only is silent, a decline fails, and a code works exactly once', async ({
  page,
  request,
}) => {
  const main = simulator.sim.urls.main;
  await request.post(`${main}/__sim/reset`);
  const { game } = await openMainFrame(page, main);
  const dialog = page.getByRole('dialog');

  // First request: both scopes. The player allows only the avatar and nickname.
  const first = callIn(game, 'authorizeOpenContext', { get_status_only: false });
  await expect(dialog.getByRole('checkbox')).toHaveCount(2);
  await expect(dialog.getByRole('checkbox', { name: 'Your avatar and nickname' })).toBeChecked();
  await dialog.getByRole('checkbox', { name: /mutual followers/ }).uncheck();
  await dialog.getByRole('button', { name: 'Allow', exact: true }).click();
  expect((await first).result).toMatchObject({
    errMsg: 'authorizeOpenContext:fail auth deny: the player did not allow user.friends.mutual',
    errNo: ErrorCode.authPartlyGranted,
  });

  // As on Douyin, the refused scope is remembered: the next request fails at once, without a dialog.
  const refused = await callIn(game, 'authorizeOpenContext', {});
  expect(refused).toMatchObject({ ok: false, result: { errNo: ErrorCode.authTurnedOff } });
  await expect(dialog).toHaveCount(0);
  const settings = page.getByRole('region', { name: 'Authorization' });
  const friends = settings.locator('li[data-scope="user.friends.mutual"]');
  await expect(friends).toContainText('refused · turned off');

  // Turned back on in the devtools' settings: the dialog asks again, for the missing scope only.
  await friends.getByRole('button', { name: 'Turn back on' }).click();
  await expect(friends).toContainText('not granted');
  const second = callIn(game, 'authorizeOpenContext', {});
  await expect(dialog.getByRole('checkbox')).toHaveCount(1);
  await expect(dialog.getByRole('checkbox', { name: /mutual followers/ })).toBeVisible();
  await dialog.getByRole('button', { name: "Don't allow" }).click();
  expect(await second).toMatchObject({
    ok: false,
    result: { errNo: ErrorCode.authDeclined, error: { error_code: ErrorCode.authDeclined } },
  });

  // get_status_only shows nothing and fails while a scope is missing (here: refused again).
  const silent = await callIn(game, 'authorizeOpenContext', { get_status_only: true });
  expect(silent).toMatchObject({ ok: false, result: { errNo: ErrorCode.authTurnedOff } });
  await expect(dialog).toHaveCount(0);
  await request.post(`${main}/__sim/settings`, {
    data: { openId: 'sim-ava', scope: 'user.friends.mutual', allowed: true },
  });
  const notGranted = await callIn(game, 'authorizeOpenContext', { get_status_only: true });
  expect(notGranted).toMatchObject({
    ok: false,
    result: { errMsg: 'authorizeOpenContext:fail not authorized: user.friends.mutual not granted' },
  });
  await expect(dialog).toHaveCount(0);

  const third = callIn(game, 'authorizeOpenContext', {});
  await dialog.getByRole('button', { name: 'Allow', exact: true }).click();
  const granted = await third;
  expect(granted.ok).toBe(true);
  const code = granted.result.code as string;

  const exchange = (value: string, secret = clientSecret) =>
    request.post(`${main}/v2/oauth/token/`, {
      form: { client_key: clientKey, client_secret: secret, code: value, grant_type: 'authorization_code' },
    });
  const wrongSecret = await exchange(code, 'not-the-secret');
  expect(wrongSecret.status()).toBe(401);
  const once = await exchange(code);
  expect(once.status()).toBe(200);
  const token = await once.json();
  expect(token).toMatchObject({
    open_id: 'sim-ava',
    scope: 'user.info.open_id,user.friends.mutual,user.info.basic',
    expires_in: 7200,
    refresh_expires_in: 15_552_000,
  });
  const info = await request.get(`${main}/v2/user/info/?fields=open_id,display_name,avatar_url`, {
    headers: { authorization: `Bearer ${token.access_token}` },
  });
  expect((await info.json()).data.user.display_name).toBe('Ava Chen');
  const twice = await exchange(code);
  expect(twice.status()).toBe(400);
  expect(await twice.json()).toMatchObject({
    error: 'invalid_grant',
    error_description: 'code was already used',
  });

  // Now everything is granted: status-only answers with a code and no dialog; that code expires after 5 minutes.
  const late = await callIn(game, 'authorizeOpenContext', { get_status_only: true });
  expect(late.ok).toBe(true);
  await expect(dialog).toHaveCount(0);
  await request.post(`${main}/__sim/clock`, { data: { advanceMs: 5 * 60_000 + 1000 } });
  const expired = await exchange(late.result.code as string);
  expect(expired.status()).toBe(400);
  expect((await expired.json()).error_description).toBe('code expired (codes live 5 minutes)');
});
