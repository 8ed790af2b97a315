import type { CallbackOptions, PlatformFailure, RawRuntime } from '../../../assets/scripts/platform/types';
import { CALLBACK_SERVICE_APIS } from '../../../simulator/platformApis';

export type Answer = { success: unknown } | { fail: unknown } | 'never' | { throws: string };

/** A scripted stand-in for `tt`: records every call and answers each API as the test says. */
export function fakeRuntime(answers: Partial<Record<keyof RawRuntime, Answer>> = {}) {
  const calls: { api: string; options: Record<string, unknown> }[] = [];
  const runtime: Record<string, unknown> = {};
  // The simulator's service APIs, plus `request`, which the simulator's game frame answers itself.
  const callbackApis = [...CALLBACK_SERVICE_APIS, 'request'] as const;
  for (const api of callbackApis) {
    runtime[api] = (options: Record<string, unknown> & CallbackOptions<unknown>) => {
      calls.push({ api, options });
      const answer = (answers as Partial<Record<string, Answer>>)[api] ?? { success: {} };
      if (answer === 'never') return;
      if ('throws' in answer) throw new Error(answer.throws);
      // Platforms answer asynchronously; so does the fake, so ordering bugs show up in tests.
      queueMicrotask(() => {
        if ('success' in answer) options.success?.(answer.success);
        else options.fail?.(answer.fail as PlatformFailure);
        options.complete?.();
      });
    };
  }
  const posted: unknown[] = [];
  runtime.getOpenDataContext = () => ({ postMessage: (message: unknown) => posted.push(message) });
  return { runtime: runtime as RawRuntime, calls, posted };
}
