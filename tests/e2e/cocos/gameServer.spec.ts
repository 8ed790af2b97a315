import { join } from 'node:path';
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
import { readRenderPlan } from './renderProbe';
import { clickButton } from './sceneProbe';
import { faintLabels, hex, inkPixels, shoot } from './screenPixels';

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
/** With DOCS_SCREENSHOTS=1 the Global tab's rows are written for docs/cocos.md as well. */
const docsImage =
  process.env.DOCS_SCREENSHOTS === '1'
    ? join(import.meta.dirname, '../../../docs/images/cocos-global.png')
    : null;

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
    // Drawn, not only laid out: each of these labels shows its text in its colour, his row in another.
    const plan = await readRenderPlan(game);
    const shown = ['1', 'Fan 025', RANK_GAP_MARK, '216', 'Fan 116', '217', `${NOAH.name} (you)`, '700'];
    const rowLabels = shown.map((text) => plan.drawn.find((d) => d.kind === 'label' && d.text === text));
    expect(rowLabels.map((label) => label?.text)).toEqual(shown);
    const drawnLabels = rowLabels.flatMap((label) => (label ? [label] : []));
    const shot = await shoot(page);
    const [mark, ...words] = [
      ...drawnLabels.filter((label) => label.text === RANK_GAP_MARK),
      ...drawnLabels.filter((label) => label.text !== RANK_GAP_MARK),
    ];
    expect(faintLabels(shot, words)).toEqual([]);
    // Three small dots: anti-aliased, they hold hardly a pixel of their exact colour, but they show.
    expect(mark && inkPixels(shot, mark.rect)).toBeGreaterThanOrEqual(6);
    const colorOf = (text: string) =>
      hex(drawnLabels.find((label) => label.text === text)?.color ?? { r: 0, g: 0, b: 0, a: 0 });
    expect(colorOf(`${NOAH.name} (you)`)).not.toBe(colorOf('Fan 116'));
    await expect(page.locator('#game-frame')).toHaveScreenshot('global-rows-dpr1.png', {
      maxDiffPixelRatio: 0.01,
      scale: 'device',
      timeout: 30_000,
    });
    if (docsImage) await page.locator('#game-frame').screenshot({ path: docsImage });
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
