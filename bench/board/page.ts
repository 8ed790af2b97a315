/**
 * Runs in the benchmark page: drives this open data context (through the real platform wrapper on a
 * fake runtime that answers at once) and the Layout engine on two canvases of the same size, and a copy
 * floor on a third, and times them. Every timed step ends with a one-pixel read, which forces the canvas
 * to actually rasterize.
 */
import { createContextPlatform } from '../../assets/scripts/platform/context';
import { parseCloudScore } from '../../assets/scripts/social/cloudScore';
import { sanitizeDisplayName } from '../../assets/scripts/social/displayName';
import { rankPlayers } from '../../assets/scripts/social/ranking';
import { scoreKeysFor } from '../../assets/scripts/social/zones';
import { OpenDataContext } from '../../openDataContext/src/openDataContext';
import { board } from '../../openDataContext/src/theme';
import { BOARD_DPR, BOARD_HEIGHT, BOARD_WIDTH, showBoard } from './boardShow';
import type { RawFriend } from './fakeRuntime';
import { type BoardRow, type LayoutEngine, layoutStyle, layoutTemplate } from './layoutBoard';

/** The fake friends carry the guide's key names, the default zone's. */
const BENCH_RULES = { keys: scoreKeysFor('default'), scoreLimit: 1_000_000 };

const WIDTH = BOARD_WIDTH;
const HEIGHT = BOARD_HEIGHT;
const DPR = BOARD_DPR;
const SCROLL_STEP = 9;
/**
 * A finger stays on the list (44-424 CSS px, above the pinned row): it scrolls in strokes of this many
 * frames, 180 px, then lifts and lands again, as a thumb does.
 */
