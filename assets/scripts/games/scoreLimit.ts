/**
 * The one rule for a score against the game's score limit (GameInfo.scoreLimit), so that a run record,
 * the server's boards, a friend's cloud value and a message to the open data context refuse the same
 * score with the same words.
 */

/** Why `score` is no score of this game, or null when it is one: a whole number from 0 to the limit. */
export function scoreProblem(score: unknown, scoreLimit: number): string | null {
  if (typeof score === 'number' && Number.isInteger(score) && score >= 0 && score <= scoreLimit) return null;
  return `score must be a whole number from 0 to ${scoreLimit}, the game's score limit; got ${shown(score)}`;
}

export function isGameScore(score: unknown, scoreLimit: number): score is number {
  return scoreProblem(score, scoreLimit) === null;
}

function shown(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `"${value.slice(0, 20)}"`;
  return value === null ? 'null' : typeof value;
}
