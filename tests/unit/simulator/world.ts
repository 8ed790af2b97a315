import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Domain, type Outcome, Platform } from '../../../simulator/server/platform';
import { SimClock } from '../../../simulator/server/runtimeState';
import { Store } from '../../../simulator/server/store';

/** A platform on a throwaway SQLite file, with a clock the test moves. */
export function makeWorld() {
  const dir = mkdtempSync(join(tmpdir(), 'sim-unit-'));
  let now = Date.UTC(2026, 5, 1);
  const clock = new SimClock(() => now);
  const store = new Store(dir);
  const platform = new Platform({ store, mainOrigin: 'http://localhost:9527', clock });
  return {
    platform,
    store,
    advance(ms: number) {
      now += ms;
    },
    call: (domain: Domain, api: string, args?: unknown): Promise<Outcome> => platform.call(domain, api, args),
    dispose() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type World = ReturnType<typeof makeWorld>;

export function okResult(outcome: Outcome): Record<string, unknown> {
  if (outcome.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(outcome)}`);
  return outcome.result;
}
