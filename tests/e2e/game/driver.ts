/**
 * Drives the Canvas 2D edition inside the simulator that `npm start` runs (the root Playwright config
 * starts it): finds the game frame, reads `GameGlobal.__sample`, and taps buttons with real mouse
 * events at the rectangles the game reports, so every tap goes through the runtime's touch path.
 */
import { expect, type Frame, type Page } from '@playwright/test';
import type { SampleHook } from '../../../assets/scripts/shell/sampleHook';
import type { TestMode } from '../../../assets/scripts/shell/testMode';

export const SIM = 'http://localhost:9527';
const GAME_ORIGIN = 'http://localhost:9528';
export const GAME_SERVER = 'http://localhost:9530';
export const PLAYER = 'sim-ava';

/** A page tall enough for the whole 390×844 phone: taps outside the viewport would miss. */
export const PHONE_PAGE = { viewport: { width: 1280, height: 1000 } };

import type { Rect } from '../../../assets/scripts/social/protocol';
import { scoreKeysFor } from '../../../assets/scripts/social/zones';
import { board } from '../../../openDataContext/src/theme';
import { DEV_BUILD_CONFIG } from '../../../tools/buildConfig/settings';

export type { Rect };

/** What the game publishes as `GameGlobal.__sample`, refreshed every frame. */
export type Sample = SampleHook;

