/**
 * Zones keep one build's boards apart from another's, like the `zoneId` of Douyin's rank API: a
 * release build plays in `default`, `npm start` and test builds in `test`, and a server may add its own
 * (a soft launch, a region). Every board belongs to exactly one zone; a zone the server was not
 * configured with is refused, so a typo cannot open a board nobody reads.
 */
import { DEFAULT_ZONE, TEST_ZONE, ZONE_PATTERN } from '../../assets/scripts/social/zones';

// One set of names and one pattern for the game's cloud keys and the server's boards.
export { DEFAULT_ZONE, TEST_ZONE, ZONE_PATTERN };

/**
 * `default` and `test`, then the extra zones, without repeats. Throws a RangeError naming `setting`
 * for a name that does not fit ZONE_PATTERN.
 */
export function zoneList(extra: readonly string[], setting = 'zones'): string[] {
  for (const zone of extra) {
    if (!ZONE_PATTERN.test(zone)) {
      throw new RangeError(
        `${setting}: ${JSON.stringify(zone)} is not a zone name (1 to 32 of a-z, 0-9 and "-", not starting with "-")`,
      );
    }
  }
  return [...new Set([DEFAULT_ZONE, TEST_ZONE, ...extra])];
}

/** A comma-separated list from the environment (`BOARD_ZONES=season-2,cn`); blanks are ignored. */
export function parseZoneList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((zone) => zone.trim())
    .filter((zone) => zone !== '');
}
