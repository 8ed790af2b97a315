import { canIUseIn } from '../../apiSchema';
import type { DeviceSettings } from '../../device';
import { ErrorCode } from '../../server/errors';
import { Bridge } from '../shared/bridge';
import { failShape, settle, splitCallbacks } from '../shared/callbacks';
import { natives } from '../shared/natives';
import { createPackageModules } from '../shared/packageModules';
import { followMode, forwardedServiceApis } from '../shared/serviceApis';
import { type ContextStats, type FrameInit, wrongDomainMessage } from '../shared/wire';
import { FrameCommitter } from './commits';
import { createSharedCanvas } from './sharedCanvas';

/**
 * The open data context runtime: `tt`, `TTMinis.game`, `wx` (one object) and `GameGlobal`, with the open
 * data context APIs only, and CommonJS `require` of the context's own files (its folder is its package
 * root). It can reach the Main Frame and nothing else (the page's CSP forbids fetch).
 */

const config = window.__SIM_CONFIG__;
const modules = createPackageModules(config.root);
const bridge = new Bridge(config.mainOrigin);
const stats: ContextStats = { animationFramesRequested: 0, framesCommitted: 0, messagesDelivered: 0 };
let statsTimer: number | undefined;

function reportStats(): void {
  // Coalesced with a timer, not a frame request, so reporting never counts as animation.
  if (statsTimer !== undefined) return;
  statsTimer = natives.setTimeout(() => {
    statsTimer = undefined;
    bridge.send({ kind: 'stats', stats: { ...stats } });
  }, 50);
}

function gameOnly(api: string) {
  return () => {
    throw new Error(wrongDomainMessage(api, 'game'));
  };
}

let touchWarningShown = false;
function touchListener(api: string) {
  return (listener: unknown) => {
    if (typeof listener !== 'function') throw new TypeError(`${api}: listener must be a function`);
    if (touchWarningShown) return;
    touchWarningShown = true;
    console.warn(
      `tt.${api} in the open data context: the simulator does not deliver touches to the open data context (the game forwards them with postMessage)`,
    );
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
    (bitmap) => bridge.send({ kind: 'bitmap', bitmap }, [bitmap]),
    stats,
    reportStats,
    init.commitMode,
  );
  bridge.on('commitMode', (message) => committer?.setMode(message.mode));

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
  let device: DeviceSettings = init.device;
  bridge.on('device', (message) => {
    device = message.device;
    followMode(tt, forwarded, device.platform);
  });

  const forwarded = forwardedServiceApis(bridge);
  const tt: Record<string, unknown> = {
    canIUse: canIUseIn('context', () => device),
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
      return natives.requestAnimationFrame(callback);
    },
    cancelAnimationFrame: (id: number) => natives.cancelAnimationFrame(id),
    setTimeout: (callback: () => void, ms?: number) => natives.setTimeout(callback, ms),
    clearTimeout: (id: number) => natives.clearTimeout(id),
    setInterval: (callback: () => void, ms?: number) => natives.setInterval(callback, ms),
    clearInterval: (id: number) => natives.clearInterval(id),
    getSharedCanvas: () => shared.canvas,
    // The Layout engine of Cocos's template listens for touches (its scroll view). Listeners are kept,
    // but the simulator delivers no touches to the open data context yet: said once, loudly.
    onTouchStart: touchListener('onTouchStart'),
    onTouchMove: touchListener('onTouchMove'),
    onTouchEnd: touchListener('onTouchEnd'),
    onTouchCancel: touchListener('onTouchCancel'),
    // Offscreen canvases for measuring and caching (the Layout engine makes some); never shown.
    createCanvas: (): HTMLCanvasElement => natives.createElement('canvas'),
    createImage(): HTMLImageElement {
      const image = new natives.Image();
      // Avatars are served with CORS, so drawing them keeps the shared canvas exportable.
      image.crossOrigin = 'anonymous';
      return image;
    },
    getSystemInfoSync: () => structuredClone(init.systemInfo),
    // Every service API, the game domain's too: those fail, the server-side ones through the Main Frame...
    ...forwarded,
    reportAnalytics(eventName: unknown, data?: unknown) {
      bridge.call('reportAnalytics', { eventName, data: data ?? {} });
    },
    // ...and the local ones right here.
    getOpenDataContext: gameOnly('getOpenDataContext'),
    getLaunchOptionsSync: gameOnly('getLaunchOptionsSync'),
    onShow: gameOnly('onShow'),
    onHide: gameOnly('onHide'),
    getStorageSync: gameOnly('getStorageSync'),
    setStorageSync: gameOnly('setStorageSync'),
    removeStorageSync: gameOnly('removeStorageSync'),
    request(options?: unknown) {
      const { callbacks } = splitCallbacks(options);
      const message = wrongDomainMessage('request', 'game');
      settle(
        callbacks,
        false,
        failShape('request', ErrorCode.wrongDomain, message.slice('request:fail '.length)),
      );
    },
  };

  followMode(tt, forwarded, device.platform);

  const global = window as unknown as Record<string, unknown>;
  global.tt = tt;
  global.wx = tt;
  global.TTMinis = { game: tt };
  global.GameGlobal = window;
  reportStats();
}

bridge.on('init', (message) => {
  install(message.init);
  modules.startEntry(config.entry, () => bridge.send({ kind: 'loaded' }));
});
bridge.send({ kind: 'ready' });
