import { expect, type Frame, type Page, test } from '@playwright/test';
import { GAME_ZONE } from '../../../assets/scripts/platform/buildConfig';
import type { SampleHook } from '../../../assets/scripts/shell/sampleHook';
import type { Rect } from '../../../assets/scripts/social/protocol';
import { scoreKeysFor } from '../../../assets/scripts/social/zones';
import { board } from '../../../openDataContext/src/theme';
import { contextFrame } from '../simulator/harness';
import { bootEngine, type EngineProblems, skipWithoutEngine, useEnginePackage } from './enginePage';
import { clickButton, snapshot } from './sceneProbe';

/**
 * What the Cocos journeys do as a player would, on the engine's own simulator (enginePage.ts): its control
 * API, the text the open data context drew, the game's buttons (by `cc.Button`'s event, or by a real tap
 * where the platform wants a player's tap), and the friend board's rows, tapped where the context draws them.
 */

/**
 * What every Cocos journey file starts with: skipped without the engine, long enough for several launches,
 * a viewport tall enough for the whole phone (a real click outside it would miss the board), and its own
 * simulator serving the engine package. Call at the top of the file.
 */
export function useCocosJourney() {
  skipWithoutEngine();
  test.setTimeout(180_000);
  test.use({ viewport: { width: 1280, height: 1000 } });
  const simulator = useEnginePackage();
  const sim = <T>(path: string, body?: unknown): Promise<T> =>
    simCall<T>(simulator.sim.urls.main, path, body);
  return { simulator, sim };
}

/** The journeys' players: Noah and Grace are mutual followers; Ava, Grace's other friend, holds 3,000. */
export const GRACE = { openId: 'sim-grace', name: 'Grace Newcomer' } as const;
export const NOAH = { openId: 'sim-noah', name: 'Noah Alone' } as const;
export const AVA = 'Ava Chen';

/**
 * A fresh world in which `openId` allowed the friend board before, then the engine launched as them with
 * `query` (read again at every launch, so a journey may change its seed between launches).
 */
export async function launchAuthorized(
  page: Page,
  main: string,
  openId: string,
  query: Record<string, string> = {},
): Promise<Frame> {
  await simCall(main, '/__sim/reset', {});
  await simCall(main, '/__sim/authorization', { openId, scopes: ['user.info.basic', 'user.friends.mutual'] });
  await simCall(main, '/__sim/user', { openId });
  const game = await bootEngine(page, main, query);
  await rememberPlayer(game, openId);
  return game;
}

export const launchAsNoah = (page: Page, main: string, query: Record<string, string>): Promise<Frame> =>
  launchAuthorized(page, main, NOAH.openId, query);

/** The engine's problems, less the game server's refused requests (most suites run no game server). */
export function unexpectedConsoleErrors(problems: EngineProblems): string[] {
  const gameServerNoise = (text: string) =>
    text.includes('http://localhost:9530/') ||
    /^Failed to load resource: net::ERR_(CONNECTION_REFUSED|FAILED)$/.test(text);
  return problems.consoleErrors.filter((text) => !gameServerNoise(text));
}

export interface Inbox {
  cards: { id: number; from_open_id: string; title: string; query: string }[];
}

