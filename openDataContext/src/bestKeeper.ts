/**
 * The player's best in cloud storage, kept by the one side that can read it back.
 *
 * Every candidate (a level that just ended, or the device's best the game sends again at start) is
 * weighed against a fresh read of the stored best and written only when higher (social/keepBest.ts).
 * After a write the next round reads the value back, so a lower write that raced in from another device
 * is overwritten again. A failed read or write is retried with backoff while the context lives; the game
 * sends its device best again at its next start, so nothing depends on this context staying alive.
 */
import { type BestScore, type CloudRules, encodeBestScore } from '../../assets/scripts/social/cloudScore';
import { decideBestWrite, readStoredBest, type StoredBest } from '../../assets/scripts/social/keepBest';
import type { ContextHost } from './host';

export const BEST_RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000] as const;
/** Read-decide-write rounds in one attempt; more means another writer keeps lowering the value. */
const MAX_ROUNDS = 4;

/**
 * What the notice says about the level that just ended:
 * - `checking`: the stored best is being read, nothing is claimed yet;
 * - `saving` / `saved`: a new best, being written / written and read back;
 * - `kept`: not above the stored best, which stays;
 * - `offline`: a read or write failed and is retried; `newBest` says whether it was decided first.
 */
export interface RunOutcome {
  readonly runId: string;
  readonly score: number;
  readonly phase: 'checking' | 'saving' | 'saved' | 'kept' | 'offline';
  /** null until the stored best was read. */
  readonly newBest: boolean | null;
  /** The valid stored best before this run, once read. */
  readonly previousBest: number | null;
}

export interface OwnBest {
  /** The stored best as last read or written; undefined before the first read, null when none. */
  readonly stored: { readonly score: number; readonly achievedAt: number | null } | null | undefined;
  /** The highest candidate not yet known to be stored. */
  readonly pending: BestScore | null;
  readonly lastRun: RunOutcome | null;
  /** Rounds that failed (read or write), for the debug counters. */
  readonly failures: number;
}

type KeeperHost = Pick<
  ContextHost,
  'getUserCloudStorage' | 'setUserCloudStorage' | 'setTimeout' | 'clearTimeout'
>;

export class BestKeeper {
  private stored: OwnBest['stored'] = undefined;
  private pending: BestScore | null = null;
  private lastRun: RunOutcome | null = null;
  private failures = 0;
  private working = false;
  private retryTimer: number | null = null;
  private retryAttempt = 0;

  constructor(
    private readonly host: KeeperHost,
    private readonly rules: CloudRules,
    private readonly onChange: () => void,
  ) {}

  get state(): OwnBest {
    return { stored: this.stored, pending: this.pending, lastRun: this.lastRun, failures: this.failures };
  }

  /** A level ended with `best.score`: weigh it, and tell the player what became of it. */
  levelEnded(runId: string, best: BestScore): void {
    if (this.lastRun?.runId === runId) return;
    this.lastRun = { runId, score: best.score, phase: 'checking', newBest: null, previousBest: null };
    this.offer(best);
  }

  /** The device's best, sent again in case its write never landed: weighed silently. */
  resume(best: BestScore): void {
    this.offer(best);
  }

  /** Reads the stored best (for the menu), unless it is known or being worked on. */
  load(): void {
    if (this.stored === undefined && !this.working && this.retryTimer === null) void this.work();
  }

  private offer(best: BestScore): void {
    if (this.pending === null || best.score > this.pending.score) this.pending = best;
    this.onChange();
    this.runNow();
  }

  private runNow(): void {
    if (this.retryTimer !== null) this.host.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryAttempt = 0;
    if (!this.working) void this.work();
  }

  private async work(): Promise<void> {
    this.working = true;
    try {
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        const stored = await this.read();
        if (stored === null) return this.failed();
        this.settleChecking(stored);
        const candidate = this.pending;
        if (candidate === null) return;
        const decision = decideBestWrite(stored, candidate);
        if (!decision.write) {
          this.pending = null;
          this.settleSaving();
          this.onChange();
          return;
        }
        if (!(await this.write(candidate))) return this.failed();
      }
      this.failed();
    } finally {
      this.working = false;
    }
  }

  /** The stored best, or null when the read failed. */
  private async read(): Promise<StoredBest | null> {
    let data: unknown;
    try {
      data = await this.host.getUserCloudStorage([this.rules.keys.score, this.rules.keys.meta]);
    } catch {
      return null;
    }
    const stored = readStoredBest(data, this.rules.keys, this.rules.scoreLimit);
    const known = stored.kind === 'score' ? { score: stored.score, achievedAt: stored.achievedAt } : null;
    const changed = this.stored === undefined || this.stored?.score !== known?.score;
    this.stored = known;
    if (changed) this.onChange();
    return stored;
  }

  private async write(best: BestScore): Promise<boolean> {
    try {
      await this.host.setUserCloudStorage(encodeBestScore(best, this.rules.keys, this.rules.scoreLimit));
      return true;
    } catch {
      return false;
    }
  }

  /** The first read after a level ended decides whether it was a new best. */
  private settleChecking(stored: StoredBest): void {
    const run = this.lastRun;
    if (run === null || (run.phase !== 'checking' && !(run.phase === 'offline' && run.newBest === null))) {
      return;
    }
    const decision = decideBestWrite(stored, run);
    this.lastRun = {
      ...run,
      phase: decision.write ? 'saving' : 'kept',
      newBest: decision.write,
      previousBest: decision.previousBest,
    };
    this.onChange();
  }

  /** Nothing left to write: a new best still marked as saving is now stored (or beaten elsewhere). */
  private settleSaving(): void {
    const run = this.lastRun;
    if (run !== null && run.newBest === true && run.phase !== 'saved') {
      this.lastRun = { ...run, phase: 'saved' };
    }
  }

  private failed(): void {
    this.failures += 1;
    const run = this.lastRun;
    if (run !== null && (run.phase === 'checking' || run.phase === 'saving')) {
      this.lastRun = { ...run, phase: 'offline' };
    }
    this.onChange();
    // A failed read for the menu alone is not retried: the next time the menu shows, it reads again.
    if (this.pending === null) return;
    const delay = BEST_RETRY_DELAYS_MS[Math.min(this.retryAttempt, BEST_RETRY_DELAYS_MS.length - 1)];
    this.retryAttempt += 1;
    try {
      this.retryTimer = this.host.setTimeout(() => {
        this.retryTimer = null;
        if (!this.working) void this.work();
      }, delay ?? 15_000);
    } catch {
      // No timers on this runtime: the game's next start sends the device best again.
    }
  }
}
