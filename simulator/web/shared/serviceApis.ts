import { CALLBACK_SERVICE_APIS } from '../../platformApis';
import type { Bridge } from './bridge';

/**
 * Every service API as a `tt` method that hands the call to the Main Frame, from either frame: the Main
 * Frame answers a call from the wrong domain with a wrong-domain failure, as the platform does.
 */
export function forwardedServiceApis(bridge: Bridge): Record<string, (options?: unknown) => void> {
  return Object.fromEntries(
    CALLBACK_SERVICE_APIS.map((api) => [api, (options?: unknown) => bridge.call(api, options)]),
  );
}
