import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Frame, type Page, test } from '@playwright/test';
import { buildCocosPackage } from '../../../tools/cocos/headless/buildPackage';
import { expectEventually, gameFrame, launchSimulator, type TestSimulator } from '../simulator/harness';
import { engineDir } from './engineSkip';

/**
 * The engine suite's setup: the headless Cocos build (`npm run cocos:build`, tools/cocos/headless/) written
 * once per test worker into a temporary folder, with the engine read from COCOS_ENGINE_DIR, and served
 * by a simulator of each spec file's own.
 */

export { ENGINE_SKIP_REASON, engineDir, skipWithoutEngine } from './engineSkip';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let built: Promise<string> | null = null;

/** The headless build, made on first use and shared by the worker's spec files. */
export function enginePackage(): Promise<string> {
  built ??= (async () => {
    const out = mkdtempSync(join(tmpdir(), 'cocos-headless-build-'));
    process.once('exit', () => rmSync(out, { recursive: true, force: true }));
    await buildCocosPackage({ root, engineDir: engineDir as string, out });
    return out;
  })();
  return built;
}

/** Serves the headless build from a simulator of the spec file's own (none without the engine: tests skip). */
export function useEnginePackage(): TestSimulator {
  let running: TestSimulator | null = null;
  test.beforeAll(async () => {
    if (engineDir) running = await launchSimulator(await enginePackage());
  });
  test.afterAll(async () => running?.stop());
  const current = (): TestSimulator => {
    if (!running) throw new Error('the simulator starts in beforeAll; use it inside a test');
    return running;
  };
  return {
    get sim() {
      return current().sim;
    },
    get dataDir() {
      return current().dataDir;
    },
    stop: () => current().stop(),
  };
}

/** Where the boot is (tools/cocos/headless/boot/game.cjs): stage, first failure, scene name, repairs made. */
export interface EngineBoot {
  stage: string;
  error: string | null;
  scene: string | null;
  /** Adapter defects the boot found on this engine and repaired (boot/adapterRepairs.cjs). */
  repairs: string[];
}

export interface EngineProblems {
  /** Uncaught errors and unhandled rejections in any frame. */
  pageErrors: string[];
  /** console.error and console.warn of the game frame, as the engine reports what it could not do. */
  consoleErrors: string[];
  consoleWarnings: string[];
}

/** Collects what the page reports from the moment it is called. */
export function watchProblems(page: Page): EngineProblems {
  const problems: EngineProblems = { pageErrors: [], consoleErrors: [], consoleWarnings: [] };
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
    if (message.type() === 'warning') problems.consoleWarnings.push(message.text());
  });
  return problems;
}

/** Opens the Main Frame with a launch query for the game (e.g. `autoplay=1&seed=7`) and waits for the scene. */
export async function bootEngine(page: Page, main: string, query: Record<string, string>): Promise<Frame> {
  await routeLaunchQuery(page, main, () => query);
  await page.goto(`${main}/`);
  return waitForEngine(page);
}

/**
 * Adds the test mode's query (read at each launch, so a test can change the seed between launches) to
 * every launch of the Main Frame. The simulator launches from its home screen with an empty query, and a
 * share card is its only way to pass one: the card's own query (a challenge) is kept, the test's added.
 */
export async function routeLaunchQuery(
  page: Page,
  main: string,
  query: () => Record<string, string>,
): Promise<void> {
  await page.route(`${main}/__api/session`, async (route) => {
    const response = await route.fetch();
    const session = (await response.json()) as { launchOptions: { query: Record<string, string> } };
    session.launchOptions = {
      ...session.launchOptions,
      query: { ...session.launchOptions.query, ...query() },
    };
    await route.fulfill({ response, json: session });
  });
}

/** Waits until the game frame's engine runs its scene; a frame marked by `relaunch` as gone does not count. */
export async function waitForEngine(page: Page): Promise<Frame> {
  const fresh = () =>
    gameFrame(page).evaluate(() => '__engineBoot' in globalThis && !('__relaunched' in globalThis));
  await expectEventually(fresh, 20_000);
  const game = gameFrame(page);
  await expectEventually(async () => {
    const boot = await readBoot(game);
    if (boot.stage === 'failed') throw new Error(`the engine boot failed: ${boot.error}`);
    return boot.stage === 'running';
  }, 60_000).catch(async (error: unknown) => {
    const boot = await readBoot(game);
    throw new Error(`the engine did not start (stage ${boot.stage}): ${boot.error ?? String(error)}`);
  });
  return game;
}

/**
 * Runs `trigger` (a player switch, a card opened, a reload), which makes the simulator reload the Main
 * Frame, and waits for the engine of the new game frame: the old one is marked first, because the reload
 * reaches the page only after the simulator answered.
 */
export async function relaunch(page: Page, trigger: () => Promise<unknown>): Promise<Frame> {
  await gameFrame(page).evaluate(() => {
    (globalThis as unknown as { __relaunched: boolean }).__relaunched = true;
  });
  await trigger();
  return waitForEngine(page);
}

export function readBoot(game: Frame): Promise<EngineBoot> {
  return game.evaluate(() => ({ ...(globalThis as unknown as { __engineBoot: EngineBoot }).__engineBoot }));
}

export { expect };
