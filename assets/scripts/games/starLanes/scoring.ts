/**
 * Scoring rules, as pure functions so the rules are readable in one place and tested on their own.
 *
 * - A star is worth 10 points times the streak multiplier: 1 for the first star after a start or a hit,
 *   then 2, 3, 4 and at most 5 for consecutive stars.
 * - Hitting a rock costs a life and resets the streak.
 * - Completing a level adds 100 points per level number and 100 per life left. A failed level keeps
 *   the star points only.
 */
export const STAR_POINTS = 10;
export const MAX_STREAK_MULTIPLIER = 5;
export const LEVEL_BONUS_PER_LEVEL = 100;
export const LEVEL_BONUS_PER_LIFE = 100;
export const STARTING_LIVES = 3;

/** Points for a star collected when `streak` stars were already collected since the last hit. */
export function starPoints(streak: number): number {
  return STAR_POINTS * Math.min(streak + 1, MAX_STREAK_MULTIPLIER);
}

export function completionBonus(levelNumber: number, livesLeft: number): number {
  return LEVEL_BONUS_PER_LEVEL * levelNumber + LEVEL_BONUS_PER_LIFE * livesLeft;
}
