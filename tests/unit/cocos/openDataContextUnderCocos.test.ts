/**
 * The open data context as a Cocos build ships it (the bundle of openDataContext/src, copied through
 * build-templates/), fed what it receives under Cocos: SubContextView's `{type: 'engine', event:
 * 'viewport'}` messages mixed with the game's own protocol. It must draw exactly what it draws when it
 * gets the protocol alone.
 */
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GAME_ZONE } from '../../../assets/scripts/platform/buildConfig';
import { scoreKeysFor } from '../../../assets/scripts/social/zones';
import { bundleOpenDataContext } from '../../../tools/openDataContextBundle';

/** The bundle is a development build: zone `test`. */
const KEYS = scoreKeysFor(GAME_ZONE);

type Op = (string | number | boolean | null)[];

/** Four named players, then enough others that the board has to scroll. */
const FRIENDS = [
  { open_id: 'me', display_name: 'Me', score: 950 },
  { open_id: 'f-ada', display_name: 'Ada', score: 1200 },
  { open_id: 'f-bo', display_name: 'Bo', score: 700 },
  { open_id: 'f-cy', display_name: 'Cy', score: 1010 },
  ...Array.from({ length: 30 }, (_, i) => ({
    open_id: `f-${i}`,
    display_name: `Friend ${i}`,
    score: 600 - i * 10,
  })),
].map(({ open_id, display_name, score }) => ({
  open_id,
  display_name,
  avatar_url: '',
  data: [
    { key: KEYS.score, value: String(score) },
    { key: KEYS.meta, value: JSON.stringify({ v: 1, level: 2, achievedAt: 1_700_000_000_000 }) },
  ],
}));

const RECT = { x: 20, y: 50, width: 320, height: 500 };
const SHOW = {
  v: 1,
  type: 'show',
  view: 'board',
  rect: RECT,
  viewport: { width: 360, height: 640 },
  pixelRatio: 2,
  you: { openId: 'me' },
  authorized: true,
};
/** What SubContextView posts for the same node: same size, y counted from the viewport's bottom. */
const ENGINE = { fromEngine: true, type: 'engine', event: 'viewport', x: 20, y: 90, width: 320, height: 500 };

const simplify = (value: unknown): string | number | boolean | null =>
  typeof value === 'number'
    ? Math.round(value * 1000) / 1000
    : typeof value === 'string' || typeof value === 'boolean' || value === null
      ? value
      : typeof value;

/** A fake `tt` of the open data context with a shared canvas whose 2d context records every call. */
function fakeContextRuntime() {
  const ops: Op[] = [];
  const props: Record<string | symbol, unknown> = {};
  const ctx = new Proxy(props, {
    get: (target, key) => {
      if (key === 'measureText') return (text: string) => ({ width: String(text).length * 7 });
      if (key in target) return target[key];
      return (...args: unknown[]) => {
        ops.push([String(key), ...args.map(simplify)]);
        return { addColorStop: () => undefined };
      };
    },
    set: (target, key, value) => {
      target[key] = value;
      ops.push([String(key), '=', simplify(value)]);
      return true;
    },
  });
  const canvas = { width: 300, height: 150, style: {} as Record<string, string>, getContext: () => ctx };
  const frames = new Map<number, (time: number) => void>();
  let nextFrame = 1;
  let listener: ((message: unknown) => void) | null = null;
  const tt = {
    onMessage: (callback: (message: unknown) => void) => {
      listener = callback;
    },
    getSharedCanvas: () => canvas,
    getSystemInfoSync: () => ({ pixelRatio: 2, windowWidth: 360, windowHeight: 640 }),
    createImage: () => ({ src: '', width: 0, height: 0, onload: null, onerror: null }),
    requestAnimationFrame: (callback: (time: number) => void) => {
      frames.set(nextFrame, callback);
      return nextFrame++;
    },
    cancelAnimationFrame: (id: number) => frames.delete(id),
    setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
    clearTimeout: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
    getFriendCloudStorage: (options: { success?: (result: unknown) => void; complete?: () => void }) => {
      queueMicrotask(() => {
        options.success?.({ data: structuredClone(FRIENDS) });
        options.complete?.();
      });
    },
    getUserCloudStorage: (options: { success?: (result: unknown) => void }) =>
      queueMicrotask(() => options.success?.({ data: [] })),
    shareToUser: (options: { success?: (result: unknown) => void }) =>
      queueMicrotask(() => options.success?.({})),
  };
  let clock = 10_000;
  return {
    tt,
    canvas,
    ops,
    send: (message: unknown) => listener?.(message),
    /** Runs pending animation frames (and the promises between them) until none is left. */
    async settle(): Promise<Op[]> {
      let lastFrame: Op[] = [];
      for (let round = 0; round < 1000; round++) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        const pending = [...frames.entries()];
        if (pending.length === 0) return lastFrame;
        for (const [id, callback] of pending) {
          frames.delete(id);
          const start = ops.length;
          clock += 16;
          callback(clock);
          if (ops.length > start) lastFrame = ops.slice(start);
        }
      }
      throw new Error('the open data context kept requesting frames');
    },
  };
}

