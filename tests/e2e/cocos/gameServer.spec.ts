import { expect, test } from '@playwright/test';
import { RANK_GAP_MARK } from '../../../assets/scripts/shell/index';
import { recordDrawnText } from '../game/contextText';
import { watchProblems } from './enginePage';
import { useGameServer } from './gameServerRoute';
import {
  drawn,
  labelsRead,
  launchAsNoah,
  NOAH,
  openBoard,
  playLevel1,
  readSample,
  screenOf,
  unexpectedConsoleErrors,
  useCocosJourney,
} from './journeyPage';
import { clickButton } from './sceneProbe';

/**
 * The Cocos edition with its game server, on the real engine: down when Noah launches, so the Global
 * tab says so while the friend board, drawn by the open data context from TikTok's data, still shows his
 * best; back up, the Global tab loads by itself with rank 1, the gap and the rows around his, his own
 * marked; and his new best reaches the global board without a tap.
 */

const { simulator } = useCocosJourney();
const gameServer = useGameServer(simulator);
/** The bot on level 1 with seed 42 scores 1,050, above Noah's seeded 700. */
const SEED = 42;

test('the Cocos Global tab with the game server down at launch, then back: rows, the gap, your row, your new best', async ({
  page,
}) => {
  const problems = watchProblems(page);
  await page.addInitScript(recordDrawnText);
  gameServer.setDown(true);
  await gameServer.attach(page);
  const game = await launchAsNoah(page, simulator.sim.urls.main, { autoplay: '1', seed: String(SEED) });

  await test.step('server down: the friend board still knows his best, the Global tab says why', async () => {
    await openBoard(game);
    // His one friend has not played: the board invites, with his own best from TikTok's cloud.
    await expect
      .poll(() => drawn(page))
      .toEqual(expect.arrayContaining(['No friends play yet', 'Your best: 700']));
    await clickButton(game, /^Global$/);
    await expect.poll(async () => (await readSample(game)).board).toBe('global:unreachable');
    expect(await labelsRead(game)).toContain('Game server unavailable');
  });

  await test.step('server back: the Global tab loads by itself, his row marked and the gap shown', async () => {
    gameServer.setDown(false);
    await expect.poll(async () => (await readSample(game)).board, { timeout: 30_000 }).toBe('global:ready');
    const labels = await labelsRead(game);
    // Each row reads rank, name, score; the mark stands before the first row after the jump in rank.
    const top = labels.indexOf('Fan 025');
    expect(labels.slice(top - 1, top + 3)).toEqual(['1', 'Fan 025', '9,075', RANK_GAP_MARK]);
    const yours = labels.indexOf(`${NOAH.name} (you)`);
    expect(labels.slice(yours - 1, yours + 2)).toEqual(['217', `${NOAH.name} (you)`, '700']);
    expect(yours).toBeGreaterThan(top + 3);
    await clickButton(game, /^×$/);
    await expect.poll(() => screenOf(game)).toBe('menu');
  });

  await test.step('a new best reaches the global board without a tap', async () => {
    expect(await playLevel1(game)).toBe(1_050);
    await expect.poll(async () => (await readSample(game)).delivery, { timeout: 30_000 }).toBe('saved');
    await openBoard(game);
    await clickButton(game, /^Global$/);
    await expect.poll(async () => (await readSample(game)).board).toBe('global:ready');
    await expect.poll(async () => labelsRead(game)).toContain('1,050');
    const labels = await labelsRead(game);
    expect(labels[labels.indexOf(`${NOAH.name} (you)`) + 1]).toBe('1,050');
  });

  expect(problems.pageErrors).toEqual([]);
  expect(unexpectedConsoleErrors(problems)).toEqual([]);
});
