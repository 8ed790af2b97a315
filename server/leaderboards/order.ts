/**
 * The one ordering rule of the server's boards, shared by both storage backends: higher score first,
 * then the earlier second, then the smaller open_id. Both backends sort by a single integer key
 * (`sortKey`, ascending) and then by open_id, so SQLite and Redis cannot disagree about a rank.
 *
 * The key must fit a double exactly (Redis stores sorted-set scores as doubles), which leaves 53 bits:
 * 32 for the time in whole seconds since 2020 (until 2156) and 21 for the score. That is why scores are
 * capped at MAX_SCORE and why ties are decided at one-second resolution.
 */

export const MAX_SCORE = 2 ** 21 - 1;
export const TIME_EPOCH_MS = Date.UTC(2020, 0, 1);
const SECONDS_RANGE = 2 ** 32;

/** open_ids are printable ASCII, so JavaScript, SQLite and Redis compare them identically (bytewise). */
export const OPEN_ID_PATTERN = /^[\x21-\x7e]{1,128}$/;

export interface ScoreEntry {
  openId: string;
  score: number;
  /** When the server accepted the run, in ms since the Unix epoch. */
  achievedAt: number;
}

export function tieSecond(achievedAt: number): number {
  const seconds = Math.floor((achievedAt - TIME_EPOCH_MS) / 1000);
  if (seconds < 0 || seconds >= SECONDS_RANGE) {
    throw new RangeError(`achievedAt ${achievedAt} is outside the supported time range (2020 to 2156)`);
  }
  return seconds;
}

/** Lower is better. A negative score term puts higher scores first in ascending order. */
export function sortKey(score: number, achievedAt: number): number {
  if (!Number.isInteger(score) || score < 0 || score > MAX_SCORE) {
    throw new RangeError(`score ${score} must be an integer from 0 to ${MAX_SCORE}`);
  }
  return -score * SECONDS_RANGE + tieSecond(achievedAt);
}

/** The score a sort key was made from (the inverse of `sortKey` for its score part). */
export function scoreOfSortKey(key: number): number {
  return Math.ceil(-key / SECONDS_RANGE);
}

/**
 * The second a sort key was made at, in ms: what a board shows as `achievedAt`. Both backends answer
 * with it, so Redis needs no per-player time beside the key (one HMGET less per read, one HSET less per
 * best) and the two backends cannot disagree about it.
 */
export function achievedAtOfSortKey(key: number): number {
  return TIME_EPOCH_MS + (((key % SECONDS_RANGE) + SECONDS_RANGE) % SECONDS_RANGE) * 1000;
}

/** Exactly the keys `sortKey` can make: from MAX_SCORE at second 0 to score 0 at the last second. */
export function isValidSortKey(key: number): boolean {
  return Number.isSafeInteger(key) && key >= -MAX_SCORE * SECONDS_RANGE && key < SECONDS_RANGE;
}

/** Negative when `a` ranks above `b`. */
export function compareEntries(a: ScoreEntry, b: ScoreEntry): number {
  const byKey = sortKey(a.score, a.achievedAt) - sortKey(b.score, b.achievedAt);
  if (byKey !== 0) return byKey;
  return a.openId < b.openId ? -1 : a.openId > b.openId ? 1 : 0;
}