let bundle = '';

function startContext() {
  const runtime = fakeContextRuntime();
  const sandbox: Record<string, unknown> = {
    tt: runtime.tt,
    setTimeout,
    clearTimeout,
    console,
    queueMicrotask,
    structuredClone,
  };
  sandbox.GameGlobal = sandbox;
  runInNewContext(bundle, sandbox);
  const stats = () => sandbox.__openDataContextStats as { messages: number; ignored: number; frames: number };
  return { ...runtime, stats };
}

const drag = (y: number, phase: string, time: number) => ({ v: 1, type: 'pointer', phase, x: 160, y, time });

beforeAll(async () => {
  bundle = await bundleOpenDataContext();
});

describe('open data context under Cocos SubContextView', () => {
  it('draws the board the same with engine viewport messages mixed in as with the protocol alone', async () => {
    const alone = startContext();
    alone.send(SHOW);
    const aloneFrame = await alone.settle();

    const cocos = startContext();
    cocos.send(ENGINE); // SubContextView posts when its node is enabled, before the game's show
    cocos.send(SHOW);
    cocos.send(ENGINE); // and again when the node's transform settles
    await cocos.settle();
    cocos.send(ENGINE);
    const cocosFrame = await cocos.settle();

    expect(cocos.stats().ignored).toBe(0);
    expect(aloneFrame.length).toBeGreaterThan(20);
    expect(cocosFrame).toEqual(aloneFrame);
    expect([cocos.canvas.width, cocos.canvas.height]).toEqual([640, 1000]);
    const names = cocosFrame.filter((op) => op[0] === 'fillText').map((op) => op[1]);
    const order = ['Ada', 'Cy', 'Bo'].map((name) => names.indexOf(name));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('scrolls the same when engine messages arrive in the middle of a drag', async () => {
    const texts = (frame: Op[]) => frame.filter((op) => op[0] === 'fillText').map((op) => op[1]);
    const runs = [false, true].map(async (withEngine) => {
      const context = startContext();
      if (withEngine) context.send(ENGINE);
      context.send(SHOW);
      const before = await context.settle();
      context.send(drag(450, 'down', 20_000));
      if (withEngine) context.send(ENGINE);
      context.send(drag(300, 'move', 20_050));
      if (withEngine) context.send(ENGINE);
      context.send(drag(150, 'move', 20_100));
      context.send(drag(150, 'up', 20_120));
      return { before, after: await context.settle() };
    });
    const [alone, cocos] = await Promise.all(runs);
    expect(cocos?.after).toEqual(alone?.after);
    // The drag really moved the list: the last frame shows rows the first one did not.
    const newRows = texts(alone?.after ?? []).filter((text) => !texts(alone?.before ?? []).includes(text));
    expect(newRows.length).toBeGreaterThan(0);
  });

  it('stops drawing on hide even if the engine keeps reporting the viewport', async () => {
    const context = startContext();
    context.send(SHOW);
    await context.settle();
    const framesBefore = context.stats().frames;
    context.send({ v: 1, type: 'hide' });
    context.send(ENGINE);
    expect(await context.settle()).toEqual([]);
    expect(context.stats().frames).toBe(framesBefore);
  });
});
