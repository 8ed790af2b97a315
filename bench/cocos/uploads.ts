/**
 * The Cocos edition's cost of showing the friend board, on the real engine (the headless build with
 * COCOS_ENGINE_DIR, docs/cocos.md), in one headless Chromium page:
 *
 *   npm run bench -- cocos
 *
 * Omar (221 friends, access allowed) on the simulator: the engine's work per frame (from its frame's
 * begin to its end, the shared canvas's upload included) and the uploads of the shared canvas per second,
 * with the board hidden (the menu, its best line settled), shown and still (after it settled), shown and
 * still but uploaded every frame as SubContextView does without assets/scripts/cocos/uploadGate.ts (the
 * baseline: the bench calls the component's own `update()` each frame), and shown while a finger scrolls
 * it. The page is not cross-origin isolated, so its clock ticks in whole milliseconds: the mean over all
 * frames is the measure, not a percentile. Prints the ratios to the hidden board and to the ungated one;
 * exits 1 when the still board uploads at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame, Page } from '@playwright/test';
import { startSimulator } from '../../simulator/index';
import { buildCocosPackage } from '../../tools/cocos/headless/buildPackage';
import { launchChromium } from '../board/benchPage';
import { quantile } from '../board/fixtures';
import { countOpenDataUploads, readUploads } from './uploadProbe';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const engineDir = process.env.COCOS_ENGINE_DIR;
const OMAR = 'sim-omar';
const MEASURE_MS = 3_000;
/** The still board's target: no upload at all once it settled. */
const STILL_UPLOADS_TARGET = 0;

interface Span {
  frames: number;
  uploads: number;
  /** The engine's work in each frame, ms. */
  work: number[];
}

/** Starts timing each engine frame from its begin to its end (once per page). */
function timeFrames(game: Frame): Promise<void> {
  return game.evaluate(() => {
    type Director = { on(event: string, handler: () => void): void };
    const global = globalThis as unknown as { cc: { director: Director }; __frameWork?: number[] };
    if (global.__frameWork) return;
    const work: number[] = [];
    global.__frameWork = work;
    let begun = 0;
    global.cc.director.on('director_begin_frame', () => {
      begun = performance.now();
    });
    global.cc.director.on('director_end_frame', () => {
      if (begun > 0) work.push(performance.now() - begun);
    });
  });
}

/** From the next frame on, the friend board's SubContextView uploads every frame (`on`), as it does ungated. */
function uploadEveryFrame(game: Frame, on: boolean): Promise<void> {
  return game.evaluate((every) => {
    type Node = { name: string; children: Node[]; getComponent(type: unknown): { update(): void } | null };
    const global = globalThis as unknown as {
      cc: {
        director: { getScene(): Node | null; on(event: string, handler: () => void): void };
        SubContextView: unknown;
      };
      __uploadEveryFrame?: boolean;
    };
    const { cc } = global;
    const installed = global.__uploadEveryFrame !== undefined;
    global.__uploadEveryFrame = every;
    if (installed) return;
    const find = (node: Node | null): Node | null =>
      node === null
        ? null
        : node.name === 'Leaderboard'
          ? node
          : (node.children.map(find).find(Boolean) ?? null);
    const view = find(cc.director.getScene())?.getComponent(cc.SubContextView);
    if (!view) throw new Error('no SubContextView on the Leaderboard node');
    cc.director.on('director_before_update', () => {
      if (global.__uploadEveryFrame) view.update();
    });
  }, on);
}

/** The frames' work timed since the last call, taken out of the page. */
const takeFrameWork = (game: Frame): Promise<number[]> =>
  game.evaluate(() => {
    const work = (globalThis as unknown as { __frameWork: number[] }).__frameWork;
    return work.splice(0, work.length);
  });

async function measure(game: Frame, ms: number, during: () => Promise<void> = async () => {}): Promise<Span> {
  await takeFrameWork(game);
  const before = await readUploads(game);
  const started = Date.now();
  await during();
  const left = ms - (Date.now() - started);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  const after = await readUploads(game);
  const work = await takeFrameWork(game);
  return { frames: after.frames - before.frames, uploads: after.uploads - before.uploads, work };
}

