import { expect, test } from '@playwright/test';
import { recordDrawnText } from '../game/contextText';
import { answerSettingsPage } from '../game/driver';
import { relaunch, watchProblems } from './enginePage';
import {
  AVA,
  boardOrder,
  cloudHighScore,
  drawn,
  forgetDrawn,
  GRACE,
  type Inbox,
  launchAsNoah,
  NOAH,
  playLevel1,
  readSample,
  rememberPlayer,
  screenOf,
  tapBoardRow,
  tapButton,
  unexpectedConsoleErrors,
  useCocosJourney,
} from './journeyPage';
import { clickButton, snapshot } from './sceneProbe';

/**
 * The two-player journey with the friend board declined, in the Cocos edition on the real engine: Grace
 * says no at TikTok's prompt, the Cocos board explains and offers another try, which leads to the settings
 * page (TikTok will not ask twice); she still plays and beats Noah, turns access on from the game, and
 * finds herself above him, and the loop goes on with a challenge.
 */

const { simulator, sim } = useCocosJourney();
// The bot on level 1: seed 42 scores 1,050, seed 2 scores 950, seed 7 scores 1,250.
const SEEDS = { noah: 42, graceFirst: 2, graceBeatsNoah: 7 };
const labels = async (game: Parameters<typeof snapshot>[0]) => (await snapshot(game)).labels;
const boardState = async (game: Parameters<typeof readSample>[0]) => (await readSample(game)).board;

test('declined in the Cocos edition: Grace says no, still beats Noah, then allows it and finds herself above him', async ({
  page,
}) => {
  const problems = watchProblems(page);
  await page.addInitScript(recordDrawnText);
  const query = { autoplay: '1', seed: String(SEEDS.noah) };
  let game = await launchAsNoah(page, simulator.sim.urls.main, query);
  expect(await playLevel1(game)).toBe(1_050);
  await expect.poll(() => cloudHighScore(simulator.sim.urls.main, NOAH.openId)).toBe('1050');

  await test.step('Grace says no at the prompt: the board says TikTok won’t ask again, and points at the settings', async () => {
    query.seed = String(SEEDS.graceFirst);
    game = await relaunch(page, () => sim('/__sim/user', { openId: GRACE.openId }));
    await rememberPlayer(game, GRACE.openId);
    expect(await playLevel1(game)).toBe(950);
    await clickButton(game, /^View Friend Leaderboard$/);
    await expect.poll(() => screenOf(game)).toBe('consent');
    await clickButton(game, /^Continue$/);
    await page.getByRole('dialog').getByRole('button', { name: "Don't allow", exact: true }).click();
    await expect.poll(() => boardState(game)).toBe('friends:declined');
    // TikTok remembers the refusal and will not ask again: the board says so, and where to turn it on.
    await expect.poll(() => labels(game)).toContain('No friends board for now');
    expect((await snapshot(game)).buttons.map((button) => button.text)).toEqual(
      expect.arrayContaining(['See the global board', 'Open settings']),
    );
    // No friend board: the Leaderboard node and its SubContextView stay off.
    expect((await snapshot(game)).board).toMatchObject({ active: false, subContextView: false });
    expect((await sim<{ granted: string[] }>(`/__sim/authorization/${GRACE.openId}`)).granted).toEqual([]);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await clickButton(game, /^×$/);
    await expect.poll(() => screenOf(game)).toBe('results');
  });

  await test.step('the game still plays: she beats Noah, her best is saved, and nobody is named', async () => {
    query.seed = String(SEEDS.graceBeatsNoah);
    game = await relaunch(page, () => page.reload());
    expect(await playLevel1(game)).toBe(1_250);
    await expect.poll(() => drawn(page)).toContain('New best! Saved ✓');
    await expect.poll(() => cloudHighScore(simulator.sim.urls.main, GRACE.openId)).toBe('1250');
    expect((await drawn(page)).filter((text) => text.startsWith('You passed'))).toEqual([]);
  });

  await test.step('she turns access on from the game and is above Noah, and challenges him', async () => {
    await clickButton(game, /^View Friend Leaderboard$/);
    await expect.poll(() => boardState(game)).toBe('friends:turned-off');
    await forgetDrawn(page);
    // TikTok opens its settings page only from the player's tap.
    await tapButton(page, game, 'retry-auth');
    await answerSettingsPage(page, true);
    await expect.poll(() => screenOf(game)).toBe('consent');
    await clickButton(game, /^Continue$/);
    await page.getByRole('dialog').getByRole('button', { name: 'Allow', exact: true }).click();
    await expect.poll(() => boardState(game)).toBe('friends:authorized');
    await expect
      .poll(async () => (await snapshot(game)).board)
      .toMatchObject({ active: true, subContextView: true });
    await expect
      .poll(() => boardOrder(page, [AVA, GRACE.name, NOAH.name]))
      .toEqual([AVA, GRACE.name, NOAH.name]);
    await tapBoardRow(page, game, 2);
    await expect.poll(() => drawn(page)).toContain('Sent ✓');
    const inbox = await sim<Inbox>(`/__sim/inbox/${NOAH.openId}`);
    expect(
      inbox.cards.filter((card) => card.from_open_id === GRACE.openId).map((card) => card.title),
    ).toEqual(['Beat my 1,250 points!']);
  });

  expect(problems.pageErrors).toEqual([]);
  expect(unexpectedConsoleErrors(problems)).toEqual([]);
});