const STROKE_FRAMES = 20;
/** Where a stroke lands: low on the list to scroll down, high to scroll up. */
const strokeStart = (direction: 1 | -1) => (direction === 1 ? 412 : 88);
/** More than either engine's tap-versus-drag threshold, so the stroke's next moves scroll. */
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
    setTimeout: (callback: () => void, ms: number) => window.setTimeout(callback, ms),
    clearTimeout: (id: number) => window.clearTimeout(id),
    getFriendCloudStorage: (options: { success: (result: unknown) => void }) =>
      options.success({ data: friends }),
    shareToUser: (options: { success: (result: unknown) => void }) => options.success({}),
  };
  const platform = createContextPlatform({ globals: { tt: runtime as never } });
  const context = new OpenDataContext({ ...platform, now: () => Date.now() }, BENCH_RULES);
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
      listener(showBoard());
      // The friend data promise settles in microtasks; the frame it requests is then drawn at once.
      for (let i = 0; i < 1_000 && context.store.state.kind !== 'ready'; i += 1) await Promise.resolve();
      if (context.store.state.kind !== 'ready') throw new Error('friend data did not arrive in microtasks');
      runFrames();
      flush(canvas);
      return performance.now() - start;
    },
    scrolled: () => context.board.scroller.offset,
    /** Back to the top; the next frame repaints everything. */
    startPass() {
      listener({ v: 1, type: 'pointer', phase: 'cancel', x: 150, y: fingerY, time: clock });
      context.board.scroller.scrollTo(0);
      context.board.invalidateAll();
    },
    /** The finger lifts (without a fling), lands again and passes the tap threshold. */
    startStroke(direction: 1 | -1) {
      listener({ v: 1, type: 'pointer', phase: 'cancel', x: 150, y: fingerY, time: clock });
      clock += 1_000;
      fingerY = strokeStart(direction);
      listener({ v: 1, type: 'pointer', phase: 'down', x: 150, y: fingerY, time: clock });
      fingerY -= direction * DRAG_THRESHOLD_CLEARANCE;
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

/**
 * The Layout engine's board, driven the way a Layout board runs in a mini game: rows ranked and formatted
 * the way a Layout demo does, then init + layout; the finger goes through Layout's own input handling
 * (it listens on `document` in a browser), and each frame is one tick of Layout's frame loop, which
 * repaints what the input changed. The loop is ticked here instead of by its own animation frames, so
 * that the frame's work can be timed.
 */
function createLayout(canvas: HTMLCanvasElement, friends: RawFriend[]) {
  const Layout = window.Layout;
  // Device pixels: Layout's viewport is the canvas itself (set in firstRender), at this page's ratio 1.
  const fingerX = 200 * DPR;
  let fingerY = 400 * DPR;
  const mouse = (type: 'mousedown' | 'mousemove', y: number) =>
    document.dispatchEvent(new MouseEvent(type, { clientX: fingerX, clientY: y, bubbles: true }));
  // Layout flings when a finger lifts within 100 ms of its last move (by the event's time stamp); the
  // benchmark's finger lifts later, so no inertia runs into the next stroke's frames.
  const lift = () =>
    document.onmouseup?.({
      pageX: fingerX,
      pageY: fingerY,
      timeStamp: performance.now() + 1_000,
    } as MouseEvent);
  const tick = () => {
    Layout.ticker.update();
    // `update` queues its next frame itself; the benchmark decides when frames happen.
    if (Layout.ticker.animationId !== null) cancelAnimationFrame(Layout.ticker.animationId);
    Layout.ticker.animationId = null;
  };
  let list: { scrollTo(left: number, top: number, animate: boolean): void; scrollTop: number } | null = null;
  return {
    firstRender(): number {
      Layout.clear();
      const start = performance.now();
      const players = friends.map((friend) => ({
        openId: friend.open_id,
        name: sanitizeDisplayName(friend.display_name),
        avatarUrl: friend.avatar_url,
        best: parseCloudScore(friend.data, BENCH_RULES.keys, BENCH_RULES.scoreLimit),
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
      Layout.ticker.stop();
      // Layout finishes its set-up in the next frames (scroll bars, then the reflow they cause); a real
      // board does it too, before anyone scrolls. Not counted in the first render.
      tick();
      tick();
      list = Layout.getElementsByClassName('list')[0] as typeof list;
      // Layout ignores the first scroll event of a ScrollView.
      list?.scrollTo(0, 0, false);
      return elapsed;
    },
    startPass() {
      lift();
      list?.scrollTo(0, 0, false);
      tick();
    },
    /** How far the list is scrolled, CSS px. */
    scrolled: () => (list?.scrollTop ?? 0) / DPR,
    startStroke(direction: 1 | -1) {
      lift();
      fingerY = strokeStart(direction) * DPR;
      mouse('mousedown', fingerY);
      fingerY -= direction * DRAG_THRESHOLD_CLEARANCE * DPR;
      mouse('mousemove', fingerY);
      tick();
    },
    scrollFrame(direction: 1 | -1): number {
      const start = performance.now();
      fingerY -= direction * SCROLL_STEP * DPR;
      mouse('mousemove', fingerY);
      tick();
      flush(canvas);
      return performance.now() - start;
    },
  };
}

/**
 * The least any board can do in a scroll frame: copy the list area's pixels once, from rows already
 * drawn, into a canvas of the same size. Not a board; the yardstick both engines are also compared with.
 */
function createCopyFloor(canvas: HTMLCanvasElement) {
  canvas.width = WIDTH * DPR;
  canvas.height = HEIGHT * DPR;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  const rowHeight = board.rowHeight * DPR;
  const listTop = board.headerHeight * DPR;
  const rows = Array.from({ length: 12 }, (_, index) => {
    const row = new OffscreenCanvas(canvas.width, rowHeight);
    const rowCtx = row.getContext('2d') as unknown as CanvasRenderingContext2D;
    rowCtx.fillStyle = index % 2 === 0 ? '#17162b' : '#1c1b33';
    rowCtx.fillRect(0, 0, row.width, rowHeight);
    rowCtx.fillStyle = '#ffffff';
    rowCtx.font = `${15 * DPR}px sans-serif`;
    rowCtx.fillText(`Row ${index}`, 100 * DPR, rowHeight / 2);
    return row.transferToImageBitmap();
  });
  let offset = 0;
  return {
    startPass() {
      offset = 0;
    },
    startStroke() {},
    scrollFrame(direction: 1 | -1): number {
      const start = performance.now();
      offset = Math.max(0, offset + direction * SCROLL_STEP * DPR);
      const skip = offset % rowHeight;
      let index = Math.floor(offset / rowHeight);
      const top = rows[index % rows.length] as ImageBitmap;
      ctx.drawImage(top, 0, skip, canvas.width, rowHeight - skip, 0, listTop, canvas.width, rowHeight - skip);
      for (let y = listTop + rowHeight - skip; y < canvas.height; y += rowHeight) {
        index += 1;
        ctx.drawImage(rows[index % rows.length] as ImageBitmap, 0, y);
      }
      flush(canvas);
      return performance.now() - start;
    },
  };
}

type Engine = 'ours' | 'layout' | 'floor';
const ENGINES: readonly Engine[] = ['ours', 'layout', 'floor'];
const series = (): Record<Engine, number[]> => ({ ours: [], layout: [], floor: [] });

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
    const floorCanvas = makeCanvas('floor');
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
    const engines = { ours, layout, floor: createCopyFloor(floorCanvas) };
    // The same scroll path `passes` times, frames of the engines interleaved so that all meet the same
    // machine noise. Per frame, the fastest pass is its cost without preemption by other processes.
    // Needs at least as many passes as engines.
    const passes: Record<Engine, number[][]> = { ours: [], layout: [], floor: [] };
    // Row bitmaps this context drew inside timed frames, and ahead of need between them.
    let rowsInFrames = 0;
    // How far down each board had scrolled when the finger turned, CSS px, per pass.
    const turns: { ours: number; layout: number }[] = [];
    const idleBefore = ours.context.board.idleRenders;
    for (let pass = 0; pass < scrollPasses; pass += 1) {
      for (const engine of ENGINES) engines[engine].startPass();
      const times = series();
      for (let i = 0; i < scrollFrames; i += 1) {
        const direction = i < scrollFrames / 2 ? 1 : -1;
        if (i % STROKE_FRAMES === 0) for (const engine of ENGINES) engines[engine].startStroke(direction);
        // The first canvas drawn after a pause pays for the pause (cold caches), so the engines take
        // turns at going first, and each frame's fastest pass sees every engine in every position.
        for (let turn = 0; turn < ENGINES.length; turn += 1) {
          const engine = ENGINES[(pass + i + turn) % ENGINES.length] as Engine;
          const rowsBefore = ours.context.board.rowRenders;
          times[engine].push(engines[engine].scrollFrame(direction));
          if (engine === 'ours') rowsInFrames += ours.context.board.rowRenders - rowsBefore;
        }
        // The gap until the next display frame, where idle-time work runs (on a phone, ~16 ms of it).
        await nextTask();
        if (i === scrollFrames / 2 - 1) turns.push({ ours: ours.scrolled(), layout: layout.scrolled() });
      }
      for (const engine of ENGINES) passes[engine].push(times[engine]);
    }
    const rowsIdle = ours.context.board.idleRenders - idleBefore;
    const fastest = (runs: number[][]) =>
      (runs[0] ?? []).map((_, frame) =>
        Math.min(...runs.map((run) => run[frame] ?? Number.POSITIVE_INFINITY)),
      );
    const scroll = series();
    const firstPass = series();
    for (const engine of ENGINES) {
      scroll[engine] = fastest(passes[engine]);
      firstPass[engine] = passes[engine][0] ?? [];
    }
    for (const canvas of [oursCanvas, layoutCanvas, floorCanvas]) canvas.remove();
    return { first, scroll, firstPass, rowsInFrames, rowsIdle, frames: scrollFrames * scrollPasses, turns };
  },
};

window.bench = bench;