/** A finger dragging the board up and down for the whole span, one move per display frame or so. */
async function scrollFor(page: Page, game: Frame, ms: number): Promise<void> {
  const box = await page.locator('#game-frame').boundingBox();
  const sample = (await sampleOf(game)).surface;
  if (!box || !sample) throw new Error('no board on screen to scroll');
  const x = box.x + sample.rect.x + sample.rect.width / 2;
  const top = box.y + sample.rect.y + sample.rect.height * 0.8;
  const end = Date.now() + ms;
  await page.mouse.move(x, top);
  await page.mouse.down();
  for (let step = 0; Date.now() < end; step += 1) {
    await page.mouse.move(x, top - (step % 40 < 20 ? step % 20 : 20 - (step % 20)) * 12);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

/** The game frame once its engine runs the scene (tools/cocos/headless/boot sets `__engineBoot`). */
async function engineRunning(page: Page, gameOrigin: string): Promise<Frame> {
  const by = Date.now() + 60_000;
  for (;;) {
    const game = page.frames().find((frame) => frame.url().startsWith(`${gameOrigin}/`));
    const stage = await game
      ?.evaluate(() => (globalThis as { __engineBoot?: { stage: string } }).__engineBoot?.stage)
      .catch(() => undefined);
    if (game && stage === 'running') return game;
    if (stage === 'failed' || Date.now() > by) throw new Error(`the engine did not start (stage ${stage})`);
    await page.waitForTimeout(200);
  }
}

/** What the game reports each frame (assets/scripts/shell/sampleHook.ts): its screen and its buttons. */
type Rect = { x: number; y: number; width: number; height: number };
const sampleOf = (game: Frame) =>
  game.evaluate(
    () =>
      (
        globalThis as unknown as {
          __sample: {
            screen: string;
            buttons: Record<string, Rect>;
            surface: { view: string; rect: Rect } | null;
          };
        }
      ).__sample,
  );

/** A player's tap on one of the game's buttons, where the game reports it. */
async function tap(page: Page, game: Frame, id: string): Promise<void> {
  const box = await page.locator('#game-frame').boundingBox();
  const button = (await sampleOf(game)).buttons[id];
  if (!box || !button) throw new Error(`no button ${id} on screen`);
  await page.mouse.click(box.x + button.x + button.width / 2, box.y + button.y + button.height / 2);
}

async function main(): Promise<void> {
  if (!engineDir) {
    console.log(
      'skipped: COCOS_ENGINE_DIR is not set: the Cocos benchmark needs an engine built for bytedance (docs/cocos.md)',
    );
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'bench-cocos-'));
  const out = join(work, 'package');
  await buildCocosPackage({ root, engineDir, out });
  // Ports of its own, away from npm start's (9527-9529) and the end-to-end tests' (19527-19529).
  const simulator = await startSimulator({
    port: 29527,
    gamePort: 29528,
    contextPort: 29529,
    dataDir: join(work, 'sim'),
    packageDir: out,
  });
  const browser = await launchChromium();
  try {
    const main = simulator.urls.main;
    const call = (path: string, body: unknown) =>
      fetch(`${main}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    await call('/__sim/reset', {});
    await call('/__sim/authorization', { openId: OMAR, scopes: ['user.info.basic', 'user.friends.mutual'] });
    await call('/__sim/user', { openId: OMAR });
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    // tsx keeps function names with an `__name` helper, which the functions this script hands to
    // `evaluate` carry into the page (Playwright's own test runner does not add it).
    await page.addInitScript('globalThis.__name = (target) => target;');
    await page.goto(`${main}/`);
    const game = await engineRunning(page, simulator.urls.game);
    while ((await sampleOf(game)).screen !== 'menu') await page.waitForTimeout(100);
    await countOpenDataUploads(game);
    await timeFrames(game);
    // Warm-up: the engine's first frames compile and upload what the menu needs.
    await page.waitForTimeout(1_500);

    // Settled: a whole second without an upload (the context may still be drawing), 20 s at most.
    const settle = async () => {
      const by = Date.now() + 20_000;
      while ((await measure(game, 1_000)).uploads > 0 && Date.now() < by);
    };
    await settle();
    const hidden = await measure(game, MEASURE_MS);
    await tap(page, game, 'friend-board');
    while ((await sampleOf(game)).surface?.view !== 'board') await page.waitForTimeout(100);
    await settle();
    const still = await measure(game, MEASURE_MS);
    await uploadEveryFrame(game, true);
    const ungated = await measure(game, MEASURE_MS);
    await uploadEveryFrame(game, false);
    const scrolling = await measure(game, MEASURE_MS, () => scrollFor(page, game, MEASURE_MS - 200));

    const mean = (span: Span) => span.work.reduce((sum, ms) => sum + ms, 0) / Math.max(1, span.work.length);
    const p95 = (span: Span) => quantile(span.work, 0.95);
    const perSecond = (span: Span) => (span.uploads * 1000) / MEASURE_MS;
    const rows: [string, Span][] = [
      ['board hidden (menu)', hidden],
      ['board shown, still', still],
      ['board shown, still, uploaded every frame (ungated)', ungated],
      ['board shown, scrolling', scrolling],
    ];
    console.log(
      `Machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores; load average ${loadavg()
        .map((value) => value.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `Cocos edition (headless build, ${engineDir}), Omar with 221 friends; ${MEASURE_MS / 1000} s each; engine work per frame = its frame's begin to end\n`,
    );
    console.log('| board | frames | uploads / s | work per frame, mean | p95 | mean / hidden |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, span] of rows) {
      console.log(
        `| ${name} | ${span.frames} | ${perSecond(span).toFixed(1)} | ${mean(span).toFixed(2)} ms | ${p95(span).toFixed(0)} ms | ${(mean(span) / mean(hidden)).toFixed(2)} |`,
      );
    }
    const stillOk = still.uploads <= STILL_UPLOADS_TARGET && still.frames > 10;
    console.log(
      `\n${stillOk ? 'PASS' : 'FAIL'} still board: ${perSecond(still).toFixed(1)} uploads per second over ${still.frames} frames (target ${STILL_UPLOADS_TARGET})`,
    );
    console.log(
      `still board: ${(mean(still) / mean(ungated)).toFixed(2)} × the engine's work of the same board uploaded every frame`,
    );
    if (!stillOk) process.exitCode = 1;
  } finally {
    await browser.close();
    await simulator.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
