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
  private stored_: OwnBest['stored'] = undefined;
  private pending_: BestScore | null = null;
  private lastRun_: RunOutcome | null = null;
  private failures_ = 0;
  private working_ = false;
  private retryTimer_: number | null = null;
  private retryAttempt_ = 0;

  constructor(
    private readonly host_: KeeperHost,
    private readonly rules_: CloudRules,
    private readonly onChange_: () => void,
  ) {}

  get state(): OwnBest {
    return { stored: this.stored_, pending: this.pending_, lastRun: this.lastRun_, failures: this.failures_ };
  }

  /** A level ended with `best.score`: weigh it, and tell the player what became of it. */
  levelEnded(runId: string, best: BestScore): void {
    if (this.lastRun_?.runId === runId) return;
    this.lastRun_ = { runId, score: best.score, phase: 'checking', newBest: null, previousBest: null };
    this.offer_(best);
  }

  /** The device's best, sent again in case its write never landed: weighed silently. */
  resume(best: BestScore): void {
    this.offer_(best);
  }

  /** Reads the stored best (for the menu), unless it is known or being worked on. */
  load(): void {
    if (this.stored_ === undefined && !this.working_ && this.retryTimer_ === null) void this.work_();
  }

  private offer_(best: BestScore): void {
    if (this.pending_ === null || best.score > this.pending_.score) this.pending_ = best;
    this.onChange_();
    this.runNow_();
  }

  private runNow_(): void {
    if (this.retryTimer_ !== null) this.host_.clearTimeout(this.retryTimer_);
    this.retryTimer_ = null;
    this.retryAttempt_ = 0;
    if (!this.working_) void this.work_();
  }

  private async work_(): Promise<void> {
    this.working_ = true;
    try {
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        const stored = await this.read_();
        if (stored === null) return this.failed_();
        this.settleChecking_(stored);
        const candidate = this.pending_;
        if (candidate === null) return;
        const decision = decideBestWrite(stored, candidate);
        if (!decision.write) {
          this.pending_ = null;
          this.settleSaving_();
          this.onChange_();
          return;
        }
        if (!(await this.write_(candidate))) return this.failed_();
      }
      this.failed_();
    } finally {
      this.working_ = false;
    }
  }

  /** The stored best, or null when the read failed. */
  private async read_(): Promise<StoredBest | null> {
    let data: unknown;
    try {
      data = await this.host_.getUserCloudStorage([this.rules_.keys.score, this.rules_.keys.meta]);
    } catch {
      return null;
    }
    const stored = readStoredBest(data, this.rules_.keys, this.rules_.scoreLimit);
    const known = stored.kind === 'score' ? { score: stored.score, achievedAt: stored.achievedAt } : null;
    const changed = this.stored_ === undefined || this.stored_?.score !== known?.score;
    this.stored_ = known;
    if (changed) this.onChange_();
    return stored;
  }

  private async write_(best: BestScore): Promise<boolean> {
    try {
      await this.host_.setUserCloudStorage(encodeBestScore(best, this.rules_.keys, this.rules_.scoreLimit));
      return true;
    } catch {
      return false;
    }
  }

  /** The first read after a level ended decides whether it was a new best. */
  private settleChecking_(stored: StoredBest): void {
    const run = this.lastRun_;
    if (run === null || (run.phase !== 'checking' && !(run.phase === 'offline' && run.newBest === null))) {
      return;
    }
    const decision = decideBestWrite(stored, run);
    this.lastRun_ = {
      ...run,
      phase: decision.write ? 'saving' : 'kept',
      newBest: decision.write,
      previousBest: decision.previousBest,
    };
    this.onChange_();
  }

  /** Nothing left to write: a new best still marked as saving is now stored (or beaten elsewhere). */
  private settleSaving_(): void {
    const run = this.lastRun_;
    if (run !== null && run.newBest === true && run.phase !== 'saved') {
      this.lastRun_ = { ...run, phase: 'saved' };
    }
  }

  private failed_(): void {
    this.failures_ += 1;
    const run = this.lastRun_;
    if (run !== null && (run.phase === 'checking' || run.phase === 'saving')) {
      this.lastRun_ = { ...run, phase: 'offline' };
    }
    this.onChange_();
    // A failed read for the menu alone is not retried: the next time the menu shows, it reads again.
    if (this.pending_ === null) return;
    const delay = BEST_RETRY_DELAYS_MS[Math.min(this.retryAttempt_, BEST_RETRY_DELAYS_MS.length - 1)];
    this.retryAttempt_ += 1;
    try {
      this.retryTimer_ = this.host_.setTimeout(() => {
        this.retryTimer_ = null;
        if (!this.working_) void this.work_();
      }, delay ?? 15_000);
    } catch {
      // No timers on this runtime: the game's next start sends the device best again.
    }
  }
}
