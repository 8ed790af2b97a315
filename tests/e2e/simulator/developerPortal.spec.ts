import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningSimulator, startSimulator } from '../../../simulator/index';
import { TIKTOK_LOGIN_WITHOUT_LEGAL_URLS } from '../../../simulator/server/errors';
import { callIn, clientSecret, fixturePackage, openMainFrame, ports } from './harness';

/**
 * What TikTok keeps in the Developer Portal, from game.json `dev` stand-ins: the share card, and the Terms
 * of Service and Privacy Policy URLs without which login fails with 102102 (TikTok's silent-login page).
 */

test.use({ viewport: { width: 1280, height: 900 } });

async function withPackage(
  edit: (gameJson: Record<string, unknown>, projectConfig: Record<string, unknown>) => void,
  work: (sim: RunningSimulator) => Promise<void>,
): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'sim-portal-'));
  const packageDir = join(root, 'package');
  cpSync(fixturePackage, packageDir, { recursive: true });
  const read = (name: string) =>
    JSON.parse(readFileSync(join(packageDir, name), 'utf8')) as Record<string, unknown>;
  const gameJson = read('game.json');
  const projectConfig = read('project.config.json');
  edit(gameJson, projectConfig);
  writeFileSync(join(packageDir, 'game.json'), JSON.stringify(gameJson));
  writeFileSync(join(packageDir, 'project.config.json'), JSON.stringify(projectConfig));
  const sim = await startSimulator({ ...ports, dataDir: join(root, 'data'), packageDir, clientSecret });
  try {
    await work(sim);
  } finally {
    await sim.close();
    rmSync(root, { recursive: true, force: true });
  }
}

const legalUrls = {
  termsOfServiceUrl: 'https://fixture.example/terms',
  privacyPolicyUrl: 'https://fixture.example/privacy',
};

test('without the two legal URLs the simulator warns at start and in the devtools; with them it does not', async ({
  page,
}) => {
  await withPackage(
    () => undefined,
    async (sim) => {
      expect(sim.warnings).toEqual([
        expect.stringContaining(
          'game.json has no dev.termsOfServiceUrl or dev.privacyPolicyUrl: on TikTok, login fails with 102102',
        ),
      ]);
      await openMainFrame(page, sim.urls.main);
      await expect(page.getByRole('region', { name: 'Phone' }).locator('.warnings')).toContainText(
        'login fails with 102102',
      );
    },
  );
  await withPackage(
    (gameJson) => {
      gameJson.dev = { ...(gameJson.dev as object), ...legalUrls };
    },
    async (sim) => {
      expect(sim.warnings).toEqual([]);
    },
  );
});

test('the login fault fails login with 102102 until cleared', async ({ page }) => {
  await withPackage(
    (gameJson) => {
      gameJson.dev = { ...(gameJson.dev as object), ...legalUrls };
    },
    async (sim) => {
      const { game } = await openMainFrame(page, sim.urls.main);
      const faults = page.getByRole('region', { name: 'Faults' });
      await faults.getByLabel('Login: no Terms of Service or Privacy Policy URL (102102)').check();
      await faults.getByRole('button', { name: 'Apply faults' }).click();
      await expect(faults.getByRole('status')).toHaveText('✓ Faults applied');
      const failed = await callIn(game, 'login');
      expect(failed).toEqual({
        ok: false,
        result: {
          errMsg:
            "login:fail the app's Terms of Service and Privacy Policy URLs are missing (TikTok Developer Portal)",
          errNo: TIKTOK_LOGIN_WITHOUT_LEGAL_URLS,
          error: {
            error_code: 102102,
            error_msg:
              "the app's Terms of Service and Privacy Policy URLs are missing (TikTok Developer Portal)",
            error_extra: {},
          },
        },
      });
      await faults.getByRole('button', { name: 'Clear' }).click();
      await expect(
        faults.getByLabel('Login: no Terms of Service or Privacy Policy URL (102102)'),
      ).not.toBeChecked();
      expect((await callIn(game, 'login')).ok).toBe(true);
    },
  );
});

test("the card is game.json's dev.shareCard, else titled with the game's name", async ({ request }) => {
  const card = { title: 'Fixture Quest: beat me', imageUrl: 'https://cdn.fixture.example/card.png' };
  await withPackage(
    (gameJson) => {
      gameJson.dev = { ...(gameJson.dev as object), shareCard: card };
    },
    async (sim) => {
      const device = await (await request.get(`${sim.urls.main}/__sim/device`)).json();
      expect(device.shareCard).toEqual(card);
    },
  );
  await withPackage(
    (_gameJson, projectConfig) => {
      projectConfig.projectname = 'Fixture Quest';
    },
    async (sim) => {
      const device = await (await request.get(`${sim.urls.main}/__sim/device`)).json();
      expect(device.shareCard).toEqual({
        title: 'Fixture Quest',
        imageUrl: `${sim.urls.main}/share-images/default.png`,
      });
    },
  );
});
