/**
 * Keep-best: the rule that a write to cloud storage may only raise the player's best.
 *
 * Only code that has just read the stored best may decide (the open data context: it is the one side
 * that can read the player's cloud storage). The platform offers no compare-and-set, so two devices can
 * race; each one reads back after writing and asserts its best again on its next start, and because a
 * decision never lowers the stored value, the higher of the two is what stays.
 */
import { type BestScore, parseCloudScore } from './cloudScore';
import type { ScoreKeys } from './zones';

/** What `getUserCloudStorage` holds for the player's best, read as hostile as a friend's value. */
export type StoredBest =
  | { readonly kind: 'absent' }
  | { readonly kind: 'score'; readonly score: number; readonly achievedAt: number | null }
  /** Something is there but it is no score (hand-edited, another tool, a bug): it protects nothing. */
  | { readonly kind: 'malformed' };

export interface BestDecision {
  /** Whether to write the candidate now. */
  readonly write: boolean;
  /** The valid stored best before this decision, or null. What "you passed" is measured from. */
  readonly previousBest: number | null;
  /** The best once the decision is carried out. */
  readonly best: number;
}

/** Reads the player's own `data[]` (both keys) as `getUserCloudStorage` returns it. Never throws. */
export function readStoredBest(data: unknown, keys: ScoreKeys, scoreLimit: number): StoredBest {
  const score = parseCloudScore(data, keys, scoreLimit);
  if (score !== null) return { kind: 'score', score: score.score, achievedAt: score.achievedAt };
  const present =
    Array.isArray(data) &&
    data.some((entry) => typeof entry === 'object' && entry !== null && entry.key === keys.score);
  return present ? { kind: 'malformed' } : { kind: 'absent' };
}

/**
 * Whether `candidate` may be written over `stored`. Strictly higher wins; an equal score keeps the
 * stored one, whose time is earlier (ranking breaks ties by the earlier time).
 */
export function decideBestWrite(stored: StoredBest, candidate: Pick<BestScore, 'score'>): BestDecision {
  if (stored.kind !== 'score') return { write: true, previousBest: null, best: candidate.score };
  if (candidate.score > stored.score) {
    return { write: true, previousBest: stored.score, best: candidate.score };
  }
  return { write: false, previousBest: stored.score, best: stored.score };
}
