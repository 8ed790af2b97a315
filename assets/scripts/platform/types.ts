/**
 * The shape of the TikTok mini game runtime as this sample uses it: `TTMinis.game` in TikTok's SDK docs,
 * `tt` on the native runtime (the same object in the local simulator). Only what the wrapper calls is typed.
 */

export interface PlatformFailure {
  /** ByteDance-style native runtime: "setUserCloudStorage:fail value too long". */
  errMsg?: string;
  errNo?: number;
  /** TikTok SDK style. */
  error?: { error_code?: number; error_msg?: string; error_extra?: unknown };
}

export interface CallbackOptions<Result> {
  success?: (result: Result) => void;
  fail?: (failure: PlatformFailure) => void;
  complete?: () => void;
}

export interface RawKeyValuePair {
  key: string;
  value: string;
}

export interface RawKeyValue {
  key?: unknown;
  value?: unknown;
}

/** A friend row in either documented shape (the guide's, or ByteDance/WeChat `UserGameData`). */
export interface RawFriendCloudData {
  open_id?: unknown;
  display_name?: unknown;
  avatar_url?: unknown;
  user_id?: unknown;
  data?: unknown;
  openid?: unknown;
  nickname?: unknown;
  nickName?: unknown;
  avatarUrl?: unknown;
  KVDataList?: unknown;
}

export interface RawRequestResult {
  statusCode: number;
  data: unknown;
  header?: Record<string, string>;
}

export interface PlatformCanvas {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D | null;
}

export interface SharedCanvasStyle {
  left?: string;
  top?: string;
  width?: string;
  height?: string;
}

export interface SharedCanvas extends PlatformCanvas {
  style: SharedCanvasStyle;
}

export interface PlatformImage {
  src: string;
  width: number;
  height: number;
  crossOrigin?: string | null;
  onload: (() => void) | null;
  onerror: ((error?: unknown) => void) | null;
}

export interface TouchPoint {
  identifier: number;
  clientX: number;
  clientY: number;
}

export interface TouchEventLike {
  touches: TouchPoint[];
  changedTouches: TouchPoint[];
  timeStamp: number;
}

export interface SystemInfo {
  windowWidth: number;
  windowHeight: number;
  screenWidth: number;
  screenHeight: number;
  pixelRatio: number;
  platform?: string;
}

export interface LaunchOptions {
  scene?: string | number;
  query?: Record<string, string>;
}

/** TikTok's SDK Sharing page types it as the string "1 | 2"; the guide's examples pass the number. */
export type ShareTemplateType = 1 | 2 | '1' | '2';

export interface ShareOptionsBase {
  /** Optional for `shareAppMessage` (the platform's configured image fills in); `shareToUser` requires it. */
  imageUrl?: string;
  title?: string;
  subtitle?: string;
  templateType?: ShareTemplateType;
}

/** Every API of the runtime that the sample calls, on either side. Missing members are normal off-platform. */
export interface RawRuntime {
  // game domain
  login?(options: CallbackOptions<{ code: string }>): void;
  getOpenDataContext?(): { postMessage(message: unknown): void };
  authorizeOpenContext?(options: { get_status_only?: boolean } & CallbackOptions<{ code: string }>): void;
  /** The guide names the list `data`; Douyin's `tt.setUserCloudStorage`, `KVDataList`. */
  setUserCloudStorage?(
    options: ({ data: RawKeyValuePair[] } | { KVDataList: RawKeyValuePair[] }) & CallbackOptions<unknown>,
  ): void;
  removeUserCloudStorage?(options: { keyList: string[] } & CallbackOptions<unknown>): void;
  shareAppMessage?(
    options: ShareOptionsBase & { query?: string; path?: string } & CallbackOptions<unknown>,
  ): void;
  shareToStory?(options: CallbackOptions<unknown>): void;
  /** Douyin's settings page; TikTok does not document it, so check `canIUse('openSetting')` first. */
  openSetting?(options: CallbackOptions<{ authSetting?: unknown }>): void;
  createCanvas?(): PlatformCanvas;
  onTouchStart?(listener: (event: TouchEventLike) => void): void;
  onTouchMove?(listener: (event: TouchEventLike) => void): void;
  onTouchEnd?(listener: (event: TouchEventLike) => void): void;
  onTouchCancel?(listener: (event: TouchEventLike) => void): void;
  getSystemInfoSync?(): SystemInfo;
  getLaunchOptionsSync?(): LaunchOptions;
  onShow?(listener: (options: LaunchOptions) => void): void;
  onHide?(listener: () => void): void;
  onNetworkStatusChange?(listener: (status: unknown) => void): void;
  /** TikTok's Device Network page: `networkType` is `'none'` without a connection. */
  getNetworkType?(options: CallbackOptions<{ networkType?: unknown }>): void;
  getStorageSync?(key: string): unknown;
  setStorageSync?(key: string, value: string): void;
  removeStorageSync?(key: string): void;
  /** Returns a RequestTask (`abort()`) on runtimes that have one. */
  request?(
    options: {
      url: string;
      method?: string;
      data?: unknown;
      header?: Record<string, string>;
      timeout?: number;
    } & CallbackOptions<RawRequestResult>,
  ): { abort?(): void } | undefined;
  reportAnalytics?(eventName: string, data: Record<string, string | number>): void;
  // both domains
  canIUse?(schema: string): boolean;
  getSharedCanvas?(): SharedCanvas;
  requestAnimationFrame?(callback: (time: number) => void): number;
  cancelAnimationFrame?(id: number): void;
  setTimeout?(callback: () => void, ms: number): number;
  clearTimeout?(id: number): void;
  // open data context
  onMessage?(listener: (message: unknown) => void): void;
  createImage?(): PlatformImage;
  getUserCloudStorage?(
    options: { keyList: string[] } & CallbackOptions<{ data?: unknown; KVDataList?: unknown }>,
  ): void;
  getFriendCloudStorage?(options: { keyList: string[] } & CallbackOptions<{ data?: unknown }>): void;
  shareToUser?(
    options: ShareOptionsBase & { openid: string; query?: string } & CallbackOptions<unknown>,
  ): void;
}
