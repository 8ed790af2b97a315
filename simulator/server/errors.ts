/**
 * Fail results carry both documented shapes: the native runtime's `{errMsg, errNo}` and the
 * TTMinis SDK's `{error: {error_code, error_msg, error_extra}}`, so code written against either works.
 *
 * TikTok documents runtime codes for network and file calls (21100 URL not in the domain list, 21101 a
 * destination path error, 21103 a timeout, …: the mini games error code reference) and none for the
 * situations below, so these live in a range of the simulator's own, 900000–900999, which no TikTok page
 * uses; a code of TikTok's never means something else here. docs/simulator.md has the table and the
 * documented codes; tests/unit/simulator/errorCodes.test.ts holds both apart.
 */
export const ErrorCode = {
  wrongDomain: 900100,
  invalidArgument: 900101,
  keyTooLong: 900102,
  valueTooLong: 900103,
  tooManyKeys: 900104,
  valueNotString: 900105,
  entryTooLarge: 900106,
  /** The API needs a newer TikTok version than the one the phone runs (devtools, "TikTok version"). */
  versionTooOld: 900110,
  notAuthorized: 900301,
  authDeclined: 900302,
  authPartlyGranted: 900303,
  authTurnedOff: 900304,
  unknownOpenId: 900401,
  shareCancelled: 900402,
  injectedFault: 900500,
  internal: 900501,
  networkError: 900502,
  requestAborted: 900503,
  fileSystem: 900601,
  storageNotFound: 900701,
} as const;

/** TikTok's documented code for a request that ran out of time (mini games error code reference). */
export const TIKTOK_TIMEOUT = 21103;

/**
 * Douyin's documented `shareAppMessage` code for a share the player did not start with a tap ("can not be
 * shared without clicking by user", tt.shareAppMessage error codes). ByteDance runtimes number errors per
 * API: TikTok's 21102 for `request`/`downloadFile` is a download progress error; this one is only ever
 * answered by `shareAppMessage`.
 */
export const DOUYIN_SHARE_WITHOUT_TAP = 21102;

/** TikTok's documented code for a request to an address outside the registered domains (same reference). */
export const TIKTOK_URL_NOT_IN_DOMAIN_LIST = 21100;

/**
 * TikTok's "Server error": "HTTP non-2xx status code (such as 401 or 404)" (error code reference). In TikTok
 * mode a `request` answered with such a status fails with it; Douyin delivers the status to `success`.
 */
export const TIKTOK_SERVER_ERROR = 10401;

/**
 * TikTok's silent-login page: login fails with 102102 while the app's Terms of Service and Privacy Policy
 * URLs are missing from its Developer Portal configuration.
 */
export const TIKTOK_LOGIN_WITHOUT_LEGAL_URLS = 102102;

/** The simulator's own range: the docs mark it as the simulator's, TikTok documents nothing in it. */
export const SIMULATOR_CODE_RANGE = { first: 900000, last: 900999 } as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FailResult {
  errMsg: string;
  errNo: number;
  error: { error_code: number; error_msg: string; error_extra: Record<string, unknown> };
}

/** Thrown by services; turned into a FailResult at the API boundary. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'ApiError';
  }
}

export function failResult(api: string, code: number, reason: string): FailResult {
  return {
    errMsg: `${api}:fail ${reason}`,
    errNo: code,
    error: { error_code: code, error_msg: reason, error_extra: {} },
  };
}
