import { canIUseIn } from '../../apiSchema';
import type { DeviceSettings } from '../../device';
import { DOUYIN_SHARE_WITHOUT_TAP } from '../../server/errors';
import { Bridge } from '../shared/bridge';
import { failShape, settle, splitCallbacks } from '../shared/callbacks';
import { natives } from '../shared/natives';
import { createPackageModules } from '../shared/packageModules';
import { followMode, forwardedServiceApis } from '../shared/serviceApis';
import { unimplementedApis, unimplementedInGame } from '../shared/unimplemented';
import { type FrameInit, wrongDomainMessage } from '../shared/wire';
import { createFileSystemManager, USER_DATA_PATH } from './fileSystem';
import { createFramePacer } from './frames';
import { createOpenDataCanvas } from './openDataCanvas';
import { Overlay } from './overlay';
import { readPackageFile } from './packageFiles';
import { installReadBackRule } from './readBackRules';
import { createRequest } from './request';
import { createScreen } from './screen';
import { refuseReadingMainCanvases, sharedCanvasMirror } from './sharedCanvasMirror';
import { createStorage } from './storage';
import { createLoadSubpackage } from './subpackages';
import { TouchInput } from './touches';

/**
 * The mini game runtime of the game frame: `tt`, `TTMinis.game` and `wx` (one object: TikTok's "API namespace
 * is compatible with tt, wx, and TTMinis.game") and `GameGlobal`, and CommonJS `require` for package files. Platform calls go to the Main Frame, which performs them as
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

/** Installs the globals of the native runtime for this launch. */
function install(init: FrameInit): void {
  const touches = new TouchInput(window);
  const overlay = new Overlay();
  const showListeners = new Set<(result: unknown) => void>();
  const hideListeners = new Set<() => void>();
  const orientationListeners = new Set<unknown>();
  const networkListeners = new Set<(status: { isConnected: boolean; networkType: string }) => void>();
  // The phone as the Main Frame last described it; a devtools change arrives as a `device` message.
  let device: DeviceSettings = init.device;
  bridge.on('device', (message) => {
    const wasDown = device.networkDown;
    device = message.device;
    followMode(tt, forwarded, device.platform);
    if (device.networkDown === wasDown) return;
    const status = { isConnected: !device.networkDown, networkType: device.networkDown ? 'none' : 'wifi' };
    for (const listener of networkListeners) listener(status);
  });
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

  const forwarded = forwardedServiceApis(bridge);
  const tt: Record<string, unknown> = {
    // Present so an adapter that copies every method keeps a reference; each throws with its name.
    ...unimplementedApis(unimplementedInGame),
    // Every service API, the open data context's too: the Main Frame answers those with a wrong-domain failure.
    ...forwarded,
    // A share the player did not start is refused; the runtime sees the touches, the Main Frame does not.
    shareAppMessage(options?: unknown) {
      if (touches.fromTap(device.platform === 'douyin' ? 'touchEnd' : 'window')) {
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
    canIUse: canIUseIn('game', () => device),
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
    getSystemInfoSync: () => systemInfo(),
    getSystemInfo(options?: unknown) {
      settle(splitCallbacks(options).callbacks, true, { ...systemInfo(), errMsg: 'getSystemInfo:ok' });
    },
    // The simulated phone never rotates: those listeners are kept and never called.
    onDeviceOrientationChange: (listener: unknown) => orientationListeners.add(listener),
    offDeviceOrientationChange: (listener: unknown) => orientationListeners.delete(listener),
    // Called when the devtools' "Network down" changes: {isConnected, networkType}.
    onNetworkStatusChange(listener: unknown) {
      if (typeof listener !== 'function')
        throw new TypeError('onNetworkStatusChange: listener must be a function');
      networkListeners.add(listener as (status: { isConnected: boolean; networkType: string }) => void);
    },
    offNetworkStatusChange: (listener: unknown) => networkListeners.delete(listener as never),
    // TikTok's Device Network page: the type now, with the signal and proxy fields it lists.
    getNetworkType(options?: unknown) {
      settle(splitCallbacks(options).callbacks, true, {
        networkType: device.networkDown ? 'none' : 'wifi',
        signalStrength: device.networkDown ? 0 : -55,
        hasSystemProxy: false,
        weakNet: false,
        errMsg: 'getNetworkType:ok',
      });
    },
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
    request: createRequest(config.network ?? { urlCheck: true, requestDomains: [] }, () => device),
  };
  followMode(tt, forwarded, device.platform);
  // The TikTok version the devtools set, read at each call.
  const systemInfo = () => ({ ...structuredClone(init.systemInfo), version: device.tiktokVersion });

  const global = window as unknown as Record<string, unknown>;
  global.tt = tt;
  global.wx = tt;
  global.TTMinis = { game: tt };
  global.GameGlobal = window;
}

bridge.on('init', (message) => {
  install(message.init);
  modules.startEntry(config.entry, () => bridge.send({ kind: 'loaded' }));
});
bridge.send({ kind: 'ready' });
