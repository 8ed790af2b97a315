import { PlatformError, readFailure } from './errors';
import { type GlobalsWithPlatform, requireMethod } from './host';
import type { CallbackOptions, RawRuntime } from './types';

type CallbackApi = {
  [Name in keyof RawRuntime]-?: NonNullable<RawRuntime[Name]> extends (options: infer Options) => void
    ? Options extends CallbackOptions<never>
      ? Name
      : never
    : never;
}[keyof RawRuntime];

type ResultOf<Name extends CallbackApi> =
  NonNullable<RawRuntime[Name]> extends (options: CallbackOptions<infer Result>) => void ? Result : never;

type ArgsOf<Name extends CallbackApi> = Omit<
  Parameters<NonNullable<RawRuntime[Name]>>[0],
  keyof CallbackOptions<unknown>
>;

/**
 * Turns one callback-style platform API into a promise that settles exactly once: on `success`, on `fail`
 * (as a PlatformError that reads either fail shape), or on timeout, because a runtime that never calls back
 * would otherwise leave the game waiting forever. A call that returns a task with `abort()` (`request`'s
 * RequestTask) is aborted when it times out, so nothing keeps running for an answer nobody waits for.
 */
export function callPlatform<Name extends CallbackApi>(
  api: Name,
  args: ArgsOf<Name>,
  timeoutMs: number,
  globals?: GlobalsWithPlatform,
): Promise<ResultOf<Name>> {
  return new Promise((resolve, reject) => {
    let method: (options: unknown) => unknown;
    try {
      method = requireMethod(api, globals) as (options: unknown) => unknown;
    } catch (error) {
      reject(error);
      return;
    }
    let settled = false;
    let task: unknown;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      reject(new PlatformError(api, 'timeout', `no answer from the platform within ${timeoutMs} ms`));
      abortTask(task);
    }, timeoutMs);
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
    };
    try {
      task = method({
        ...args,
        success: (result: ResultOf<Name>) => settle(() => resolve(result)),
        fail: (failure: unknown) => settle(() => reject(readFailure(api, failure))),
      });
    } catch (thrown) {
      const reason = thrown instanceof Error ? thrown.message : String(thrown);
      settle(() =>
        reject(new PlatformError(api, 'failed', `threw before answering: ${reason}`, null, thrown)),
      );
    }
  });
}

function abortTask(task: unknown): void {
  const abort = (task as { abort?: unknown } | null | undefined)?.abort;
  if (typeof abort !== 'function') return;
  try {
    abort.call(task);
  } catch {
    // The runtime refused to abort: the answer, when it comes, goes nowhere anyway.
  }
}
