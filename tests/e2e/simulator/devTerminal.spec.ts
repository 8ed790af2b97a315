import { expect, type Page, test } from '@playwright/test';
import { devPorts as ports, runDev } from './devProcess';

/**
 * `npm start`'s terminal: where to open, then quiet while the game runs; the game server's JSON
 * request log only when asked for. Runs tools/dev.ts on its own ports, beside the suite's simulator.
 */

async function useBoth(page: Page): Promise<void> {
  await page.goto(`http://localhost:${ports.SIM_PORT}/`);
  await expect(page.getByRole('region', { name: 'API calls' }).locator('.log > li').first()).toBeVisible();
  const server = `http://localhost:${ports.GAME_SERVER_PORT}`;
  for (let i = 0; i < 5; i++) await fetch(`${server}/v1/leaderboards/global?limit=3`);
  await fetch(`${server}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
}

test('npm start says where to open in a few lines, then stays quiet while the game runs', async ({
  page,
}) => {
  const lines = await runDev({}, () => useBoth(page));
  expect(lines).toEqual(
    [
      `Open http://localhost:${ports.SIM_PORT}/ in a browser: the game on a simulated phone, with devtools.`,
      `Game server http://localhost:${ports.GAME_SERVER_PORT} (log level warn; SERVER_LOG_LEVEL=info for every request).`,
      'Ctrl+C stops both.',
      // This repo's game.json has no Developer Portal legal URLs: said once, at start.
      'Note: game.json has no dev.termsOfServiceUrl or dev.privacyPolicyUrl: on TikTok, login fails with 102102',
    ].map((line) => expect.stringContaining(line)),
  );
});

test('SERVER_LOG_LEVEL=info brings back the structured request log', async ({ page }) => {
  const lines = await runDev({ SERVER_LOG_LEVEL: 'info' }, () => useBoth(page));
  const json = lines
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string });
  expect(json.filter((entry) => entry.msg === 'request completed').length).toBeGreaterThanOrEqual(6);
});
