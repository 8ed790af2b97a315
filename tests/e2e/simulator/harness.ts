import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Frame, type Page, test } from '@playwright/test';
import { type RunningSimulator, startSimulator } from '../../../simulator/index';

/** Each simulator spec runs its own simulator on ports away from npm start's, with a throwaway data dir. */

export const ports = { port: 19527, gamePort: 19528, contextPort: 19529 };
export const fixturePackage = fileURLToPath(new URL('../../fixtures/sim-package/', import.meta.url));
export const clientKey = 'sim-fixture-client-key';
export const clientSecret = 'e2e-secret';

export interface TestSimulator {
  sim: RunningSimulator;
  dataDir: string;
  stop(): Promise<void>;
}

export async function launchSimulator(packageDir = fixturePackage): Promise<TestSimulator> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sim-e2e-'));
  const sim = await startSimulator({ ...ports, dataDir, packageDir, clientSecret });
  return {
    sim,
    dataDir,
    async stop() {
      await sim.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts one simulator for the spec file's tests and stops it after them. */
export function useSimulator(packageDir?: string | (() => string)): TestSimulator {
  let running: TestSimulator | null = null;
  test.beforeAll(async () => {
    running = await launchSimulator(typeof packageDir === 'function' ? packageDir() : packageDir);
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

export function gameFrame(page: Page): Frame {
  const frame = page
    .frames()
    .find((candidate) => candidate.url().startsWith(`http://localhost:${ports.gamePort}/`));
  if (!frame) throw new Error('game frame not found');
  return frame;
}

export function contextFrame(page: Page): Frame {
  const frame = page
    .frames()
    .find((candidate) => candidate.url().startsWith(`http://127.0.0.1:${ports.contextPort}/`));
  if (!frame) throw new Error('open data context frame not found');
  return frame;
}

/** Opens the Main Frame and waits until both frames ran their entry scripts. */
/** The seeded world again (a reset), then its Main Frame: each journey starts from the same state. */
export async function openFreshMainFrame(page: Page, main: string): Promise<{ game: Frame; context: Frame }> {
  const reset = await page.request.post(`${main}/__sim/reset`);
  if (!reset.ok()) throw new Error(`reset failed: HTTP ${reset.status()}`);
  return openMainFrame(page, main);
}

export async function openMainFrame(page: Page, main: string): Promise<{ game: Frame; context: Frame }> {
  await page.goto(`${main}/`);
  await page.waitForFunction(() => document.querySelectorAll('#phone iframe').length === 2);
  await expectEventually(() => gameFrame(page).evaluate(() => 'fixture' in globalThis));
  await expectEventually(() => contextFrame(page).evaluate(() => 'received' in globalThis));
  return { game: gameFrame(page), context: contextFrame(page) };
}

export async function expectEventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await Promise.resolve()
      .then(check)
      .catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Calls a callback-style API inside a frame and returns {ok, result}. */
export function callIn(
  frame: Frame,
  api: string,
  args: Record<string, unknown> = {},
): Promise<{ ok: boolean; result: Record<string, unknown> }> {
  return frame.evaluate(
    ([name, options]) =>
      new Promise<{ ok: boolean; result: Record<string, unknown> }>((resolve) => {
        const tt = (globalThis as unknown as { tt: Record<string, (o: unknown) => void> }).tt;
        tt[name]?.({
          ...options,
          success: (result: Record<string, unknown>) => resolve({ ok: true, result }),
          fail: (result: Record<string, unknown>) => resolve({ ok: false, result }),
        });
      }),
    [api, args] as const,
  );
}

/** The colour of a point of the game frame, given as fractions of its width and height, from a screenshot. */
export async function gamePixel(page: Page, fx: number, fy: number): Promise<[number, number, number]> {
  const box = await page.locator('#game-frame').boundingBox();
  if (!box) throw new Error('game frame not on screen');
  return pixelAt(page, Math.floor(box.x + box.width * fx), Math.floor(box.y + box.height * fy));
}

/** The colour of one CSS pixel of the page, read from a screenshot. */
export async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const { PNG } = await import('pngjs');
  const shot = PNG.sync.read(await page.screenshot({ clip: { x, y, width: 1, height: 1 } }));
  return [shot.data[0] ?? -1, shot.data[1] ?? -1, shot.data[2] ?? -1];
}

/** What the frames' globals look like to a test (type-only: used inside page.evaluate callbacks). */
export interface SimRuntime {
  getSystemInfoSync(): {
    windowWidth: number;
    windowHeight: number;
    pixelRatio: number;
    version: string;
    SDKVersion: string;
  };
  getLaunchOptionsSync(): { query: Record<string, string>; scene: string };
  getOpenDataContext(): { postMessage(data: unknown): void };
  getSharedCanvas(): { width: number; height: number; style: Record<string, string> };
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: unknown): void;
  [api: string]: unknown;
}

export interface SimWindow {
  tt: SimRuntime;
  TTMinis: { game: SimRuntime };
  GameGlobal: unknown;
  fixture: { touches: unknown[]; shows: unknown[]; launch: { query: Record<string, string> } };
  received: { type: string }[];
}

export type CallResult = { ok: boolean; result: Record<string, unknown> };

/**
 * Calls shareAppMessage the way a game does, from its touchend listener, then taps the game: the share is
 * the player's. `late`: from a promise the listener starts (a later task), as a game that awaits first does.
 * Returns the pending result (the contact picker is open by then).
 */
export async function shareFromTap(
  page: Page,
  game: Frame,
  args: Record<string, unknown>,
  { late = false } = {},
): Promise<() => Promise<CallResult>> {
  await game.evaluate(
    ([options, later]) => {
      const g = globalThis as unknown as SimWindow & { tapShare?: Promise<CallResult> };
      const tt = g.tt as unknown as Record<string, (value: unknown) => void>;
      const share = () =>
        new Promise<CallResult>((resolve) =>
          tt.shareAppMessage?.({
            ...options,
            success: (result: Record<string, unknown>) => resolve({ ok: true, result }),
            fail: (result: Record<string, unknown>) => resolve({ ok: false, result }),
          }),
        );
      const listener = () => {
        tt.offTouchEnd?.(listener);
        g.tapShare = later ? new Promise((resolve) => setTimeout(() => resolve(share()), 0)) : share();
      };
      tt.onTouchEnd?.(listener);
    },
    [args, late] as const,
  );
  const box = await page.locator('#game-frame').boundingBox();
  if (!box) throw new Error('game frame not on screen');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return () =>
    game.evaluate(
      () =>
        (globalThis as unknown as { tapShare?: Promise<CallResult> }).tapShare ??
        Promise.reject(new Error('no share started')),
    );
}

/** `tt.canIUse` of each schema, asked inside a frame. */
export function canIUseIn(frame: Frame, schemas: string[]): Promise<boolean[]> {
  return frame.evaluate(
    (list) =>
      list.map((schema) =>
        ((globalThis as unknown as SimWindow).tt.canIUse as (schema: string) => boolean)(schema),
      ),
    schemas,
  );
}
