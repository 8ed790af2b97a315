import type { NetworkRules } from '../../../tools/package-check/requestDomains';
import type { DeviceSettings } from '../../device';

/**
 * Messages between the frames and the Main Frame (simulator-internal, over window.postMessage).
 * Every message carries `sim: SIM_TAG` so the Main Frame can ignore anything else a page posts.
 */
export const SIM_TAG = 'tt-simulator';

export type StyleProperty = 'width' | 'height' | 'top' | 'left';
export const styleProperties: readonly StyleProperty[] = ['width', 'height', 'top', 'left'];
export type SharedCanvasStyleValues = Partial<Record<StyleProperty, string>>;

/** A subpackage from game.json: its files load with tt.loadSubpackage. */
export interface Subpackage {
  name: string;
  root: string;
}

/** What a frame page tells its runtime before anything else (written by server/frameServers.ts). */
export interface FrameConfig {
  mainOrigin: string;
  /** Module id of the entry file ('game.js', 'openDataContext/index.js'). */
  entry: string;
  /** The folder '/'-paths of require start from ('' for the game package). */
  root: string;
  subpackages: Subpackage[];
  /** Game frame only: what `request` may reach (project.config.json urlCheck, game.json dev.requestDomains). */
  network?: NetworkRules;
}

declare global {
  interface Window {
    __SIM_CONFIG__: FrameConfig;
  }
}

export interface SharedCanvasState {
  width: number;
  height: number;
  style: SharedCanvasStyleValues;
}

export interface SystemInfo {
  brand: string;
  model: string;
  platform: string;
  system: string;
  language: string;
  version: string;
  SDKVersion: string;
  pixelRatio: number;
  /** TikTok's System page lists both names; engines' adapters read this one (Cocos's web-adapter does). */
  devicePixelRatio: number;
  deviceOrientation: 'portrait' | 'landscape';
  statusBarHeight: number;
  screenWidth: number;
  screenHeight: number;
  windowWidth: number;
  windowHeight: number;
  safeArea: { left: number; right: number; top: number; bottom: number; width: number; height: number };
}

export interface LaunchOptions {
  query: Record<string, string>;
  scene: string;
}

export interface FrameInit {
  systemInfo: SystemInfo;
  launchOptions: LaunchOptions;
  /** Opaque per-user namespace for get/setStorageSync (the game never learns the openId this way). */
  storageNamespace: string;
  openDataContext: boolean;
  sharedCanvas: SharedCanvasState;
  /**
   * How the context's frames reach the game: 'png' for the guide's overlay, 'bitmap' once the game took
   * the native path (read getOpenDataContext().canvas).
   */
  commitMode: CommitMode;
  /** The phone: runtime mode, TikTok version, network (device.ts); a `device` message brings changes. */
  device: DeviceSettings;
}

export type CommitMode = 'png' | 'bitmap';

export interface ContextStats {
  animationFramesRequested: number;
  framesCommitted: number;
  messagesDelivered: number;
}

export type FrameToMain =
  | { sim: typeof SIM_TAG; kind: 'ready' }
  | { sim: typeof SIM_TAG; kind: 'loaded' }
  | { sim: typeof SIM_TAG; kind: 'call'; id: number; api: string; args: unknown }
  | { sim: typeof SIM_TAG; kind: 'postMessage'; data: unknown }
  | {
      sim: typeof SIM_TAG;
      kind: 'sharedCanvas';
      width?: number;
      height?: number;
      style?: SharedCanvasStyleValues;
    }
  | { sim: typeof SIM_TAG; kind: 'commit'; png: ArrayBuffer }
  | { sim: typeof SIM_TAG; kind: 'bitmap'; bitmap: ImageBitmap }
  | { sim: typeof SIM_TAG; kind: 'nativeCanvas' }
  | { sim: typeof SIM_TAG; kind: 'stats'; stats: ContextStats };

export type MainToFrame =
  | { sim: typeof SIM_TAG; kind: 'init'; init: FrameInit }
  | { sim: typeof SIM_TAG; kind: 'result'; id: number; ok: boolean; result: unknown }
  | { sim: typeof SIM_TAG; kind: 'message'; data: unknown }
  | { sim: typeof SIM_TAG; kind: 'sharedCanvas'; state: SharedCanvasState }
  | { sim: typeof SIM_TAG; kind: 'overlay'; url: string }
  | { sim: typeof SIM_TAG; kind: 'bitmap'; bitmap: ImageBitmap }
  | { sim: typeof SIM_TAG; kind: 'commitMode'; mode: CommitMode }
  | { sim: typeof SIM_TAG; kind: 'device'; device: DeviceSettings }
  /** `launchOptions`: what a return to the foreground brings (a card opened while in the background). */
  | { sim: typeof SIM_TAG; kind: 'lifecycle'; phase: 'show' | 'hide'; launchOptions?: LaunchOptions };

export function isSimMessage(data: unknown): data is { sim: typeof SIM_TAG; kind: string } {
  return typeof data === 'object' && data !== null && (data as { sim?: unknown }).sim === SIM_TAG;
}

/** CSS lengths the overlay accepts from sharedCanvas.style: vw/vh as in the guide, px and % too. */
export const styleValuePattern = /^-?\d+(\.\d+)?(vw|vh|px|%)$/;

export type Domain = 'game' | 'context';

export function wrongDomainMessage(api: string, home: Domain): string {
  return `${api}:fail ${api} is only available in the ${home === 'game' ? 'game domain' : 'open data context'}`;
}
