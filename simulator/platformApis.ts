import type { PlatformMode } from './device';

/**
 * The platform APIs that the simulator's services answer (in Node, as the active player), by domain.
 * One table for everything that needs the list: the services' domain check, the frames that forward
 * these calls to the Main Frame, and the tests' stand-in runtime. An API listed in both domains may be
 * called from either.
 */
export const GAME_SERVICE_APIS = [
  'login',
  'authorize',
  'getSetting',
  'authorizeOpenContext',
  'setUserCloudStorage',
  'removeUserCloudStorage',
  'shareAppMessage',
  'shareToStory',
  'reportAnalytics',
  'openSetting',
] as const;

export const CONTEXT_SERVICE_APIS = [
  'getUserCloudStorage',
  'setUserCloudStorage',
  'removeUserCloudStorage',
  'getFriendCloudStorage',
  'getCloudStorageByRelation',
  'shareToUser',
] as const;

/** Douyin's friend data call (`type`: friend, recommend, group): present in Douyin mode only. */
export const DOUYIN_ONLY_APIS: readonly string[] = ['getCloudStorageByRelation'];

export type ServiceApi = (typeof GAME_SERVICE_APIS)[number] | (typeof CONTEXT_SERVICE_APIS)[number];

/** `reportAnalytics(name, data)` is the one service API without success/fail callbacks. */
export const CALLBACK_SERVICE_APIS = [...new Set([...GAME_SERVICE_APIS, ...CONTEXT_SERVICE_APIS])].filter(
  (api): api is Exclude<ServiceApi, 'reportAnalytics'> => api !== 'reportAnalytics',
);

/**
 * The APIs each frame's runtime answers itself (no Main Frame round trip), beside the service APIs above.
 * Stubs that throw "not implemented" and wrong-domain stand-ins are not listed: `canIUse` answers from
 * these tables, so it says true only for what works in that domain.
 */
/** Frames and timers: both runtimes have their own. */
const FRAME_AND_TIMER_APIS = [
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
] as const;

export const GAME_RUNTIME_APIS = [
  'canIUse',
  'getOpenDataContext',
  'getSharedCanvas',
  'createCanvas',
  'createImage',
  'onTouchStart',
  'onTouchMove',
  'onTouchEnd',
  'onTouchCancel',
  'offTouchStart',
  'offTouchMove',
  'offTouchEnd',
  'offTouchCancel',
  'getSystemInfoSync',
  'getSystemInfo',
  'onDeviceOrientationChange',
  'offDeviceOrientationChange',
  'onNetworkStatusChange',
  'offNetworkStatusChange',
  'getNetworkType',
  'getFileSystemManager',
  'loadSubpackage',
  'setPreferredFramesPerSecond',
  'getLaunchOptionsSync',
  'getEnterOptionsSync',
  'onShow',
  'offShow',
  'onHide',
  'offHide',
  ...FRAME_AND_TIMER_APIS,
  'getStorageSync',
  'setStorageSync',
  'removeStorageSync',
  'getStorageInfoSync',
  'clearStorageSync',
  'getStorage',
  'setStorage',
  'removeStorage',
  'clearStorage',
  'request',
] as const;

export const CONTEXT_RUNTIME_APIS = [
  'canIUse',
  'onMessage',
  'offMessage',
  'getSharedCanvas',
  'createCanvas',
  'createImage',
  'getSystemInfoSync',
  ...FRAME_AND_TIMER_APIS,
] as const;

/** Every API that works in the domain on this runtime: what `tt.canIUse` starts from (apiSchema.ts). */
export function apisOf(domain: 'game' | 'context', mode: PlatformMode): ReadonlySet<string> {
  const apis: string[] =
    domain === 'game'
      ? [...GAME_RUNTIME_APIS, ...GAME_SERVICE_APIS]
      : [...CONTEXT_RUNTIME_APIS, ...CONTEXT_SERVICE_APIS];
  return new Set(apis.filter((api) => mode === 'douyin' || !DOUYIN_ONLY_APIS.includes(api)));
}
