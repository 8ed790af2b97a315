import type { PlatformFailure } from './types';

export type PlatformErrorKind =
  /** The platform called `fail`. */
  | 'failed'
  /** Neither success nor fail arrived in time. */
  | 'timeout'
  /** No `TTMinis.game` or `tt` here, or this runtime lacks the API. */
  | 'unavailable'
  /** The wrapper refused the arguments before calling the platform. */
  | 'invalid-argument';

/** The one error every wrapped call rejects with, whichever failure shape the runtime used. */
export class PlatformError extends Error {
  readonly api: string;
  readonly kind: PlatformErrorKind;
  /** `errNo` or `error.error_code` when the platform gave one. */
  readonly code: number | null;
  /** The platform's reason without the "<api>:fail " prefix. */
  readonly reason: string;
  readonly raw: unknown;

  constructor(
    api: string,
    kind: PlatformErrorKind,
    reason: string,
    code: number | null = null,
    raw?: unknown,
  ) {
    super(`${api} failed: ${reason}${code === null ? '' : ` (code ${code})`}`);
    this.name = 'PlatformError';
    this.api = api;
    this.kind = kind;
    this.code = code;
    this.reason = reason;
    this.raw = raw;
  }
}

/** Reads either documented fail shape: `{errMsg, errNo}` (native `tt`) or `{error: {...}}` (TTMinis SDK). */
export function readFailure(api: string, raw: unknown): PlatformError {
  const failure = (typeof raw === 'object' && raw !== null ? raw : {}) as PlatformFailure;
  const nested = typeof failure.error === 'object' && failure.error !== null ? failure.error : undefined;
  const code = firstNumber(failure.errNo, nested?.error_code);
  const reason =
    stripPrefix(api, failure.errMsg) ??
    (typeof nested?.error_msg === 'string' && nested.error_msg !== '' ? nested.error_msg : undefined) ??
    (typeof raw === 'string' && raw !== '' ? stripPrefix(api, raw) : undefined) ??
    'the platform reported a failure without a reason';
  return new PlatformError(api, 'failed', reason, code, raw);
}

function stripPrefix(api: string, message: unknown): string | undefined {
  if (typeof message !== 'string' || message === '') return undefined;
  const prefix = `${api}:fail`;
  return message.startsWith(prefix) ? message.slice(prefix.length).trim() || message : message;
}

function firstNumber(...values: unknown[]): number | null {
  for (const value of values) {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

/**
 * Codes that say why an authorization or a friend-data call was refused. TikTok documents no codes for
 * these cases (its mini games error code reference lists network and file codes, and 21100–21103 mean
 * other things there), so these are the local simulator's, in the range its docs reserve (900000–900999;
 * docs/platform.md, docs/simulator.md). The point is that the game and the open data context decide by
 * code, never by the wording of a message; a device's own codes go here once TikTok documents them.
 * Until then a phone may answer the silent check with a code not listed here: the friend board then
 * explains and asks (see `isUnreachable`), so these codes are never needed for the prompt to appear.
 */
export const AUTHORIZATION_CODES = {
  /** A scope was never granted (a `get_status_only` check, or friend data before authorization). */
  notGranted: 900301,
  /** The player refused everything the prompt asked for. */
  declined: 900302,
  /** The player allowed one scope and refused the other. */
  partlyGranted: 900303,
  /**
   * A scope the player refused earlier: the platform fails at once and shows no dialog until the player
   * turns it back on in the game's settings page (Douyin behaves so; the simulator too).
   */
  turnedOff: 900304,
} as const;

/** What an authorization failure means for the player; `failed` decides nothing (retry later). */
export type AuthorizationProblem = 'not-granted' | 'declined' | 'partly-granted' | 'turned-off' | 'failed';

export function authorizationProblem(error: unknown): AuthorizationProblem {
  if (!(error instanceof PlatformError) || error.kind !== 'failed') return 'failed';
  switch (error.code) {
    case AUTHORIZATION_CODES.notGranted:
      return 'not-granted';
    case AUTHORIZATION_CODES.declined:
      return 'declined';
    case AUTHORIZATION_CODES.partlyGranted:
      return 'partly-granted';
    case AUTHORIZATION_CODES.turnedOff:
      return 'turned-off';
    default:
      return 'failed';
  }
}

/**
 * Failures that mean the platform could not be reached, so nothing was decided: TikTok's documented
 * timeout (21103) and the simulator's injected fault and offline phone (900500, 900502), plus a call that
 * got no answer in time. Any other code is one TikTok has not documented: a caller that must decide (the
 * friend board's silent status check) treats it as "not known yet" and asks, rather than giving up.
 */
const UNREACHABLE_CODES: readonly number[] = [21103, 900500, 900502];

export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof PlatformError)) return false;
  if (error.kind === 'timeout' || error.kind === 'unavailable') return true;
  return error.kind === 'failed' && error.code !== null && UNREACHABLE_CODES.includes(error.code);
}

/**
 * Codes TikTok documents for `request` (its mini games error code reference). On TikTok an answer outside
 * 2xx is a failure, "Server error" (10401), that does not say which status; Douyin delivers every status to
 * `success`, and the wrapper's `request()` resolves with it.
 */
export const REQUEST_CODES = {
  /** "HTTP non-2xx status code (such as 401 or 404)". */
  serverError: 10401,
  urlNotInDomainList: 21100,
  timeout: 21103,
} as const;

/** Why `request()` rejected, by code: so the game can word each cause on its own. */
export type RequestProblem =
  /** The server answered, outside 2xx (TikTok's rule: which status is not said). */
  | 'server-error'
  /** The address is not a registered trusted domain (or not HTTPS). */
  | 'not-in-domain-list'
  /** No answer in time. */
  | 'timeout'
  /** Nothing came back: offline, the server unreachable or refusing connections, the call aborted. */
  | 'no-answer';

export function requestProblem(error: unknown): RequestProblem {
  if (!(error instanceof PlatformError)) return 'no-answer';
  if (error.kind === 'timeout' || error.code === REQUEST_CODES.timeout) return 'timeout';
  if (error.code === REQUEST_CODES.serverError) return 'server-error';
  if (error.code === REQUEST_CODES.urlNotInDomainList) return 'not-in-domain-list';
  return 'no-answer';
}
