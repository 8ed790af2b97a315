/** Weekly boards run from Monday 00:00 UTC to the next Monday 00:00 UTC. */

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

export type BoardName = 'global' | 'weekly';
/** Storage-level board id: `global`, or `weekly:<Monday as YYYY-MM-DD>`. */
export type BoardId = string;

export const GLOBAL_BOARD: BoardId = 'global';

export function weekStart(now: number): number {
  const midnight = Math.floor(now / DAY_MS) * DAY_MS;
  const daysSinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return midnight - daysSinceMonday * DAY_MS;
}

export function nextWeeklyReset(now: number): number {
  return weekStart(now) + WEEK_MS;
}

export function weeklyBoardId(now: number): BoardId {
  return `weekly:${new Date(weekStart(now)).toISOString().slice(0, 10)}`;
}

export function boardIdFor(board: BoardName, now: number): BoardId {
  return board === 'global' ? GLOBAL_BOARD : weeklyBoardId(now);
}

/** When the board's current period ends, or null for a board that never resets. */
export function nextResetFor(board: BoardName, now: number): number | null {
  return board === 'global' ? null : nextWeeklyReset(now);
}

/** The boards a run accepted at `now` counts on. */
export function boardsForRun(now: number): BoardId[] {
  return [GLOBAL_BOARD, weeklyBoardId(now)];
}

/** Keep a finished weekly board this long (Redis expiry), so last week's results stay readable. */
export const WEEKLY_BOARD_RETENTION_SECONDS = (WEEK_MS * 5) / 1000;
