/** Small in-memory stand-ins for the platform wrapper and timers, for the game service tests. */

import type { RawRequestResult } from '../../../assets/scripts/platform/index';
import { PlatformError } from '../../../assets/scripts/platform/index';

export class FakeScheduler {
  private timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;
  now = 0;

  setTimeout = (callback: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + ms, callback });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };

  pendingDelays(): number[] {
    return [...this.timers.values()].map((timer) => timer.at - this.now);
  }

  /** Moves time forward, firing due timers in order, and lets promise callbacks run between them. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      await flushPromises();
      const due = [...this.timers.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = end;
    await flushPromises();
  }
}

export async function flushPromises(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

export class MemoryStorage {
  readonly values = new Map<string, string>();
  readStorage = (key: string): string | null => this.values.get(key) ?? null;
  writeStorage = (key: string, value: string): void => {
    this.values.set(key, value);
  };
  removeStorage = (key: string): void => {
    this.values.delete(key);
  };
}

export type Route = (body: unknown, header: Record<string, string>) => RawRequestResult;

/** A fake `request` that answers from a route table keyed by "METHOD path" (path without query). */
export function fakeRequest(routes: Record<string, Route>, log: { url: string; data: unknown }[] = []) {
  return async (options: {
    url: string;
    method?: string;
    data?: unknown;
    header?: Record<string, string>;
  }): Promise<RawRequestResult> => {
    log.push({ url: options.url, data: options.data });
    const path = new URL(options.url).pathname;
    const route = routes[`${options.method ?? 'GET'} ${path}`];
    if (!route) throw new PlatformError('request', 'failed', 'connection refused');
    return route(options.data, options.header ?? {});
  };
}
