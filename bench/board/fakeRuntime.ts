/**
 * A stand-in for the open data context's runtime (`tt`, `TTMinis.game`, `GameGlobal`) on a real canvas in
 * Chromium, for tests that need pixels without the whole simulator, and for the benchmark. It records
 * what the context asks for: animation frames, friend data calls, shares, and the text of each frame.
 *
 * `installFakeRuntime` is serialized into the page by Playwright, so it may use nothing from its module.
 */

export interface RawFriend {
  open_id: string;
  display_name: string;
  avatar_url: string;
  data: { key: string; value: string }[];
}

export interface FakeConfig {
  friends: RawFriend[];
  /** Platform APIs that fail, with the reason they fail with. */
  failApis: Record<string, string>;
  latencyMs: number;
  shareFails: boolean;
}

export interface FakeState {
  config: FakeConfig;
  listener: ((message: unknown) => void) | null;
  framesRequested: number;
  friendCalls: number;
  shares: Record<string, unknown>[];
  /** Text drawn during the frame being drawn, then during the last complete frame. */
  drawing: string[];
  lastFrame: string[];
  /** Every text drawn since the page opened, in order. */
  everything: string[];
  /** How many texts were drawn inside animation frames; the rest were drawn in idle time. */
  textsInFrames: number;
  inFrame: boolean;
  canvas: HTMLCanvasElement;
}

export function installFakeRuntime(config: FakeConfig): void {
  const canvas = document.createElement('canvas');
  canvas.id = 'shared';
  canvas.style.position = 'absolute';
  const state: FakeState = {
    config,
    listener: null,
    framesRequested: 0,
    friendCalls: 0,
    shares: [],
    drawing: [],
    lastFrame: [],
    everything: [],
    textsInFrames: 0,
    inFrame: false,
    canvas,
  };
  const page = window as unknown as Record<string, unknown>;
  page.__fake = state;
  const attach = () => document.body.appendChild(canvas);
  if (document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach);

  // Row bitmaps are drawn on OffscreenCanvas: record text drawn on either kind of canvas.
  const prototypes = [
    CanvasRenderingContext2D.prototype,
    globalThis.OffscreenCanvasRenderingContext2D?.prototype,
  ];
  for (const prototype of prototypes) {
    if (prototype === undefined) continue;
    const fillText = prototype.fillText;
    prototype.fillText = function (
      this: CanvasRenderingContext2D,
      text: string,
      x: number,
      y: number,
      maxWidth?: number,
    ) {
      state.drawing.push(String(text));
      state.everything.push(String(text));
      if (state.inFrame) state.textsInFrames += 1;
      if (maxWidth === undefined) fillText.call(this, text, x, y);
      else fillText.call(this, text, x, y, maxWidth);
    };
  }

  type Callbacks = { success?: (result: unknown) => void; fail?: (failure: unknown) => void };
  const answer = (api: string, options: Callbacks, result: () => unknown) => {
    window.setTimeout(() => {
      const reason = state.config.failApis[api];
      if (reason !== undefined) {
        options.fail?.({
          errMsg: `${api}:fail ${reason}`,
          errNo: 10001,
          error: { error_code: 10001, error_msg: reason },
        });
      } else {
        options.success?.(result());
      }
    }, state.config.latencyMs);
  };

  const runtime = {
    onMessage(listener: (message: unknown) => void) {
      state.listener = listener;
    },
    getSharedCanvas: () => canvas,
    createImage: () => new Image(),
    requestAnimationFrame(callback: (time: number) => void) {
      state.framesRequested += 1;
      return window.requestAnimationFrame((time) => {
        state.drawing = [];
        state.inFrame = true;
        try {
          callback(time);
        } finally {
          state.inFrame = false;
        }
        state.lastFrame = state.drawing;
      });
    },
    cancelAnimationFrame: (id: number) => window.cancelAnimationFrame(id),
    setTimeout: (callback: () => void, ms: number) => window.setTimeout(callback, ms),
    clearTimeout: (id: number) => window.clearTimeout(id),
    // The player's own cloud storage is the row of the friend list whose open_id is "you".
    getUserCloudStorage(options: Callbacks & { keyList: string[] }) {
      const you = state.config.friends.find((row) => row.open_id === 'you');
      answer('getUserCloudStorage', options, () => ({
        data: (you?.data ?? []).filter((item) => options.keyList.includes(item.key)),
      }));
    },
    setUserCloudStorage(options: Callbacks & { data: { key: string; value: string }[] }) {
      answer('setUserCloudStorage', options, () => {
        const you = state.config.friends.find((row) => row.open_id === 'you');
        if (you) {
          const keys = new Set(options.data.map((item) => item.key));
          you.data = [...you.data.filter((item) => !keys.has(item.key)), ...options.data];
        }
        return {};
      });
    },
    getFriendCloudStorage(options: Callbacks) {
      state.friendCalls += 1;
      answer('getFriendCloudStorage', options, () => ({ data: state.config.friends }));
    },
    shareToUser(options: Callbacks & Record<string, unknown>) {
      const { success: _success, fail: _fail, ...card } = options;
      state.shares.push(card);
      if (state.config.shareFails) {
        options.fail?.({ errMsg: 'shareToUser:fail not a mutual follower' });
      } else {
        answer('shareToUser', options, () => ({}));
      }
    },
  };
  page.tt = runtime;
  page.TTMinis = { game: runtime };
  page.GameGlobal = window;
}
