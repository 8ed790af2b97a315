import { expect, test } from '@playwright/test';
import { cloudHighScore, GameDriver, PHONE_PAGE, simPost } from './driver';

test.use(PHONE_PAGE);

// Players of the simulator's fixture with no best yet (the default player has 3000 in the cloud). Ivy is
// played by no other journey, so the game server, which keeps its state for the whole run, has no best
// for her either.
const NEWCOMER = 'sim-ivy';
const EMPTY_SCORE = 'sim-emma';

test.describe('best score in cloud storage', () => {
  test('a bot-played level 1 saves highScore; a lower score later leaves it unchanged', async ({ page }) => {
    const game = await GameDriver.open(page, NEWCOMER);
    const cloudBest = () => cloudHighScore(NEWCOMER);
    expect(await cloudBest()).toBeNull();

    const first = await game.playLevel1(true);
    expect(first).toMatchObject({ level: 1, completed: true, newBest: true, previousBest: null });
    expect(first.score).toBeGreaterThan(500);
    await expect.poll(cloudBest).toBe(String(first.score));

    await game.tap('menu');
    await game.waitForScreen('menu');
    const second = await game.playLevel1('idle');
    expect(second.score).toBeLessThan(first.score);
    expect(second).toMatchObject({ newBest: false, previousBest: first.score });
    // Give a wrong write time to land before checking that none happened.
    await page.waitForTimeout(500);
    expect(await cloudBest()).toBe(String(first.score));
  });

  test('with cloud writes failing, the best is kept and arrives once the fault is gone, across a reload', async ({
    page,
  }) => {
    const game = await GameDriver.open(page, EMPTY_SCORE);
    const cloudBest = () => cloudHighScore(EMPTY_SCORE);
    await simPost('/__sim/faults', { failApis: ['setUserCloudStorage'] });

    const result = await game.playLevel1(true);
    expect(result.newBest).toBe(true);
    expect((await game.sample()).pendingSave).toBe(true);
    await page.waitForTimeout(1_500);
    expect(await cloudBest()).toBe('');

    await page.reload();
    await game.waitForScreen('menu');
    expect((await game.sample()).pendingSave).toBe(true);
    expect(await cloudBest()).toBe('');

    await simPost('/__sim/faults', { failApis: [] });
    await expect.poll(cloudBest, { timeout: 20_000 }).toBe(String(result.score));
    await expect.poll(async () => (await game.sample()).pendingSave).toBe(false);
  });
});
