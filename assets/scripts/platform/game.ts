import type { ContextMessage } from '../social/protocol';
import { callPlatform } from './call';
import { cloudWrites } from './cloudWrites';
import { PlatformError } from './errors';
import { canIUseOn, findHost, type GlobalsWithPlatform, type HostName, requireMethod } from './host';
import { DEFAULT_TIMEOUTS, type Timeouts } from './timeouts';
import type {
  LaunchOptions,
  PlatformCanvas,
  RawRequestResult,
  SharedCanvas,
  ShareOptionsBase,
  SystemInfo,
  TouchEventLike,
} from './types';
import { checkShare } from './validate';

export interface ShareAppMessageOptions extends ShareOptionsBase {
  /** Appended to the receiver's launch options; read back with `getLaunchOptions().query`. */
  query?: string;
  path?: string;
}

export interface RequestOptions {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  data?: unknown;
  header?: Record<string, string>;
}

export type TouchPhase = 'start' | 'move' | 'end' | 'cancel';

export interface PlatformOptions {
  timeouts?: Partial<Timeouts>;
  /** Where to look for `TTMinis`/`tt`; tests pass a fake, the game leaves it to globalThis. */
  globals?: GlobalsWithPlatform;
}

/** The game domain's half of the platform: everything the game (never the open data context) may call. */
export function createGamePlatform(options: PlatformOptions = {}) {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const globals = options.globals;
  const method = <Name extends Parameters<typeof requireMethod>[0]>(api: Name) => requireMethod(api, globals);

  return {
    /** Which global answered, or null off-platform. */
    host(): HostName | null {
      return findHost(globals)?.name ?? null;
    },

    /** Silent login: a short-lived code for the game server to exchange. No UI, ever. */
    async login(): Promise<{ code: string }> {
      const result = await callPlatform('login', {}, timeouts.data, globals);
      return { code: requireCode('login', result) };
    },

    /**
     * Asks for avatar+nickname and the friend relationship chain (only the missing one). With
     * `statusOnly` no UI shows and the call fails unless both are already granted.
     */
    async authorizeOpenContext(request: { statusOnly?: boolean } = {}): Promise<{ code: string }> {
      const statusOnly = request.statusOnly === true;
      const result = await callPlatform(
        'authorizeOpenContext',
        { get_status_only: statusOnly },
        statusOnly ? timeouts.data : timeouts.interactive,
        globals,
      );
      return { code: requireCode('authorizeOpenContext', result) };
    },

    ...cloudWrites(timeouts.data, globals),

    /** Opens the platform's contact picker; resolves once the card was sent. */
    async shareAppMessage(share: ShareAppMessageOptions): Promise<void> {
      checkShare('shareAppMessage', share, false);
      await callPlatform('shareAppMessage', { ...share }, timeouts.interactive, globals);
    },

    /**
     * Whether this runtime has the API (TikTok's Direct Message Sharing guide checks `shareAppMessage`
     * this way). A runtime without `canIUse` is asked whether the method exists.
     */
    canIUse(api: string): boolean {
      return canIUseOn(api, globals);
    },

    /**
     * Opens the platform's settings page, where the player turns a refused permission back on; resolves
     * with each listed permission's state. Douyin documents it (`tt.openSetting`); TikTok does not, so
     * check `canIUse('openSetting')` and otherwise tell the player where the page is.
     */
    async openSetting(): Promise<Record<string, boolean>> {
      const result = await callPlatform('openSetting', {}, timeouts.interactive, globals);
      const raw = (result as { authSetting?: unknown } | null)?.authSetting;
      const settings: Record<string, boolean> = {};
      if (typeof raw === 'object' && raw !== null) {
        for (const [scope, allowed] of Object.entries(raw))
          if (typeof allowed === 'boolean') settings[scope] = allowed;
      }
      return settings;
    },

    async shareToStory(): Promise<void> {
      await callPlatform('shareToStory', {}, timeouts.interactive, globals);
    },

    /** The only way to talk to the open data context; it cannot answer back. */
    openDataContext(): { postMessage(message: ContextMessage): void } {
      const context = method('getOpenDataContext')();
      return { postMessage: (message) => context.postMessage(message) };
    },

    /** Size and style of the shared canvas as the game domain sees it (it has no drawing context). */
    getSharedCanvas(): SharedCanvas {
      return method('getSharedCanvas')();
    },

    /**
     * HTTP to the game server. Resolves with any status the runtime delivers to `success` (Douyin delivers
     * every status). On TikTok an answer outside 2xx fails instead, with code 10401 and no status: it rejects
     * like a call that got no answer, and `requestProblem(error)` tells the two apart ('server-error').
     * Timed out, the runtime's request is aborted.
     */
    async request(request: RequestOptions): Promise<RawRequestResult> {
      return callPlatform(
        'request',
        {
          url: request.url,
          method: request.method ?? 'GET',
          data: request.data,
          header: request.header ?? {},
          timeout: timeouts.request,
        },
        timeouts.request + 1_000,
        globals,
      );
    },

    /** Fire and forget: analytics must never break the game. */
    reportAnalytics(eventName: string, data: Record<string, string | number>): void {
      try {
        method('reportAnalytics')(eventName, data);
      } catch {
        // Off-platform or an older runtime: the metric is lost, the game goes on.
      }
    },

    createCanvas(): PlatformCanvas {
      return method('createCanvas')();
    },

    getSystemInfo(): SystemInfo {
      return method('getSystemInfoSync')();
    },

    getLaunchOptions(): LaunchOptions {
      return method('getLaunchOptionsSync')();
    },

    onShow(listener: (options: LaunchOptions) => void): void {
      method('onShow')(listener);
    },

    onHide(listener: () => void): void {
      method('onHide')(listener);
    },

    /**
     * The device's network type now (`getNetworkType`: `'none'` without a connection, else `'wifi'`, `'4g'`
     * and the like), or null where the runtime cannot tell: a launch without a connection hears no change.
     */
    async networkType(): Promise<string | null> {
      if (!canIUseOn('getNetworkType', globals)) return null;
      try {
        const result = await callPlatform('getNetworkType', {}, timeouts.data, globals);
        return typeof result?.networkType === 'string' ? result.networkType : null;
      } catch {
        return null;
      }
    },

    /**
     * Follows the device's connection (`onNetworkStatusChange`, where the runtime has it: Douyin and
     * WeChat document it, TikTok's SDK pages do not). Returns false when there is nothing to follow.
     */
    onNetworkStatusChange(listener: (status: { isConnected: boolean }) => void): boolean {
      if (!canIUseOn('onNetworkStatusChange', globals)) return false;
      method('onNetworkStatusChange')((status: unknown) => {
        const connected = (status as { isConnected?: unknown } | null)?.isConnected;
        if (typeof connected === 'boolean') listener({ isConnected: connected });
      });
      return true;
    },

    onTouch(phase: TouchPhase, listener: (event: TouchEventLike) => void): void {
      const api = (
        { start: 'onTouchStart', move: 'onTouchMove', end: 'onTouchEnd', cancel: 'onTouchCancel' } as const
      )[phase];
      method(api)(listener);
    },

    requestAnimationFrame(callback: (time: number) => void): number {
      return method('requestAnimationFrame')(callback);
    },

    /** Local storage that survives restarts; null when the key is absent or unreadable. */
    readStorage(key: string): string | null {
      try {
        const value = method('getStorageSync')(key);
        return typeof value === 'string' && value !== '' ? value : null;
      } catch (error) {
        if (error instanceof PlatformError) throw error;
        return null;
      }
    },

    writeStorage(key: string, value: string): void {
      method('setStorageSync')(key, value);
    },

    removeStorage(key: string): void {
      method('removeStorageSync')(key);
    },
  };
}

export type GamePlatform = ReturnType<typeof createGamePlatform>;

function requireCode(api: string, result: unknown): string {
  const code = (result as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || code === '') {
    throw new PlatformError(api, 'failed', 'the platform answered success without a code', null, result);
  }
  return code;
}
