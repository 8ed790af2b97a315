/**
 * Nothing the player earned is lost: every finished run goes to the game server, and the device's best
 * goes to the open data context (which keeps the cloud best), even when the app closes or the network
 * fails in between.
 *
 * The outbox lives in local storage (`tt.setStorageSync`). Runs are submitted oldest first at start, on
 * return to the foreground, after each success and on a backoff timer; one is removed when the server
 * accepted it, or refused the run itself (a replay that does not match, a seed used or expired can never
 * succeed). Sending a run twice is harmless: the server answers the same run with the same seed again and
 * keeps the best. The device best is never removed: the game sends it again at every start, and the
 * context writes it only if the cloud holds less.
 *
 * The server takes a run with a seed it issued to the player (shell/seedStock.ts). A run played on a
 * seed the device drew itself, because the stock was empty (the server down, the game just started), is
 * queued too and sent as an offline run (`POST /v1/runs/offline`), which the server takes a few times a
 * day per player (docs/server.md, "Offline runs").
 */
import { parseRunRecord, type RunRecord, type RunRules } from '../games/runRecord';
import type { BestScore } from '../social/cloudScore';
import type { RunVerdict } from './serverAnswers';
import { ServerError, type ServerProblem, serverProblem } from './serverClient';

/**
 * Where a run's seed came from: `server`, issued to the player; `test`, chosen by the test mode
 * (`seed=n`), issued by a development server just before the run is sent; `offline`, drawn on the device
 * when no server seed was at hand, sent as an offline run.
 */
export type SeedSource = 'server' | 'test' | 'offline';

export interface PendingRun {
  readonly id: string;
  readonly run: RunRecord;
  readonly seedFrom: SeedSource;
}

export interface OutboxState {
  readonly v: 1;
  /** Oldest first. */
  readonly runs: readonly PendingRun[];
  /** The best run this device ever finished, as the cloud should hold it at least. */
  readonly deviceBest: BestScore | null;
}

/**
 * Where a run stands, for the results screen: being sent, on the server, waiting for the network (or
 * the login) to come back, or refused by the server for good.
 */
export type RunDelivery =
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly verdict: RunVerdict }
  | { readonly kind: 'waiting'; readonly reason: string; readonly problem: ServerProblem }
  | { readonly kind: 'refused'; readonly reason: string };

/** Enough for a long offline session; when full, the lowest score goes first (the board keeps bests). */
export const OUTBOX_CAPACITY = 20;
export const OUTBOX_RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 16_000, 30_000] as const;

export const emptyOutbox = (): OutboxState => ({ v: 1, runs: [], deviceBest: null });

export function runId(run: RunRecord, achievedAt: number): string {
  return `${achievedAt.toString(36)}-${run.seed.toString(36)}-${run.level}-${run.claimedScore}`;
}

/** Reads the stored outbox; malformed parts are dropped one by one, never the whole box. */
export function parseOutbox(text: string | null, rules: RunRules): OutboxState {
  if (text === null) return emptyOutbox();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return emptyOutbox();
  }
  if (typeof value !== 'object' || value === null) return emptyOutbox();
  const { runs, deviceBest } = value as Record<string, unknown>;
  const pending: PendingRun[] = [];
  for (const entry of Array.isArray(runs) ? runs : []) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, run, seedFrom } = entry as Record<string, unknown>;
    const parsed = parseRunRecord(run, rules);
    if (typeof id === 'string' && id.length > 0 && id.length <= 64 && parsed.ok) {
      // Runs queued before seeds were tracked are sent as they are; the server judges their seed.
      const from: SeedSource = seedFrom === 'test' || seedFrom === 'offline' ? seedFrom : 'server';
      pending.push({ id, run: parsed.run, seedFrom: from });
    }
  }
  return { v: 1, runs: pending.slice(-OUTBOX_CAPACITY), deviceBest: readBest(deviceBest) };
}

function readBest(value: unknown): BestScore | null {
  if (typeof value !== 'object' || value === null) return null;
  const { score, level, achievedAt } = value as Record<string, unknown>;
  const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  if (!isCount(score) || !isCount(level) || level < 1 || !isCount(achievedAt)) return null;
  return { score, level, achievedAt };
}

/** Adds a run (once); when full, drops the lowest-scoring older run to make room. */
export function withRun(state: OutboxState, entry: PendingRun, capacity = OUTBOX_CAPACITY): OutboxState {
  if (state.runs.some((pending) => pending.id === entry.id)) return state;
  const runs = [...state.runs];
  while (runs.length >= capacity && runs.length > 0) {
    let lowest = 0;
    runs.forEach((pending, index) => {
      if (pending.run.claimedScore < (runs[lowest]?.run.claimedScore ?? 0)) lowest = index;
    });
    runs.splice(lowest, 1);
  }
  return { ...state, runs: [...runs, entry] };
}

