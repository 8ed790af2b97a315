import { Bridge } from '../shared/bridge';
import { SharedCanvasStyle } from '../shared/canvasStyle';
import { type FrameInit, type SharedCanvasState, wrongDomainMessage } from '../shared/wire';
import { Overlay } from './overlay';
import { request } from './request';
import { TouchInput } from './touches';

/**
 * The mini game runtime of the game frame: `tt`, `TTMinis.game` (same object) and `GameGlobal`.
 * Platform calls go to the Main Frame, which performs them as the active user and enforces domains.
 */

declare global {
  interface Window {
    __SIM_CONFIG__: { mainOrigin: string; entry: string };
  }
}

const config = window.__SIM_CONFIG__;
const bridge = new Bridge(config.mainOrigin);

function forwarded(api: string) {
  return (options?: unknown) => bridge.call(api, options);
}

function contextOnly(api: string) {
  return () => {
    throw new Error(wrongDomainMessage(api, 'context'));
  };
}

function storageKey(init: FrameInit, key: unknown): string {
  if (typeof key !== 'string' || key === '') throw new Error('storage key must be a non-empty string');
  return `tt-storage:${init.storageNamespace}:${key}`;
}

/** The game domain sees the shared canvas's size and placement only, never a drawing context. */
function sharedCanvasMirror(state: SharedCanvasState, onChange: (patch: Partial<SharedCanvasState>) => void) {
  const style = new SharedCanvasStyle((values) => onChange({ style: values }));
  style.adopt(state.style);
  let { width, height } = state;
  const size = (name: 'width' | 'height', value: unknown): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 8192) {
      throw new RangeError(`sharedCanvas.${name} must be an integer 1..8192`);
    }
    return value;
  };
  const mirror = {
    get width() {
      return width;
    },
    set width(value: number) {
      width = size('width', value);
      onChange({ width });
    },
    get height() {
      return height;
    },
    set height(value: number) {
      height = size('height', value);
      onChange({ height });
    },
    style,
  };
  const adopt = (next: SharedCanvasState) => {
    width = next.width;
    height = next.height;
    style.adopt(next.style);
  };
  return { mirror, adopt };
}

function refuseReadingMainCanvases(): void {
  const refuse = (name: string) =>
    function (this: HTMLCanvasElement): never {
      throw new DOMException(
        `${name} is refused in the game domain while an open data context is configured`,
        'SecurityError',
      );
    };
  HTMLCanvasElement.prototype.toDataURL = refuse('toDataURL');
  HTMLCanvasElement.prototype.toBlob = refuse('toBlob');
}

