/**
 * Runs in the benchmark page: drives this open data context (through the real platform wrapper on a
 * synchronous fake runtime) and the Layout engine on two canvases of the same size, and times them.
 * Every timed step ends with a one-pixel read, which forces the canvas to actually rasterize.
 */
import { createContextPlatform } from '../../assets/scripts/platform/context.js';
import { parseCloudScore } from '../../assets/scripts/social/cloudScore.js';
import { sanitizeDisplayName } from '../../assets/scripts/social/displayName.js';
import { rankPlayers } from '../../assets/scripts/social/ranking.js';
import { OpenDataContext } from '../../openDataContext/src/openDataContext.js';
import type { RawFriend } from '../../tests/e2e/board/fakeRuntime.js';
import { type BoardRow, type LayoutEngine, layoutStyle, layoutTemplate } from './layoutBoard.js';

const WIDTH = 320;
const HEIGHT = 480;
const DPR = 3;
const SCROLL_STEP = 9;
/** More than the context's tap-versus-drag threshold, so the next moves scroll. */
const DRAG_THRESHOLD_CLEARANCE = 12;

declare global {
  interface Window {
    Layout: LayoutEngine;
    bench: typeof bench;
  }
}

function makeCanvas(id: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.id = id;
  canvas.style.cssText = `width:${WIDTH}px;height:${HEIGHT}px`;
  document.body.appendChild(canvas);
  return canvas;
}

const flush = (canvas: HTMLCanvasElement) => canvas.getContext('2d')?.getImageData(0, 0, 1, 1);
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

/** This context, fed by a runtime that answers at once and hands its animation frames to the benchmark. */
function createOurs(canvas: HTMLCanvasElement, friends: RawFriend[]) {
  const frames: ((time: number) => void)[] = [];
  let listener: (message: unknown) => void = () => {};
  const runtime = {
    onMessage: (handler: (message: unknown) => void) => {
      listener = handler;
    },
    getSharedCanvas: () => canvas,
    createImage: () => new Image(),
    requestAnimationFrame: (callback: (time: number) => void) => frames.push(callback),
    cancelAnimationFrame: () => {},
    getFriendCloudStorage: (options: { success: (result: unknown) => void }) =>
      options.success({ data: friends }),
    shareToUser: (options: { success: (result: unknown) => void }) => options.success({}),
  };
  const platform = createContextPlatform({ globals: { tt: runtime as never } });
  const context = new OpenDataContext({ ...platform, now: () => Date.now() });
  context.listen();
  let clock = 0;
  let fingerY = 400;
  const runFrames = () => {
    const pending = frames.splice(0);
    for (const frame of pending) frame(performance.now());
  };
  return {
    context,
    async firstRender(): Promise<number> {
      const start = performance.now();
      listener({
        v: 1,
        type: 'show',
        view: 'board',
        rect: { x: 0, y: 0, width: WIDTH, height: HEIGHT },
        viewport: { width: WIDTH, height: HEIGHT },
        pixelRatio: DPR,
        you: { openId: 'you' },
        authorized: true,
      });
      // The friend data promise settles in microtasks; the frame it requests is then drawn at once.
      for (let i = 0; i < 1_000 && context.store.state.kind !== 'ready'; i += 1) await Promise.resolve();
      if (context.store.state.kind !== 'ready') throw new Error('friend data did not arrive in microtasks');
      runFrames();
      flush(canvas);
      return performance.now() - start;
    },
    /** Back to the top, fully drawn, with a finger down and past the tap threshold: ready to scroll. */
    startDrag() {
      listener({ v: 1, type: 'pointer', phase: 'cancel', x: 150, y: fingerY, time: clock });
      context.board.scroller.scrollTo(0);
      context.board.invalidateAll();
      clock += 1_000;
      fingerY = 400;
      listener({ v: 1, type: 'pointer', phase: 'down', x: 150, y: fingerY, time: clock });
      fingerY -= DRAG_THRESHOLD_CLEARANCE;
      clock += 16;
      listener({ v: 1, type: 'pointer', phase: 'move', x: 150, y: fingerY, time: clock });
      runFrames();
    },
    scrollFrame(direction: 1 | -1): number {
      const start = performance.now();
      fingerY -= direction * SCROLL_STEP;
      clock += 16;
      listener({ v: 1, type: 'pointer', phase: 'move', x: 150, y: fingerY, time: clock });
      runFrames();
      flush(canvas);
      return performance.now() - start;
    },
  };
}

