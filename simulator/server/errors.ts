/**
 * Fail results carry both documented shapes: the native runtime's `{errMsg, errNo}` and the
 * TTMinis SDK's `{error: {error_code, error_msg, error_extra}}`, so code written against either works.
 * The numeric codes are the simulator's own (the guide lists none); docs/simulator.md has the table.
 */
export const ErrorCode = {
  wrongDomain: 21100,
  invalidArgument: 21101,
  keyTooLong: 21102,
  valueTooLong: 21103,
  tooManyKeys: 21104,
  valueNotString: 21105,
  entryTooLarge: 21106,
  notAuthorized: 21301,
  authDeclined: 21302,
  authPartlyGranted: 21303,
  unknownOpenId: 21401,
  shareCancelled: 21402,
  injectedFault: 21500,
  internal: 21501,
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FailResult {
  errMsg: string;
  errNo: number;
  error: { error_code: number; error_msg: string; error_extra: Record<string, unknown> };
}

/** Thrown by services; turned into a FailResult at the API boundary. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCodeValue,
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
