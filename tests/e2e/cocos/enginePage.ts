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
  // The simulator launches from its home screen with an empty query; a share card is its only way to
  // pass one, so the test hands the Main Frame a session with the test mode's query instead.
  await page.route(`${main}/__api/session`, async (route) => {
    const response = await route.fetch();
    const session = (await response.json()) as { launchOptions: { query: Record<string, string> } };
    session.launchOptions = { ...session.launchOptions, query };
    await route.fulfill({ response, json: session });
  });
  await page.goto(`${main}/`);
  await expectEventually(() => gameFrame(page).evaluate(() => '__engineBoot' in globalThis), 20_000);
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

export function readBoot(game: Frame): Promise<EngineBoot> {
  return game.evaluate(() => ({ ...(globalThis as unknown as { __engineBoot: EngineBoot }).__engineBoot }));
}

export { expect };