export async function simGet<T>(path: string): Promise<T> {
  const response = await fetch(`${SIM}${path}`);
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export async function simPost<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${SIM}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The build under test: `npm run build` is a development build, zone `test`. */
export const ZONE = DEV_BUILD_CONFIG.zone;
/** That zone's cloud keys (`highScore_test`). */
export const ZONE_KEYS = scoreKeysFor(ZONE);

/**
 * The game server's whole all-time board of `zone` (the build's by default), read directly page by page
 * as a test does: the seeded world alone holds more than a page.
 */
export async function serverBoard(zone: string = ZONE): Promise<{ openId: string; score: number }[]> {
  const entries: { openId: string; score: number }[] = [];
  let cursor: string | null = null;
  do {
    const page = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const response = await fetch(`${GAME_SERVER}/v1/leaderboards/global?zone=${zone}&limit=100${page}`);
    if (!response.ok) throw new Error(`global board of zone ${zone}: HTTP ${response.status}`);
    const board = (await response.json()) as {
      entries: { openId: string; score: number }[];
      nextCursor: string | null;
    };
    entries.push(...board.entries.map(({ openId, score }) => ({ openId, score })));
    cursor = board.nextCursor;
  } while (cursor !== null);
  return entries;
}

/** The player's best in cloud storage (this build's zone), as the simulator stores it, or null. */
export async function cloudHighScore(openId = PLAYER): Promise<string | null> {
  const cloud = await simGet<{ data: { key: string; value: string }[] }>(`/__sim/cloud/${openId}`);
  return cloud.data.find((entry) => entry.key === ZONE_KEYS.score)?.value ?? null;
}

/**
 * Resolves after `count` animation frames of the page or frame: the clock for "nothing happens for a
 * while" checks, counted in the frames a change would have been drawn in, rather than in milliseconds.
 */
export async function animationFrames(target: Page | Frame, count: number): Promise<void> {
  await target.evaluate(
    (frames) =>
      new Promise<void>((done) => {
        let left = frames;
        const tick = () => (--left <= 0 ? done() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    count,
  );
}

export interface AnalyticsSnapshot {
  events: Record<string, number>;
  leaderboardButton: Record<'main_menu' | 'results' | 'total', { exposures: number; clicks: number }>;
}

export const analytics = (): Promise<AnalyticsSnapshot> => simGet<AnalyticsSnapshot>('/__sim/analytics');

/** Where a friend board row's button (Challenge / Invite) is, in CSS px of the board surface (theme.ts). */
export const boardRowButton = (rect: Rect, row: number) => ({
  x: rect.width - board.paddingX - board.buttonWidth / 2,
  y: board.headerHeight + row * board.rowHeight + board.rowHeight / 2,
});

/** On the platform's settings page (`tt.openSetting`), switches every permission on or off, then Done. */
export async function answerSettingsPage(page: Page, allow: boolean): Promise<void> {
  const settings = page.getByRole('dialog', { name: /^Settings: / });
  await expect(settings).toBeVisible();
  const switches = settings.getByRole('switch');
  for (let index = 0; index < (await switches.count()); index++) await switches.nth(index).setChecked(allow);
  await settings.getByRole('button', { name: 'Done' }).click();
  await expect(settings).toHaveCount(0);
}

export class GameDriver {
  constructor(readonly page: Page) {}

  /**
   * Fresh simulator state (cloud, grants, faults, analytics), then the game on its main menu; `beforeLaunch`
   * changes the world before the game starts (a fault, the game server down).
   */
  static async open(page: Page, player = PLAYER, beforeLaunch?: () => Promise<void>): Promise<GameDriver> {
    await simPost('/__sim/reset', {});
    await simPost('/__sim/user', { openId: player });
    await beforeLaunch?.();
    const driver = new GameDriver(page);
    await page.goto(`${SIM}/?device=390x844`);
    await driver.waitForScreen('menu');
    return driver;
  }

  frame(): Frame {
    const frame = this.page.frames().find((candidate) => candidate.url().startsWith(`${GAME_ORIGIN}/`));
    if (!frame) throw new Error('game frame not found');
    return frame;
  }

  async sample(): Promise<Sample> {
    return this.frame().evaluate(() => {
      const hook = (globalThis as unknown as { __sample?: Sample }).__sample;
      if (!hook) throw new Error('no __sample yet');
      return JSON.parse(JSON.stringify(hook)) as Sample;
    });
  }

  /** Resolves once the game has drawn `count` more frames (its loop reports each in `__sample.frames`). */
  async framesDrawn(count: number): Promise<void> {
    const start = (await this.sample()).frames;
    await expect
      .poll(async () => (await this.sample()).frames, { message: `${count} more game frames` })
      .toBeGreaterThanOrEqual(start + count);
  }

  /** Changes the game's test mode (minigame/testMode.ts): who steers, the seed, a tick to hold at. */
  async set(values: Partial<TestMode>): Promise<void> {
    await this.frame().evaluate((patch) => {
      Object.assign((globalThis as unknown as { __testMode: object }).__testMode, patch);
    }, values);
  }

  async waitForScreen(name: string, timeout = 15_000): Promise<void> {
    await expect
      .poll(async () => (await this.sample().catch(() => null))?.screen, {
        timeout,
        message: `screen ${name}`,
      })
      .toBe(name);
  }

  /** Where the game frame sits in the page, to turn game CSS px into page coordinates. */
  private async origin(): Promise<{ x: number; y: number }> {
    const box = await this.page.locator('#game-frame').boundingBox();
    if (!box) throw new Error('game frame has no box');
    return { x: box.x, y: box.y };
  }

  async tap(id: string): Promise<void> {
    const rect = (await this.sample()).buttons[id];
    if (!rect) throw new Error(`no button "${id}" on screen ${(await this.sample()).screen}`);
    const origin = await this.origin();
    await this.page.mouse.click(origin.x + rect.x + rect.width / 2, origin.y + rect.y + rect.height / 2);
  }

  /** Two taps on a button as fast as a thumb can: the second while the first is still being answered. */
  async doubleTap(id: string): Promise<void> {
    const rect = (await this.sample()).buttons[id];
    if (!rect) throw new Error(`no button "${id}" on screen ${(await this.sample()).screen}`);
    const origin = await this.origin();
    await this.page.mouse.dblclick(origin.x + rect.x + rect.width / 2, origin.y + rect.y + rect.height / 2);
  }

  async drag(from: { x: number; y: number }, to: { x: number; y: number }, steps = 5): Promise<void> {
    const origin = await this.origin();
    await this.page.mouse.move(origin.x + from.x, origin.y + from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(origin.x + to.x, origin.y + to.y, { steps });
    await this.page.mouse.up();
  }

  /** Switches the host to another player: the page reloads as them; waits for their menu. */
  async switchPlayer(openId: string): Promise<void> {
    await simPost('/__sim/user', { openId });
    // Frames come and go while the page reloads.
    await expect
      .poll(async () => (await this.sample().catch(() => null))?.openId, { timeout: 20_000 })
      .toBe(openId);
    await this.waitForScreen('menu');
  }

  /** From the menu: "View Friend Leaderboard", "Not now" on the explanation, then the Global tab. */
  async openGlobalBoardWithoutFriends(): Promise<void> {
    await this.tap('friend-board');
    await this.waitForScreen('consent');
    await this.tap('consent-not-now');
    await this.waitForScreen('leaderboard');
    await this.tap('show-global');
  }

  /** A real click at a point of an open data context surface (CSS px from its top-left corner). */
  async tapSurface(rect: Rect, point: { x: number; y: number }): Promise<void> {
    const origin = await this.origin();
    await this.page.mouse.click(origin.x + rect.x + point.x, origin.y + rect.y + point.y);
  }

  /** From the menu, plays level 1 with the built-in bot (or nobody steering), returns the level result. */
  async playLevel1(mode: true | 'idle' = true, seed = 7): Promise<NonNullable<Sample['lastResult']>> {
    await this.set({ autoplay: mode, seed });
    // The menu selects the highest unlocked level; level 1 is always there.
    if ((await this.sample()).buttons['level-1']) await this.tap('level-1');
    await this.tap('play');
    await this.waitForScreen('results', 30_000);
    const result = (await this.sample()).lastResult;
    if (!result) throw new Error('no result after the level');
    return result;
  }

  /** From the results of a failed level, plays it again with the bot and the given seed. */
  async playLevelFromResults(seed: number): Promise<NonNullable<Sample['lastResult']>> {
    const before = (await this.sample()).lastResult?.runId;
    await this.set({ autoplay: true, seed });
    await this.tap('retry');
    await expect
      .poll(async () => (await this.sample()).lastResult?.runId, { timeout: 30_000 })
      .not.toBe(before);
    await this.waitForScreen('results', 30_000);
    const result = (await this.sample()).lastResult;
    if (!result) throw new Error('no result after the level');
    return result;
  }

  /** Answers the platform's authorization dialog (drawn by the Main Frame, outside the game). */
  /** Taps `button` (the friend board's entry or a retry), continues past the explanation, answers the prompt. */
  async askForFriends(button: string, allow: boolean): Promise<void> {
    await this.tap(button);
    await this.waitForScreen('consent');
    await this.tap('consent-continue');
    await this.answerPlatformPrompt(allow);
  }

  async answerSettingsPage(allow: boolean): Promise<void> {
    await answerSettingsPage(this.page, allow);
  }

  async answerPlatformPrompt(allow: boolean): Promise<void> {
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: allow ? 'Allow' : "Don't allow", exact: true }).click();
  }
}
