/** A fake platform for the open data context in Node: a recording 2d context and controllable APIs. */
import { AUTHORIZATION_CODES, PlatformError } from '../../../assets/scripts/platform/errors';
import type {
  ContextHost,
  FriendCloudEntry,
  PlatformImage,
  SharedCanvas,
} from '../../../openDataContext/src/host';

export interface FakeHost extends ContextHost {
  texts: string[];
  frames: Map<number, (time: number) => void>;
  framesRequested: number;
  /** Idle-time tasks the context queued; tests run them with `runTimers`. */
  timers: Map<number, () => void>;
  friendCalls: number;
  shares: { openId: string; title?: string; subtitle?: string; imageUrl: string; query?: string }[];
  /** The player's own cloud storage, as getUserCloudStorage reads it and setUserCloudStorage writes it. */
  cloud: { key: string; value: string }[];
  cloudReads: number;
  cloudWrites: { key: string; value: string }[][];
  /** Replace to make reads or writes fail, or to answer later. */
  readCloud: () => Promise<void>;
  writeCloud: (data: { key: string; value: string }[]) => Promise<void>;
  images: PlatformImage[];
  canvas: SharedCanvas;
  clock: number;
  listener: ((message: unknown) => void) | null;
  answer: () => Promise<{ friends: FriendCloudEntry[]; dropped: number }>;
  shareResult: () => Promise<void>;
  /** Runs the pending animation frame at `time`. */
  runFrame(time?: number): void;
  /** Runs the queued tasks, and those they queue, until none is left. */
  runTimers(): void;
  send(message: unknown): void;
}

export function fakeHost(friends: FriendCloudEntry[] = []): FakeHost {
  const texts: string[] = [];
  const ctx = new Proxy(
    {
      measureText: (text: string) => ({ width: text.length * 7 }),
      fillText: (text: string) => {
        texts.push(text);
      },
    } as Record<string | symbol, unknown>,
    {
      get: (target, key) => (key in target ? target[key] : () => undefined),
      set: (target, key, value) => {
        target[key] = value;
        return true;
      },
    },
  ) as unknown as CanvasRenderingContext2D;
  const canvas: SharedCanvas = { width: 300, height: 150, style: {}, getContext: () => ctx };
  let nextFrame = 1;
  let nextTimer = 1;
  const host: FakeHost = {
    texts,
    frames: new Map(),
    framesRequested: 0,
    timers: new Map(),
    friendCalls: 0,
    shares: [],
    cloud: [],
    cloudReads: 0,
    cloudWrites: [],
    readCloud: async () => undefined,
    writeCloud: async () => undefined,
    images: [],
    canvas,
    clock: 1_000_000,
    listener: null,
    answer: async () => ({ friends, dropped: 0 }),
    shareResult: async () => undefined,
    onMessage(listener) {
      host.listener = listener;
    },
    getSharedCanvas: () => canvas,
    createImage() {
      const image: PlatformImage = { src: '', width: 0, height: 0, onload: null, onerror: null };
      host.images.push(image);
      return image;
    },
    requestAnimationFrame(callback) {
      host.framesRequested += 1;
      const id = nextFrame++;
      host.frames.set(id, callback);
      return id;
    },
    cancelAnimationFrame(id) {
      host.frames.delete(id);
    },
    setTimeout(callback) {
      const id = nextTimer++;
      host.timers.set(id, callback);
      return id;
    },
    clearTimeout(id) {
      host.timers.delete(id);
    },
    async getFriendCloudStorage() {
      host.friendCalls += 1;
      return host.answer();
    },
    async getUserCloudStorage(keyList) {
      host.cloudReads += 1;
      await host.readCloud();
      return host.cloud.filter((item) => keyList.includes(item.key)).map((item) => ({ ...item }));
    },
    async setUserCloudStorage(data) {
      await host.writeCloud(data);
      host.cloudWrites.push(data.map((item) => ({ ...item })));
      for (const item of data) {
        host.cloud = [...host.cloud.filter((stored) => stored.key !== item.key), { ...item }];
      }
    },
    async shareToUser(options) {
      host.shares.push(options);
      return host.shareResult();
    },
    now: () => host.clock,
    runFrame(time = 0) {
      const [id, callback] = [...host.frames.entries()][0] ?? [];
      if (id === undefined || callback === undefined) throw new Error('no animation frame was requested');
      host.frames.delete(id);
      texts.length = 0;
      callback(time);
    },
    runTimers() {
      for (let guard = 0; host.timers.size > 0; guard += 1) {
        if (guard > 1_000) throw new Error('idle tasks keep queueing more tasks');
        const [id, callback] = [...host.timers.entries()][0] ?? [];
        if (id === undefined || callback === undefined) return;
        host.timers.delete(id);
        callback();
      }
    },
    send(message) {
      host.listener?.(message);
    },
  } as FakeHost;
  return host;
}

export const entry = (
  openId: string,
  displayName: string,
  score: string | null,
  meta?: string,
): FriendCloudEntry => ({
  openId,
  displayName,
  avatarUrl: `https://avatars.test/${openId}.png`,
  data: [
    ...(score === null ? [] : [{ key: 'highScore', value: score }]),
    ...(meta === undefined ? [] : [{ key: 'highScoreMeta', value: meta }]),
  ],
});

export const meta = (achievedAt: number, level = 1): string => JSON.stringify({ v: 1, level, achievedAt });

/** The player's own stored best, in the shape the game writes it. */
export const storedBest = (score: string, achievedAt = 10) => [
  { key: 'highScore', value: score },
  { key: 'highScoreMeta', value: meta(achievedAt) },
];

export const authFailure = () =>
  new PlatformError('getFriendCloudStorage', 'failed', 'scope not granted', AUTHORIZATION_CODES.notGranted);

export const show = (fields: Record<string, unknown> = {}) => ({
  v: 1,
  type: 'show',
  view: 'board',
  rect: { x: 20, y: 100, width: 320, height: 400 },
  viewport: { width: 360, height: 640 },
  pixelRatio: 3,
  you: { openId: 'you' },
  authorized: true,
  ...fields,
});

export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The cloud writes of the best keeper: those of the player tag (playerTag.ts) left out. */
export function scoreWrites(host: { cloudWrites: { key: string; value: string }[][] }) {
  return host.cloudWrites.filter((write) => !write.every((item) => item.key === 'playerTag'));
}
