import { Bridge } from '../shared/bridge';
import { failShape, settle, splitCallbacks } from '../shared/callbacks';
import { type ContextStats, type FrameInit, wrongDomainMessage } from '../shared/wire';
import { FrameCommitter } from './commits';
import { createSharedCanvas } from './sharedCanvas';

/**
 * The open data context runtime: `tt`, `TTMinis.game` and `GameGlobal`, with the open data
 * context APIs only. It can reach the Main Frame and nothing else (the page's CSP forbids fetch).
 */

declare global {
  interface Window {
    __SIM_CONFIG__: { mainOrigin: string; entry: string };
  }
}

const config = window.__SIM_CONFIG__;
const bridge = new Bridge(config.mainOrigin);
const stats: ContextStats = { animationFramesRequested: 0, framesCommitted: 0, messagesDelivered: 0 };
let statsTimer: number | undefined;

function reportStats(): void {
  // Coalesced with a timer, not a frame request, so reporting never counts as animation.
  if (statsTimer !== undefined) return;
  statsTimer = window.setTimeout(() => {
    statsTimer = undefined;
    bridge.send({ kind: 'stats', stats: { ...stats } });
  }, 50);
}

function forwarded(api: string) {
  return (options?: unknown) => bridge.call(api, options);
}

function gameOnly(api: string) {
  return () => {
    throw new Error(wrongDomainMessage(api, 'game'));
  };
}

function install(init: FrameInit): void {
  const listeners = new Set<(data: unknown) => void>();
  const queued: unknown[] = [];
  let committer: FrameCommitter | undefined;
  const shared = createSharedCanvas(init.sharedCanvas, {
    onDirty: () => committer?.markDirty(),
    onLayout: (patch) => bridge.send({ kind: 'sharedCanvas', ...patch }),
  });
  committer = new FrameCommitter(
    shared.canvas,
    (png) => bridge.send({ kind: 'commit', png }, [png]),
    stats,
    reportStats,
  );

  const deliver = (data: unknown) => {
    stats.messagesDelivered++;
    reportStats();
    for (const listener of listeners) listener(data);
  };
  bridge.on('message', (message) => {
    if (listeners.size === 0) queued.push(message.data);
    else deliver(message.data);
  });
  bridge.on('sharedCanvas', (message) => shared.adopt(message.state));

  const tt = {
    onMessage(listener: unknown) {
      if (typeof listener !== 'function') throw new TypeError('onMessage: listener must be a function');
      listeners.add(listener as (data: unknown) => void);
      // Messages sent before the first listener existed are delivered now, in order.
      for (const data of queued.splice(0)) deliver(data);
    },
    offMessage(listener: unknown) {
      listeners.delete(listener as (data: unknown) => void);
    },
    requestAnimationFrame(callback: FrameRequestCallback): number {
      stats.animationFramesRequested++;
      reportStats();
      return window.requestAnimationFrame(callback);
    },
    cancelAnimationFrame: (id: number) => window.cancelAnimationFrame(id),
    setTimeout: (callback: () => void, ms?: number) => window.setTimeout(callback, ms),
    clearTimeout: (id: number) => window.clearTimeout(id),
    getSharedCanvas: () => shared.canvas,
    createImage(): HTMLImageElement {
      const image = new Image();
      // Avatars are served with CORS, so drawing them keeps the shared canvas exportable.
      image.crossOrigin = 'anonymous';
      return image;
    },
    getSystemInfoSync: () => structuredClone(init.systemInfo),
    getUserCloudStorage: forwarded('getUserCloudStorage'),
    setUserCloudStorage: forwarded('setUserCloudStorage'),
    removeUserCloudStorage: forwarded('removeUserCloudStorage'),
    getFriendCloudStorage: forwarded('getFriendCloudStorage'),
    shareToUser: forwarded('shareToUser'),
    // Game domain APIs exist here too and fail: the server-side ones through the Main Frame...
    login: forwarded('login'),
    authorizeOpenContext: forwarded('authorizeOpenContext'),
    shareAppMessage: forwarded('shareAppMessage'),
    shareToStory: forwarded('shareToStory'),
    reportAnalytics(eventName: unknown, data?: unknown) {
      bridge.call('reportAnalytics', { eventName, data: data ?? {} });
    },
    // ...and the local ones right here.
    getOpenDataContext: gameOnly('getOpenDataContext'),
    createCanvas: gameOnly('createCanvas'),
    onTouchStart: gameOnly('onTouchStart'),
    onTouchMove: gameOnly('onTouchMove'),
    onTouchEnd: gameOnly('onTouchEnd'),
    onTouchCancel: gameOnly('onTouchCancel'),
    getLaunchOptionsSync: gameOnly('getLaunchOptionsSync'),
    onShow: gameOnly('onShow'),
    onHide: gameOnly('onHide'),
    getStorageSync: gameOnly('getStorageSync'),
    setStorageSync: gameOnly('setStorageSync'),
    removeStorageSync: gameOnly('removeStorageSync'),
    request(options?: unknown) {
      const { callbacks } = splitCallbacks(options);
      const message = wrongDomainMessage('request', 'game');
      settle(callbacks, false, failShape('request', 21100, message.slice('request:fail '.length)));
    },
  };

  const global = window as unknown as Record<string, unknown>;
  global.tt = tt;
  global.TTMinis = { game: tt };
  global.GameGlobal = window;
  reportStats();
}

bridge.on('init', (message) => {
  install(message.init);
  const script = document.createElement('script');
  script.src = config.entry;
  script.onload = () => bridge.send({ kind: 'loaded' });
  script.onerror = () => console.error(`could not load ${config.entry}`);
  document.body.appendChild(script);
});
bridge.send({ kind: 'ready' });
