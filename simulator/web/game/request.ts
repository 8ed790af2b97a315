import { domainListProblem, type NetworkRules } from '../../../tools/package-check/requestDomains';
import type { DeviceSettings } from '../../device';
import {
  ErrorCode,
  TIKTOK_SERVER_ERROR,
  TIKTOK_TIMEOUT,
  TIKTOK_URL_NOT_IN_DOMAIN_LIST,
} from '../../server/errors';
import { type Callbacks, failShape, settle, splitCallbacks } from '../shared/callbacks';
import { natives } from '../shared/natives';

/**
 * tt.request: fetch from the game frame's origin, so the browser applies CORS exactly as it would. With
 * urlCheck on (a phone always checks), plain HTTP and undeclared domains fail before anything is sent.
 * An answer with a status outside 2xx is a failure on TikTok (10401, "Server error": its error code
 * reference) and a success carrying `statusCode` on Douyin. It returns a RequestTask whose `abort()` fails
 * the call with `request:fail abort`. With the phone offline nothing is sent.
 */

export interface RequestTask {
  abort(): void;
}

const methods = new Set(['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH']);

interface RequestArgs {
  url: string;
  method: string;
  data?: unknown;
  header: Record<string, string>;
  timeout: number;
}

function fail(callbacks: Callbacks, code: number, reason: string): void {
  settle(callbacks, false, failShape('request', code, reason));
}

function parses(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/** The checked arguments, or the reason they are refused. */
function checkArgs(args: unknown): RequestArgs | string {
  if (typeof args !== 'object' || args === null) return 'options must be an object';
  const { url, method = 'GET', data, header = {}, timeout = 60_000 } = args as Record<string, unknown>;
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url) || !parses(url))
    return 'url must be an absolute http(s) URL';
  if (typeof method !== 'string' || !methods.has(method.toUpperCase()))
    return `method ${String(method)} is not supported`;
  if (typeof header !== 'object' || header === null) return 'header must be an object';
  if (typeof timeout !== 'number' || timeout <= 0) return 'timeout must be a positive number of ms';
  return { url, method: method.toUpperCase(), data, header: header as Record<string, string>, timeout };
}

export function createRequest(
  rules: NetworkRules,
  device: () => DeviceSettings,
): (options: unknown) => RequestTask {
  return (options) => request(rules, device(), options);
}

const idle: RequestTask = { abort() {} };

function request(rules: NetworkRules, device: DeviceSettings, options: unknown): RequestTask {
  const { args, callbacks } = splitCallbacks(options);
  const checked = checkArgs(args);
  if (typeof checked === 'string') {
    fail(callbacks, ErrorCode.invalidArgument, checked);
    return idle;
  }
  const outside = rules.urlCheck ? domainListProblem(checked.url, rules.requestDomains) : null;
  if (outside !== null) {
    fail(callbacks, TIKTOK_URL_NOT_IN_DOMAIN_LIST, outside);
    return idle;
  }
  if (device.networkDown) {
    fail(callbacks, ErrorCode.networkError, 'network error: the phone is offline (devtools: Network down)');
    return idle;
  }
  const { method, data, timeout } = checked;
  const headers = new Headers(checked.header);
  let target = checked.url;
  let body: string | undefined;
  if (data !== undefined && (method === 'GET' || method === 'HEAD')) {
    if (typeof data === 'object' && data !== null) {
      const query = new URLSearchParams(Object.entries(data).map(([key, value]) => [key, String(value)]));
      target += (target.includes('?') ? '&' : '?') + query.toString();
    }
  } else if (data !== undefined) {
    body = typeof data === 'string' ? data : JSON.stringify(data);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const abort = new AbortController();
  let why: 'timeout' | 'abort' | null = null;
  const stop = (reason: 'timeout' | 'abort') => {
    why ??= reason;
    abort.abort();
  };
  const timer = natives.setTimeout(() => stop('timeout'), timeout);
  natives
    .fetch(target, { method, headers, body, signal: abort.signal })
    .then(async (response) => {
      const text = await response.text();
      const success = response.status >= 200 && response.status <= 299;
      if (!success && device.platform === 'tiktok') {
        fail(callbacks, TIKTOK_SERVER_ERROR, `server error: HTTP ${response.status}`);
        return;
      }
      let parsed: unknown = text;
      try {
        parsed = text === '' ? '' : JSON.parse(text);
      } catch {
        // not JSON: hand over the text, as the runtime does
      }
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        responseHeaders[key] = value;
      });
      settle(callbacks, true, {
        errMsg: 'request:ok',
        statusCode: response.status,
        data: parsed,
        header: responseHeaders,
      });
    })
    .catch((error: unknown) => {
      if (why === 'timeout') fail(callbacks, TIKTOK_TIMEOUT, 'timeout');
      else if (why === 'abort') fail(callbacks, ErrorCode.requestAborted, 'abort');
      else
        fail(
          callbacks,
          ErrorCode.networkError,
          `network error (${error instanceof Error ? error.message : String(error)})`,
        );
    })
    .finally(() => natives.clearTimeout(timer));
  return { abort: () => stop('abort') };
}
