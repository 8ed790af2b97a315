/**
 * What the simulated phone is: which runtime it behaves as, which TikTok version it runs, whether it is
 * online. The server holds these (devtools, `/__sim/platform`, `/__sim/tiktok-version`, `/__sim/network`)
 * and hands them to both frames at start and on every change. Pure, for Node and the browser alike.
 */

/**
 * `tiktok` follows TikTok's current docs; `douyin` keeps Douyin's documented behaviour where the two
 * differ: friend rows in `UserGameData` shape, any HTTP status delivered to `success`, a share only inside
 * `tt.onTouchEnd`, `KVDataList` cloud writes, `getCloudStorageByRelation` (docs/simulator.md, "Two modes").
 */
export const PLATFORM_MODES = ['tiktok', 'douyin'] as const;
export type PlatformMode = (typeof PLATFORM_MODES)[number];

export function isPlatformMode(value: unknown): value is PlatformMode {
  return PLATFORM_MODES.some((mode) => mode === value);
}

/**
 * The newest TikTok version the simulator's API table names (direct message sharing, TikTok's Direct
 * Message Sharing page). "current" stands for it: every API in the table is available.
 */
export const CURRENT_TIKTOK_VERSION = '40.3.0';
/** The newest SDK version the table names (`env.USER_DATA_PATH`, TikTok's basic utility page). */
export const SIMULATED_SDK_VERSION = '0.6.0';

/** The versions the devtools offer; the control API takes any `major.minor.patch`. */
export const OFFERED_TIKTOK_VERSIONS = [
  { value: 'current', label: `current (${CURRENT_TIKTOK_VERSION})` },
  { value: '40.2.0', label: '40.2.0 (before direct message sharing)' },
] as const;

export interface DeviceSettings {
  platform: PlatformMode;
  /** `major.minor.patch`; "current" is resolved before it reaches a frame. */
  tiktokVersion: string;
  /** Nothing leaves the phone: platform services, `request`, remote images. */
  networkDown: boolean;
}

export const DEFAULT_DEVICE: DeviceSettings = {
  platform: 'tiktok',
  tiktokVersion: CURRENT_TIKTOK_VERSION,
  networkDown: false,
};

const VERSION_PATTERN = /^(\d{1,4})\.(\d{1,4})\.(\d{1,4})$/;

/** A version as the devtools and the control API take it: `current` or `major.minor.patch`. */
export function parseTikTokVersion(value: unknown): string | null {
  if (value === 'current') return CURRENT_TIKTOK_VERSION;
  return typeof value === 'string' && VERSION_PATTERN.test(value) ? value : null;
}

/** Negative when `a` is older than `b`, 0 when equal, positive when newer. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => (VERSION_PATTERN.exec(version) ?? []).slice(1).map(Number);
  const [left, right] = [parts(a), parts(b)];
  for (let index = 0; index < 3; index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
