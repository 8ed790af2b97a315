import { canIUseIn } from '../../platformApis';
import { DOUYIN_SHARE_WITHOUT_TAP } from '../../server/errors';
import { Bridge } from '../shared/bridge';
import { failShape, settle, splitCallbacks } from '../shared/callbacks';
import { SharedCanvasStyle } from '../shared/canvasStyle';
import { natives } from '../shared/natives';
import { createPackageModules } from '../shared/packageModules';
import { forwardedServiceApis } from '../shared/serviceApis';
import { unimplementedApis, unimplementedInGame } from '../shared/unimplemented';
import { type FrameInit, type SharedCanvasState, wrongDomainMessage } from '../shared/wire';
import { createFileSystemManager, USER_DATA_PATH } from './fileSystem';
import { createFramePacer } from './frames';
import { createOpenDataCanvas } from './openDataCanvas';
import { Overlay } from './overlay';
import { readPackageFile } from './packageFiles';
import { installReadBackRule } from './readBackRules';
import { createRequest } from './request';
import { createScreen } from './screen';
import { createStorage } from './storage';
import { createLoadSubpackage } from './subpackages';
import { TouchInput } from './touches';

/**
 * The mini game runtime of the game frame: `tt`, `TTMinis.game` (same object) and `GameGlobal`, and
 * CommonJS `require` for package files. Platform calls go to the Main Frame, which performs them as
 * the active user and enforces domains. Everything browser-side goes through `natives`, because
 * engine adapters replace the browser globals with versions built on `tt`.
 */

const config = window.__SIM_CONFIG__;
const modules = createPackageModules(config.root);
const bridge = new Bridge(config.mainOrigin);

