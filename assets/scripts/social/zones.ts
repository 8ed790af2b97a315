/**
 * Zones keep one build's scores apart from another's, like the zone id of Douyin's rank API: a release
 * build plays in `default`, `npm start` and test builds in `test`, so trial runs never reach the boards
 * real players see. The cloud keys (here) and the game server's boards (server/) both carry the zone.
 */

export const DEFAULT_ZONE = 'default';
export const TEST_ZONE = 'test';

/**
 * Lower-case letters, digits and dashes: safe inside a cloud key, a Redis key and a URL query. The game
 * server checks zone names with this same pattern (server/leaderboards/zones.ts).
 */
export const ZONE_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;

export function isZoneName(value: unknown): value is string {
  return typeof value === 'string' && ZONE_PATTERN.test(value);
}

/** The two cloud keys that hold a player's best in one zone. */
export interface ScoreKeys {
  readonly score: string;
  readonly meta: string;
}

/**
 * The `default` zone keeps the guide's key names (`highScore`), so a live game's scores read as the
 * guide documents them; any other zone appends its name (`highScore_test`).
 */
export function scoreKeysFor(zone: string): ScoreKeys {
  if (!isZoneName(zone)) throw new RangeError(`zone must match ${ZONE_PATTERN}, got ${JSON.stringify(zone)}`);
  if (zone === DEFAULT_ZONE) return { score: 'highScore', meta: 'highScoreMeta' };
  return { score: `highScore_${zone}`, meta: `highScoreMeta_${zone}` };
}
