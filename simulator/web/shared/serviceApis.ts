import type { PlatformMode } from '../../device';
import { CALLBACK_SERVICE_APIS, DOUYIN_ONLY_APIS } from '../../platformApis';
import type { Bridge } from './bridge';

type Forwarded = Record<string, (options?: unknown) => void>;

/**
 * Every service API as a `tt` method that hands the call to the Main Frame, from either frame: the Main
 * Frame answers a call from the wrong domain with a wrong-domain failure, as the platform does.
 */
export function forwardedServiceApis(bridge: Bridge): Forwarded {
  return Object.fromEntries(
    CALLBACK_SERVICE_APIS.map((api) => [api, (options?: unknown) => bridge.call(api, options)]),
  );
}

/**
 * Douyin's own calls (`getCloudStorageByRelation`) are on `tt` only while the phone behaves as Douyin, so
 * a feature check (`if (tt.getCloudStorageByRelation)`) answers as each runtime would.
 */
export function followMode(tt: Record<string, unknown>, forwarded: Forwarded, mode: PlatformMode): void {
  for (const api of DOUYIN_ONLY_APIS) {
    if (mode === 'douyin') tt[api] = forwarded[api];
    else delete tt[api];
  }
}
