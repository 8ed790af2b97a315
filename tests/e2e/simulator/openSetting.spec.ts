import { expect, test } from '@playwright/test';
import { callIn, openFreshMainFrame, useSimulator } from './harness';

/** tt.openSetting opens the settings page Douyin documents; switching a refused scope on lets the game ask again. */

const simulator = useSimulator();

test('openSetting shows the asked scopes; switching a refused one on brings the dialog back', async ({
  page,
}) => {
  const main = simulator.sim.urls.main;
  const { game } = await openFreshMainFrame(page, main);
  const dialog = page.getByRole('dialog');

  // The player allows the profile and refuses the friend list.
  const first = callIn(game, 'authorizeOpenContext', {});
  await dialog.getByRole('checkbox').nth(1).uncheck();
  await dialog.getByRole('button', { name: 'Allow', exact: true }).click();
  expect((await first).ok).toBe(false);
  expect((await callIn(game, 'authorizeOpenContext', {})).result.errNo).toBe(900304);
  await expect(dialog).toHaveCount(0);

  const opened = callIn(game, 'openSetting');
  const settings = page.getByRole('dialog', { name: 'Settings: This game' });
  const switches = settings.getByRole('switch');
  await expect(switches).toHaveCount(2);
  await expect(switches.nth(0)).toBeChecked();
  await expect(switches.nth(1)).not.toBeChecked();
  await switches.nth(1).check();
  await settings.getByRole('button', { name: 'Done' }).click();
  expect(await opened).toEqual({
    ok: true,
    result: {
      errMsg: 'openSetting:ok',
      authSetting: { 'user.info.basic': true, 'user.friends.mutual': false },
    },
  });

  // Turned back on: the next request asks again, for the missing scope only.
  const again = callIn(game, 'authorizeOpenContext', {});
  await expect(dialog.getByRole('checkbox')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Allow', exact: true }).click();
  expect((await again).ok).toBe(true);
});
