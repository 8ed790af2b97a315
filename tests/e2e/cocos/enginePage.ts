import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Frame, type Page, test } from '@playwright/test';
import { writeTestPackage } from '../../../tools/cocos/testPackage/writeTestPackage';
import { expectEventually, gameFrame, type TestSimulator, useSimulator } from '../simulator/harness';

/**
 * The engine suite's setup: a headless Cocos package (tools/cocos/testPackage/) written for each spec
 * file into a temporary folder, with the engine read from COCOS_ENGINE_DIR, in a simulator of its own.
 */

export const engineDir = process.env.COCOS_ENGINE_DIR;
export const ENGINE_SKIP_REASON =
  'COCOS_ENGINE_DIR is not set: the Cocos engine suite needs an engine built for bytedance (docs/cocos.md)';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Writes the package once for the spec file and serves it from a simulator of its own. */
export function useEnginePackage(): TestSimulator {
  let packageDir = '';
  const simulator = useSimulator(() => {
    packageDir = mkdtempSync(join(tmpdir(), 'cocos-engine-package-'));
    writeTestPackage({
      root,
      engineDir: engineDir as string,
      openDataContextDir: join(root, 'dist/openDataContext'),
      out: packageDir,
    });
    return packageDir;
  });
  test.afterAll(() => rmSync(packageDir, { recursive: true, force: true }));
  return simulator;
}

/** Where the boot is (tools/cocos/testPackage/boot/game.js): stage, first failure, scene name. */
export interface EngineBoot {
  stage: string;
  error: string | null;
  scene: string | null;
  /** Builtin UI materials the engine build lacks, stood in for by boot/missingMaterials.js. */
  missingMaterials: string[];
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
