/**
 * The quickstart's worked example (docs/quickstart.md): Star Tap's core and play screen in place of the
 * arcade ones (examples/star-tap/), built by tools/buildExample.ts, played in a simulator of its own.
 * Everything else is the sample's: the menu, the results, the open data context that saves the best.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import type { SampleHook } from '../../../assets/scripts/shell/sampleHook';
import { buildExample, typecheckExample } from '../../../tools/buildExample';
import { recordDrawnText } from '../game/contextText';
import { PHONE_PAGE } from '../game/driver';
import { gameFrame, launchSimulator, type TestSimulator } from '../simulator/harness';

test.use(PHONE_PAGE);

// Grace has never played: whatever score keys her cloud holds afterwards, this run wrote.
const PLAYER = 'sim-grace';
// The example's bot taps every tenth tick of a 600-tick level: 60 stars, 10 points each.
const BOT_RUN = { stars: 60, score: 600 };

let packageDir = '';
let simulator: TestSimulator | null = null;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  packageDir = mkdtempSync(join(tmpdir(), 'star-tap-'));
  await buildExample('star-tap', packageDir);
  simulator = await launchSimulator(packageDir);
});

test.afterAll(async () => {
  await simulator?.stop();
  rmSync(packageDir, { recursive: true, force: true });
});

/** The game's test hook, or null while its frame is not there yet. */
async function sample(page: Page): Promise<SampleHook | null> {
  try {
    const hook = await gameFrame(page).evaluate(() =>
      JSON.stringify((globalThis as unknown as { __sample?: SampleHook }).__sample ?? null),
    );
    return JSON.parse(hook) as SampleHook | null;
  } catch {
    return null;
  }
}

const drawnByGame = (page: Page): Promise<string[]> =>
  gameFrame(page).evaluate(() => (globalThis as unknown as { __drawn?: string[] }).__drawn ?? []);

async function tap(page: Page, id: string): Promise<void> {
  const rect = (await sample(page))?.buttons[id];
  const frame = await page.locator('#game-frame').boundingBox();
  if (!rect || !frame) throw new Error(`no button "${id}"`);
  await page.mouse.click(frame.x + rect.x + rect.width / 2, frame.y + rect.y + rect.height / 2);
}

test('the edition type-checks with Star Tap in place of the arcade core', () => {
  test.setTimeout(60_000);
  expect(typecheckExample('star-tap')).toEqual([]);
});

test('Star Tap: its level completes in the simulator and the best reaches the cloud', async ({ page }) => {
  if (!simulator) throw new Error('no simulator');
  const main = simulator.sim.urls.main;
  await page.request.post(`${main}/__sim/user`, { data: { openId: PLAYER } });
  await page.addInitScript(recordDrawnText);
  await page.goto(`${main}/?device=390x844`);
  await expect.poll(async () => (await sample(page))?.screen, { timeout: 15_000 }).toBe('menu');
  // One level: the sample's menu offers exactly the levels the core declares.
  expect(Object.keys((await sample(page))?.buttons ?? {}).filter((id) => id.startsWith('level-'))).toEqual([
    'level-1',
  ]);

  await gameFrame(page).evaluate(() =>
    Object.assign((globalThis as unknown as { __testMode: object }).__testMode, { autoplay: true, seed: 7 }),
  );
  await tap(page, 'play');
  await expect.poll(async () => (await sample(page))?.screen, { timeout: 30_000 }).toBe('results');
  expect((await sample(page))?.lastResult).toMatchObject({ level: 1, score: BOT_RUN.score, completed: true });
  // Star Tap's own play screen ran, and the sample's results screen shows its stars.
  expect(await drawnByGame(page)).toContain('Tap to catch stars!');
  await expect.poll(() => drawnByGame(page)).toContain(`${BOT_RUN.stars} stars caught`);

  // The open data context kept the new best in cloud storage, as for the arcade game.
  const scoreKeys = async () => {
    const cloud = (await (await page.request.get(`${main}/__sim/cloud/${PLAYER}`)).json()) as {
      data: { key: string; value: string }[];
    };
    return cloud.data.filter(({ key }) => /^highScore(_|$)/.test(key)).map(({ value }) => value);
  };
  await expect.poll(scoreKeys).toEqual([String(BOT_RUN.score)]);
});
