import { PlatformError } from './errors';
import type { RawRuntime } from './types';

export type HostName = 'TTMinis.game' | 'tt';

export interface Host {
  name: HostName;
  runtime: RawRuntime;
}

export interface GlobalsWithPlatform {
  TTMinis?: { game?: RawRuntime };
  tt?: RawRuntime;
  GameGlobal?: { TTMinis?: { game?: RawRuntime }; tt?: RawRuntime };
}

/**
 * Finds the runtime at call time, not at import time: TikTok documents `TTMinis.game`, while the native
 * runtime (and Cocos's ByteDance adapter) expose `tt`, and either may be installed after our modules load.
 */
export function findHost(globals: GlobalsWithPlatform = globalThis as GlobalsWithPlatform): Host | null {
  const sdk = globals.TTMinis?.game ?? globals.GameGlobal?.TTMinis?.game;
  if (sdk) return { name: 'TTMinis.game', runtime: sdk };
  const native = globals.tt ?? globals.GameGlobal?.tt;
  if (native) return { name: 'tt', runtime: native };
  return null;
}

export function requireHost(api: string, globals?: GlobalsWithPlatform): Host {
  const host = findHost(globals);
  if (!host) {
    throw new PlatformError(
      api,
      'unavailable',
      'not running on TikTok: neither TTMinis.game nor tt exists (start the local host with `npm start`)',
    );
  }
  return host;
}

/** The runtime's method bound to it, or a clear error when this runtime lacks it. */
export function requireMethod<Name extends keyof RawRuntime>(
  api: Name,
  globals?: GlobalsWithPlatform,
): NonNullable<RawRuntime[Name]> {
  const host = requireHost(api, globals);
  const method = host.runtime[api];
  if (typeof method !== 'function') {
    throw new PlatformError(api, 'unavailable', `${host.name}.${api} does not exist on this runtime`);
  }
  return (method as (...args: unknown[]) => unknown).bind(host.runtime) as NonNullable<RawRuntime[Name]>;
}

/**
 * Whether the runtime offers an API: its own `canIUse` when it has one, else whether the method exists (a
 * runtime older than `canIUse`); false off the platform, where nothing can be called.
 */
export function canIUseOn(api: string, globals?: GlobalsWithPlatform): boolean {
  if (typeof api !== 'string' || api.trim() === '')
    throw new PlatformError(
      'canIUse',
      'invalid-argument',
      'api must be a non-empty string such as "shareAppMessage"',
    );
  const host = findHost(globals);
  if (!host) return false;
  const ask = host.runtime.canIUse;
  if (typeof ask === 'function') return ask.call(host.runtime, api) === true;
  const name = api.split('.')[0] ?? '';
  return typeof (host.runtime as Record<string, unknown>)[name] === 'function';
}