/** Installs the globals; returns what to run once game.js has executed (the cold-start onShow). */
function install(init: FrameInit): () => void {
  const touches = new TouchInput(window);
  const overlay = new Overlay();
  const showListeners = new Set<(result: unknown) => void>();
  const hideListeners = new Set<() => void>();
  let screenCanvas: HTMLCanvasElement | undefined;
  const shared = sharedCanvasMirror(init.sharedCanvas, (patch) =>
    bridge.send({ kind: 'sharedCanvas', ...patch }),
  );
  overlay.place(init.sharedCanvas.style);

  bridge.on('overlay', (message) => overlay.show(message.url));
  bridge.on('sharedCanvas', (message) => {
    shared.adopt(message.state);
    overlay.place(message.state.style);
  });
  bridge.on('lifecycle', (message) => {
    if (message.phase === 'show') for (const listener of showListeners) listener({ ...init.launchOptions });
    else for (const listener of hideListeners) listener();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') for (const listener of hideListeners) listener();
    else for (const listener of showListeners) listener({ ...init.launchOptions });
  });
  if (init.openDataContext) refuseReadingMainCanvases();

  const tt = {
    login: forwarded('login'),
    authorizeOpenContext: forwarded('authorizeOpenContext'),
    setUserCloudStorage: forwarded('setUserCloudStorage'),
    removeUserCloudStorage: forwarded('removeUserCloudStorage'),
    shareAppMessage: forwarded('shareAppMessage'),
    shareToStory: forwarded('shareToStory'),
    // Open data context APIs exist here too; the Main Frame answers them with a wrong-domain failure.
    getUserCloudStorage: forwarded('getUserCloudStorage'),
    getFriendCloudStorage: forwarded('getFriendCloudStorage'),
    shareToUser: forwarded('shareToUser'),
    onMessage: contextOnly('onMessage'),
    offMessage: contextOnly('offMessage'),
    createImage: contextOnly('createImage'),
    reportAnalytics(eventName: unknown, data?: unknown) {
      bridge.call('reportAnalytics', { eventName, data: data ?? {} });
    },
    getOpenDataContext() {
      if (!init.openDataContext) throw new Error('getOpenDataContext:fail game.json has no openDataContext');
      return {
        postMessage(data: unknown) {
          bridge.send({ kind: 'postMessage', data });
        },
      };
    },
    getSharedCanvas() {
      return shared.mirror;
    },
    createCanvas(): HTMLCanvasElement {
      const canvas = document.createElement('canvas');
      if (screenCanvas) return canvas;
      // The first canvas is the screen: it always fills the viewport; its backing size is the game's to set.
      screenCanvas = canvas;
      canvas.width = init.systemInfo.windowWidth;
      canvas.height = init.systemInfo.windowHeight;
      Object.assign(canvas.style, {
        position: 'fixed',
        left: '0',
        top: '0',
        width: '100vw',
        height: '100vh',
        display: 'block',
      });
      document.body.appendChild(canvas);
      return canvas;
    },
    onTouchStart: (listener: unknown) => touches.on('start', listener),
    onTouchMove: (listener: unknown) => touches.on('move', listener),
    onTouchEnd: (listener: unknown) => touches.on('end', listener),
    onTouchCancel: (listener: unknown) => touches.on('cancel', listener),
    offTouchStart: (listener?: unknown) => touches.off('start', listener),
    offTouchMove: (listener?: unknown) => touches.off('move', listener),
    offTouchEnd: (listener?: unknown) => touches.off('end', listener),
    offTouchCancel: (listener?: unknown) => touches.off('cancel', listener),
    getSystemInfoSync: () => structuredClone(init.systemInfo),
    getLaunchOptionsSync: () => structuredClone(init.launchOptions),
    onShow(listener: (result: unknown) => void) {
      showListeners.add(listener);
    },
    offShow(listener: (result: unknown) => void) {
      showListeners.delete(listener);
    },
    onHide(listener: () => void) {
      hideListeners.add(listener);
    },
    offHide(listener: () => void) {
      hideListeners.delete(listener);
    },
    requestAnimationFrame: (callback: FrameRequestCallback) => window.requestAnimationFrame(callback),
    cancelAnimationFrame: (id: number) => window.cancelAnimationFrame(id),
    setTimeout: (callback: () => void, ms?: number) => window.setTimeout(callback, ms),
    clearTimeout: (id: number) => window.clearTimeout(id),
    getStorageSync(key: unknown): unknown {
      const raw = localStorage.getItem(storageKey(init, key));
      return raw === null ? '' : (JSON.parse(raw) as unknown);
    },
    setStorageSync(key: unknown, value: unknown): void {
      if (value === undefined) throw new Error('setStorageSync: value must not be undefined');
      localStorage.setItem(storageKey(init, key), JSON.stringify(value));
    },
    removeStorageSync(key: unknown): void {
      localStorage.removeItem(storageKey(init, key));
    },
    request,
  };

  const global = window as unknown as Record<string, unknown>;
  global.tt = tt;
  global.TTMinis = { game: tt };
  global.GameGlobal = window;

  return () => {
    for (const listener of showListeners) listener({ ...init.launchOptions });
  };
}

function loadEntry(afterLoad: () => void): void {
  const script = document.createElement('script');
  script.src = config.entry;
  script.onload = () => {
    afterLoad();
    bridge.send({ kind: 'loaded' });
  };
  script.onerror = () => console.error(`could not load ${config.entry}`);
  document.body.appendChild(script);
}

bridge.on('init', (message) => {
  loadEntry(install(message.init));
});
bridge.send({ kind: 'ready' });