function contextOnly(api: string) {
  return () => {
    throw new Error(wrongDomainMessage(api, 'context'));
  };
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

/** Installs the globals of the native runtime for this launch. */
function install(init: FrameInit): void {
  const touches = new TouchInput(window);
  const overlay = new Overlay();
  const showListeners = new Set<(result: unknown) => void>();
  const hideListeners = new Set<() => void>();
  const orientationListeners = new Set<unknown>();
  const networkListeners = new Set<unknown>();
  const screen = createScreen(init.systemInfo);
  const pacer = createFramePacer();
  const storage = createStorage(init.storageNamespace);
  const fileSystem = createFileSystemManager(readPackageFile);
  const shared = sharedCanvasMirror(init.sharedCanvas, (patch) =>
    bridge.send({ kind: 'sharedCanvas', ...patch }),
  );
  // The native path starts when the game first reads getOpenDataContext().canvas.
  let native: ReturnType<typeof createOpenDataCanvas> | undefined;
  const nativeCanvas = (): HTMLCanvasElement => {
    if (!native) {
      const made = createOpenDataCanvas(init.sharedCanvas, (patch) =>
        bridge.send({ kind: 'sharedCanvas', ...patch }),
      );
      made.adopt({ ...init.sharedCanvas, width: shared.mirror.width, height: shared.mirror.height });
      installReadBackRule((value) => value === made.canvas);
      native = made;
      bridge.send({ kind: 'nativeCanvas' });
    }
    return native.canvas;
  };
  const openDataContext = {
    postMessage(data: unknown) {
      bridge.send({ kind: 'postMessage', data });
    },
    get canvas() {
      return nativeCanvas();
    },
  };
  overlay.place(init.sharedCanvas.style);

  bridge.on('overlay', (message) => overlay.show(message.url));
  bridge.on('bitmap', (message) => {
    if (native) native.paint(message.bitmap);
    else message.bitmap.close();
  });
  bridge.on('sharedCanvas', (message) => {
    shared.adopt(message.state);
    native?.adopt(message.state);
    overlay.place(message.state.style);
  });
  // getLaunchOptionsSync keeps the cold start's; getEnterOptionsSync and onShow give the latest entry.
  let enterOptions = init.launchOptions;
  const hide = () => {
    for (const listener of hideListeners) listener();
  };
  const show = () => {
    for (const listener of showListeners) listener(structuredClone(enterOptions));
  };
  bridge.on('lifecycle', (message) => {
    if (message.phase === 'hide') return hide();
    if (message.launchOptions) enterOptions = message.launchOptions;
    show();
  });
  natives.document.addEventListener('visibilitychange', () =>
    natives.document.visibilityState === 'hidden' ? hide() : show(),
  );
  if (init.openDataContext) refuseReadingMainCanvases();

  const tt = {
    // Present so an adapter that copies every method keeps a reference; each throws with its name.
    ...unimplementedApis(unimplementedInGame),
    // Every service API, the open data context's too: the Main Frame answers those with a wrong-domain failure.
    ...forwardedServiceApis(bridge),
    // Douyin refuses a share the player did not start; the runtime sees the touches, the Main Frame does not.
    shareAppMessage(options?: unknown) {
      if (touches.fromTap()) {
        bridge.call('shareAppMessage', options);
        return;
      }
      const { callbacks } = splitCallbacks(options);
      settle(
        callbacks,
        false,
        failShape('shareAppMessage', DOUYIN_SHARE_WITHOUT_TAP, 'can not be shared without clicking by user'),
      );
    },
    canIUse: canIUseIn('game'),
    onMessage: contextOnly('onMessage'),
    offMessage: contextOnly('offMessage'),
    createImage: (): HTMLImageElement => new natives.Image(),
    reportAnalytics(eventName: unknown, data?: unknown) {
      bridge.call('reportAnalytics', { eventName, data: data ?? {} });
    },
    getOpenDataContext() {
      if (!init.openDataContext) throw new Error('getOpenDataContext:fail game.json has no openDataContext');
      return openDataContext;
    },
    getSharedCanvas() {
      return shared.mirror;
    },
    createCanvas: screen.createCanvas,
    onTouchStart: (listener: unknown) => touches.on('start', listener),
    onTouchMove: (listener: unknown) => touches.on('move', listener),
    onTouchEnd: (listener: unknown) => touches.on('end', listener),
    onTouchCancel: (listener: unknown) => touches.on('cancel', listener),
    offTouchStart: (listener?: unknown) => touches.off('start', listener),
    offTouchMove: (listener?: unknown) => touches.off('move', listener),
    offTouchEnd: (listener?: unknown) => touches.off('end', listener),
    offTouchCancel: (listener?: unknown) => touches.off('cancel', listener),
    getSystemInfoSync: () => structuredClone(init.systemInfo),
    getSystemInfo(options?: unknown) {
      settle(splitCallbacks(options).callbacks, true, {
        ...structuredClone(init.systemInfo),
        errMsg: 'getSystemInfo:ok',
      });
    },
    // The simulated phone never rotates and is always online: listeners are kept and never called.
    onDeviceOrientationChange: (listener: unknown) => orientationListeners.add(listener),
    offDeviceOrientationChange: (listener: unknown) => orientationListeners.delete(listener),
    onNetworkStatusChange: (listener: unknown) => networkListeners.add(listener),
    offNetworkStatusChange: (listener: unknown) => networkListeners.delete(listener),
    env: { USER_DATA_PATH },
    getFileSystemManager: () => fileSystem,
    loadSubpackage: createLoadSubpackage(config.subpackages, {
      loadModules: (name) => modules.load(`/__modules.js?subpackage=${encodeURIComponent(name)}`),
      has: (id) => modules.registry.has(id),
      run: (id) => modules.run(id),
    }),
    setPreferredFramesPerSecond: pacer.setPreferredFramesPerSecond,
    // Cold start only (TikTok's Event page); a return from the background is onShow's, with no cold start.
    getLaunchOptionsSync: () => structuredClone(init.launchOptions),
    // The latest start, cold or warm: a card opened while in the background brings its query here too.
    getEnterOptionsSync: () => structuredClone(enterOptions),
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
    requestAnimationFrame: pacer.requestAnimationFrame,
    cancelAnimationFrame: pacer.cancelAnimationFrame,
    setTimeout: (callback: () => void, ms?: number) => natives.setTimeout(callback, ms),
    clearTimeout: (id: number) => natives.clearTimeout(id),
    setInterval: (callback: () => void, ms?: number) => natives.setInterval(callback, ms),
    clearInterval: (id: number) => natives.clearInterval(id),
    ...storage,
    // A page without rules (an older frame server) checks everything, as a phone does.
    request: createRequest(config.network ?? { urlCheck: true, requestDomains: [] }),
  };

  const global = window as unknown as Record<string, unknown>;
  global.tt = tt;
  global.TTMinis = { game: tt };
  global.GameGlobal = window;
}

bridge.on('init', (message) => {
  install(message.init);
  modules.startEntry(config.entry, () => bridge.send({ kind: 'loaded' }));
});
bridge.send({ kind: 'ready' });