/** A GET (no body) or POST of the simulator's control API at `main`. */
export async function simCall<T>(main: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${main}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The player's best in cloud storage under the build's zone key, as the simulator stores it, or null. */
export async function cloudHighScore(main: string, openId: string): Promise<string | null> {
  const cloud = await simCall<{ data: { key: string; value: string }[] }>(main, `/__sim/cloud/${openId}`);
  return cloud.data.find((entry) => entry.key === scoreKeysFor(GAME_ZONE).score)?.value ?? null;
}

/** Every text the open data context drew since its frame loaded (or since `forgetDrawn`). */
export const drawn = (page: Page): Promise<string[]> =>
  Promise.resolve()
    .then(() =>
      contextFrame(page).evaluate(() => (globalThis as unknown as { __drawn?: string[] }).__drawn ?? []),
    )
    .catch(() => [] as string[]);

export const forgetDrawn = (page: Page): Promise<void> =>
  contextFrame(page).evaluate(() => {
    const list = (globalThis as unknown as { __drawn?: string[] }).__drawn;
    if (list) list.length = 0;
  });

/** `names` in the order the board first drew them since `forgetDrawn` (its first frame: top to bottom). */
export async function boardOrder(page: Page, names: string[]): Promise<string[]> {
  return [...new Set((await drawn(page)).filter((text) => names.includes(text)))];
}

/**
 * Most suites run no game server, so no login session says who the player is: the game falls back on
 * the open id its last session left on the device (local storage is per player), as engine.spec.ts does.
 */
export async function rememberPlayer(game: Frame, openId: string): Promise<void> {
  await game.evaluate((id) => {
    const tt = (globalThis as unknown as { tt: { setStorageSync(key: string, value: string): void } }).tt;
    tt.setStorageSync('starLanes.openId', id);
  }, openId);
}

/** The labels on screen as a player reads them: a line the layout broke in two reads as one. */
export const labelsRead = async (game: Frame): Promise<string[]> =>
  (await snapshot(game)).labels.map((label) => label.replace(/\n/g, ' '));

export const screenOf = async (game: Frame): Promise<string> => (await snapshot(game)).screens.join();

/** From the menu, level 1 (selected first: a player who completed it is offered level 2) to the results. */
export async function playLevel1(game: Frame): Promise<number> {
  await expect.poll(() => screenOf(game)).toBe('menu');
  await clickButton(game, /^1$/);
  await clickButton(game, /^Play level 1$/);
  await expect.poll(() => screenOf(game), { timeout: 60_000 }).toBe('results');
  const { labels } = await snapshot(game);
  expect(labels).toContain('Level 1 complete!');
  return Number(labels.find((label) => /^\d+$/.test(label)));
}

/** The results' Notice node shows the open data context's notice. */
export async function expectNoticeShown(game: Frame): Promise<void> {
  await expect
    .poll(async () => (await snapshot(game)).notice)
    .toMatchObject({ active: true, subContextView: true });
}

/** "View Friend Leaderboard" (already authorized): the Leaderboard node shows the context's board. */
export async function openBoard(game: Frame): Promise<void> {
  await clickButton(game, /^View Friend Leaderboard$/);
  await expect
    .poll(async () => (await snapshot(game)).board)
    .toMatchObject({ active: true, subContextView: true });
}

/** What the game reports each frame (assets/scripts/shell/sampleHook.ts), the same in both editions. */
export function readSample(game: Frame): Promise<SampleHook> {
  return game.evaluate(() => {
    const hook = (globalThis as unknown as { __sample?: SampleHook }).__sample;
    if (!hook) throw new Error('no __sample yet');
    return JSON.parse(JSON.stringify(hook)) as SampleHook;
  });
}

/** A real click at a point of the game viewport (CSS px): the simulator's touch, then the engine's input. */
async function tapAt(page: Page, point: { x: number; y: number }): Promise<void> {
  const box = await page.locator('#game-frame').boundingBox();
  if (!box) throw new Error('the game frame has no box');
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

/**
 * A real tap on a button of the Cocos screen, where the game reports it, reaching cc.Button through the
 * engine's input. A share must begin with the player's tap, which `clickButton`'s event is not.
 */
export async function tapButton(page: Page, game: Frame, id: string): Promise<void> {
  const rect = (await readSample(game)).buttons[id];
  if (!rect) throw new Error(`no button "${id}" on screen ${await screenOf(game)}`);
  await tapAt(page, { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
}

/**
 * A real tap on the button of a friend board row (Challenge / Invite), where the context draws it in the
 * board's rectangle (theme.ts): through the engine's input to the Leaderboard node, which forwards it.
 */
export async function tapBoardRow(page: Page, game: Frame, row: number): Promise<void> {
  const surface = (await readSample(game)).surface;
  if (surface?.view !== 'board') throw new Error(`the board is not shown (${JSON.stringify(surface)})`);
  const rect: Rect = surface.rect;
  await tapAt(page, {
    x: rect.x + rect.width - board.paddingX - board.buttonWidth / 2,
    y: rect.y + board.headerHeight + row * board.rowHeight + board.rowHeight / 2,
  });
}