export function withoutRun(state: OutboxState, id: string): OutboxState {
  return { ...state, runs: state.runs.filter((pending) => pending.id !== id) };
}

/** Raises the device best; a lower or equal score leaves it (the earlier of two equal bests ranks first). */
export function withDeviceBest(state: OutboxState, best: BestScore): OutboxState {
  if (state.deviceBest !== null && state.deviceBest.score >= best.score) return state;
  return { ...state, deviceBest: best };
}

export function retryDelay(attempt: number): number {
  return OUTBOX_RETRY_DELAYS_MS[Math.min(attempt, OUTBOX_RETRY_DELAYS_MS.length - 1)] ?? 30_000;
}

export interface OutboxStorage {
  readStorage(key: string): string | null;
  writeStorage(key: string, value: string): void;
}

export interface OutboxScheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RunOutboxDeps {
  storage: OutboxStorage;
  /** The local storage key of the outbox (storageKeys() of the game). */
  storageKey: string;
  /** The game's run rules: a stored run that no longer fits them is dropped. */
  rules: RunRules;
  scheduler: OutboxScheduler;
  submit: (run: RunRecord, seedFrom: SeedSource) => Promise<RunVerdict>;
  /** Each accepted run's verdict (the player's best on the server, their rank). */
  onVerdict?: (verdict: RunVerdict) => void;
}

export function createRunOutbox({ storage, storageKey, rules, scheduler, submit, onVerdict }: RunOutboxDeps) {
  let state = load();
  const deliveries = new Map<string, RunDelivery>();
  let draining: Promise<void> | null = null;
  let again = false;
  let retryTimer: unknown = null;
  let attempt = 0;

  function load(): OutboxState {
    try {
      return parseOutbox(storage.readStorage(storageKey), rules);
    } catch {
      return emptyOutbox();
    }
  }

  function save(next: OutboxState): void {
    state = next;
    try {
      storage.writeStorage(storageKey, JSON.stringify(state));
    } catch {
      // Storage full or unavailable: the outbox still works for this session, only a restart could lose it.
    }
  }

  async function drainOnce(): Promise<void> {
    for (const pending of [...state.runs]) {
      deliveries.set(pending.id, { kind: 'saving' });
      try {
        const verdict = await submit(pending.run, pending.seedFrom);
        save(withoutRun(state, pending.id));
        deliveries.set(pending.id, { kind: 'saved', verdict });
        attempt = 0;
        onVerdict?.(verdict);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (error instanceof ServerError && !error.retryable) {
          save(withoutRun(state, pending.id));
          deliveries.set(pending.id, { kind: 'refused', reason });
          continue;
        }
        const problem = serverProblem(error);
        for (const waiting of state.runs) deliveries.set(waiting.id, { kind: 'waiting', reason, problem });
        scheduleRetry();
        return;
      }
    }
  }

  function scheduleRetry(): void {
    if (retryTimer !== null) return;
    retryTimer = scheduler.setTimeout(() => {
      retryTimer = null;
      void drain();
    }, retryDelay(attempt));
    attempt += 1;
  }

  /** Sends what is pending; resolves when this pass ended (succeeded, or waits for a retry). */
  function drain(): Promise<void> {
    if (draining !== null) {
      again = true;
      return draining;
    }
    if (retryTimer !== null) {
      scheduler.clearTimeout(retryTimer);
      retryTimer = null;
    }
    draining = (async () => {
      do {
        again = false;
        await drainOnce();
      } while (again);
    })().finally(() => {
      draining = null;
    });
    return draining;
  }

  return {
    /** Keeps a finished run (and raises the device best); returns its id. Sending starts at once. */
    add(run: RunRecord, achievedAt: number, seedFrom: SeedSource = 'server'): string {
      const id = runId(run, achievedAt);
      const best = { score: run.claimedScore, level: run.level, achievedAt };
      save(withDeviceBest(withRun(state, { id, run, seedFrom }), best));
      deliveries.set(id, { kind: 'saving' });
      attempt = 0;
      void drain();
      return id;
    },
    drain,
    /** Where a run of this session stands; runs from earlier sessions are only in `pending()`. */
    delivery: (id: string): RunDelivery | null => deliveries.get(id) ?? null,
    pending: (): readonly PendingRun[] => state.runs,
    deviceBest: (): BestScore | null => state.deviceBest,
    dispose(): void {
      if (retryTimer !== null) scheduler.clearTimeout(retryTimer);
      retryTimer = null;
    },
  };
}

export type RunOutbox = ReturnType<typeof createRunOutbox>;
