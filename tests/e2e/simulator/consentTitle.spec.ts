import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { startSimulator } from '../../../simulator/index';
import { callIn, clientKey, clientSecret, fixturePackage, openMainFrame, ports } from './harness';

/** The authorization dialog names the game as players know it, never by its client key. */

async function consentTitle(page: Page, projectConfig: object | null): Promise<string | null> {
  const root = mkdtempSync(join(tmpdir(), 'sim-title-'));
  const packageDir = join(root, 'package');
  cpSync(fixturePackage, packageDir, { recursive: true });
  if (projectConfig) writeFileSync(join(packageDir, 'project.config.json'), JSON.stringify(projectConfig));
  const sim = await startSimulator({ ...ports, dataDir: join(root, 'data'), packageDir, clientSecret });
  try {
    const { game } = await openMainFrame(page, sim.urls.main);
    const answer = callIn(game, 'authorizeOpenContext', {});
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const title = await dialog.getAttribute('aria-label');
    await expect(dialog.getByRole('heading')).toHaveText(title ?? '');
    await dialog.getByRole('button', { name: "Don't allow" }).click();
    await answer;
    return title;
  } finally {
    await sim.close();
    rmSync(root, { recursive: true, force: true });
  }
}

test("the dialog is titled with project.config.json's projectname", async ({ page }) => {
  const title = await consentTitle(page, { projectname: 'Fixture Quest', appid: clientKey });
  expect(title).toBe('Fixture Quest wants to access');
});

test('without a projectname the dialog says "This game", not the client key', async ({ page }) => {
  const title = await consentTitle(page, null);
  expect(title).toBe('This game wants to access');
  expect(title).not.toContain(clientKey);
});