/** The Layout engine's board: rows ranked and formatted the way a Layout demo does, then init + layout. */
function createLayout(canvas: HTMLCanvasElement, friends: RawFriend[]) {
  const Layout = window.Layout;
  let list: { scrollTo(left: number, top: number, animate: boolean): void } | null = null;
  let top = 0;
  return {
    firstRender(): number {
      Layout.clear();
      const start = performance.now();
      const players = friends.map((friend) => ({
        openId: friend.open_id,
        name: sanitizeDisplayName(friend.display_name),
        avatarUrl: friend.avatar_url,
        best: parseCloudScore(friend.data),
      }));
      const rows: BoardRow[] = rankPlayers(players, 'you').map((row) => ({
        rank: row.rank,
        name: row.name,
        avatarUrl: row.avatarUrl,
        score: row.best?.score ?? null,
        isYou: row.isYou,
      }));
      canvas.width = WIDTH * DPR;
      canvas.height = HEIGHT * DPR;
      Layout.updateViewPort({ x: 0, y: 0, width: WIDTH * DPR, height: HEIGHT * DPR });
      Layout.init(layoutTemplate(rows), layoutStyle(WIDTH, HEIGHT, DPR));
      Layout.layout(canvas.getContext('2d') as CanvasRenderingContext2D);
      flush(canvas);
      const elapsed = performance.now() - start;
      // Layout's own ticker would repaint on the next frames; the benchmark repaints explicitly instead.
      Layout.ticker.stop();
      list = Layout.getElementsByClassName('list')[0] as typeof list;
      top = 0;
      // Layout ignores the first scroll event of a ScrollView.
      list?.scrollTo(0, 0, false);
      return elapsed;
    },
    startDrag() {
      top = 0;
      list?.scrollTo(0, 0, false);
      Layout.repaint();
    },
    scrollFrame(direction: 1 | -1): number {
      const start = performance.now();
      top += direction * SCROLL_STEP * DPR;
      list?.scrollTo(0, top, false);
      Layout.repaint();
      flush(canvas);
      return performance.now() - start;
    },
  };
}

const bench = {
  async run(
    friends: RawFriend[],
    repetitions: number,
    scrollFrames: number,
    scrollPasses: number,
    avatarWaitMs: number,
  ) {
    const oursCanvas = makeCanvas('ours');
    const layoutCanvas = makeCanvas('layout');
    const layout = createLayout(layoutCanvas, friends);
    const first = { ours: [] as number[], layout: [] as number[] };
    let ours = createOurs(oursCanvas, friends);
    for (let i = 0; i < repetitions; i += 1) {
      ours = createOurs(oursCanvas, friends);
      first.ours.push(await ours.firstRender());
      await settle();
      first.layout.push(layout.firstRender());
      // Layout requests every avatar of the board at once; let those loads finish before the next timing.
      await settle();
    }
    // Scroll with avatars loaded, as a player would after the first second.
    await new Promise((resolve) => setTimeout(resolve, avatarWaitMs));
    // The same scroll path `passes` times, frames of both engines interleaved so that both meet the same
    // machine noise. Per frame, the fastest pass is its cost without preemption by other processes.
    const passes = { ours: [] as number[][], layout: [] as number[][] };
    for (let pass = 0; pass < scrollPasses; pass += 1) {
      ours.startDrag();
      layout.startDrag();
      const times = { ours: [] as number[], layout: [] as number[] };
      for (let i = 0; i < scrollFrames; i += 1) {
        const direction = i < scrollFrames / 2 ? 1 : -1;
        times.ours.push(ours.scrollFrame(direction));
        times.layout.push(layout.scrollFrame(direction));
      }
      passes.ours.push(times.ours);
      passes.layout.push(times.layout);
      await nextTask();
    }
    const fastest = (runs: number[][]) =>
      (runs[0] ?? []).map((_, frame) =>
        Math.min(...runs.map((run) => run[frame] ?? Number.POSITIVE_INFINITY)),
      );
    const scroll = { ours: fastest(passes.ours), layout: fastest(passes.layout) };
    const firstPass = { ours: passes.ours[0] ?? [], layout: passes.layout[0] ?? [] };
    oursCanvas.remove();
    layoutCanvas.remove();
    return { first, scroll, firstPass, rowRenders: ours.context.board.rowRenders };
  },
};

window.bench = bench;
