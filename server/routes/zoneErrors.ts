import type { Boards } from '../leaderboards/boards';

/** The 400 body for a well-formed zone this server was not configured with (BOARD_ZONES). */
export function unknownZone(zone: string, boards: Boards): { error: string; message: string } {
  return {
    error: 'unknown_zone',
    message: `zone "${zone}" is not configured on this server (it knows ${boards.zones.join(', ')}); add it to BOARD_ZONES or use one of those`,
  };
}
