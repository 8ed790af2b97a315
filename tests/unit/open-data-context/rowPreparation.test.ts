/**
 * Row bitmaps drawn ahead in idle time (boardView.ts prepareNext), with a stand-in OffscreenCanvas: the
 * Node fakes have none, so the other tests see the board drawing rows straight onto the canvas.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scoreKeysFor } from '../../../assets/scripts/social/zones';
import { OpenDataContext } from '../../../openDataContext/src/openDataContext';
import { board } from '../../../openDataContext/src/theme';
import { entry, fakeHost, flush, meta, show } from './fakes';

const RULES = { keys: scoreKeysFor('default'), scoreLimit: 1_000_000 };

/** Accepts every drawing call; hands out a closable bitmap per transfer. */
class StandInOffscreenCanvas {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}
  getContext(): unknown {
    return new Proxy(
      { measureText: (text: string) => ({ width: text.length * 7 }) },
      {
        get: (target, key) => (key in target ? target[key as keyof typeof target] : () => undefined),
        set: () => true,
      },
    );
  }
  transferToImageBitmap(): { close(): void } {
    return { close() {} };
  }
}

/** 40 friends (you among them at rank 20): more rows than the 400 px surface shows. */
const friends = () =>
  Array.from({ length: 40 }, (_, index) =>
    entry(index === 20 ? 'you' : `f${index}`, `Friend ${index}`, String(5_000 - index * 10), meta(10)),
  );

async function start() {
  const host = fakeHost(friends());
  const context = new OpenDataContext(host, RULES);
  context.listen();
  host.send(show());
  await flush();
  host.runFrame();
  return { host, context };
}

/** Drags the list up by `distance` CSS px in 8 px moves, one frame each, without lifting the finger. */
function dragUp(host: ReturnType<typeof fakeHost>, distance: number) {
  let y = 300;
  let time = 1_000;
  host.send({ v: 1, type: 'pointer', phase: 'down', x: 100, y, time });
  while (distance > 0) {
    const step = Math.min(8, distance);
    y -= step;
    distance -= step;
    time += 16;
    host.send({ v: 1, type: 'pointer', phase: 'move', x: 100, y, time });
    if (host.frames.size > 0) host.runFrame(time);
  }
}

describe('rows drawn ahead in idle time', () => {
  beforeEach(() => vi.stubGlobal('OffscreenCanvas', StandInOffscreenCanvas));
  afterEach(() => vi.unstubAllGlobals());

  it('after the first frame, idle tasks draw the visible rows, yours and two beyond the bottom, one per task', async () => {
    const { host, context } = await start();
    // The first frame drew rows straight onto the canvas; their bitmaps come in idle time.
    expect(context.board.rowRenders).toBe(0);
    let tasks = 0;
    while (host.timers.size > 0) {
      const [id, task] = [...host.timers.entries()][0] ?? [];
      if (id === undefined || task === undefined) break;
      host.timers.delete(id);
      task();
      tasks += 1;
    }
    const visible = Math.ceil((400 - board.headerHeight) / board.rowHeight);
    // Visible rows (the last one partly), your pinned row, and two below: nothing above the first row.
    expect(context.board.idleRenders).toBe(visible + 1 + 2);
    expect(tasks).toBe(visible + 1 + 2);
  });

  it('a scroll frame within the rows drawn ahead only copies and queues no idle work', async () => {
    const { host, context } = await start();
    host.runTimers();
    const prepared = context.board.rowRenders;
    dragUp(host, 24);
    expect(context.board.rowRenders).toBe(prepared);
    expect(host.timers.size).toBe(0);
  });

  it('scrolling on by two rows queues idle work again, which draws the rows that came near', async () => {
    const { host, context } = await start();
    host.runTimers();
    const prepared = context.board.rowRenders;
    const idle = context.board.idleRenders;
    dragUp(host, board.rowHeight * 2 + 24);
    expect(host.timers.size).toBe(1);
    host.runTimers();
    expect(host.timers.size).toBe(0);
    // Drawn between frames, none inside them.
    expect(context.board.idleRenders - idle).toBeGreaterThan(0);
    expect(context.board.rowRenders - prepared).toBe(context.board.idleRenders - idle);
  });

  it('cancels idle work when hidden', async () => {
    const { host } = await start();
    expect(host.timers.size).toBe(1);
    host.send({ v: 1, type: 'hide' });
    expect(host.timers.size).toBe(0);
  });
});
