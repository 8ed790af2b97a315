/**
 * Where the game server lives, the share card image (an absolute URL, as the platform wants) and the
 * deployment zone come from the build configuration, not from constants here: `npm start` builds with
 * the local servers (the game server on 9530, the package's assets/ on the simulator's game frame) and
 * zone 'test'; `npm run build -- --release` with your HTTPS addresses and zone 'default' (docs/upload.md).
 */
export type { GameZone } from '../platform/buildConfig';
export { GAME_SERVER_URL, GAME_ZONE, SHARE_IMAGE_URL } from '../platform/buildConfig';

/** Local storage keys of the game (not cloud storage); one prefix keeps them apart from other data. */
export const STORAGE_KEYS = {
  /** Runs not yet on the game server, and this device's best (game/runOutbox.ts). */
  outbox: 'starLanes.outbox',
  /** The player's open id from the last server session: who "you" are while login fails. */
  openId: 'starLanes.openId',
  /** Run seeds fetched ahead from the game server, with their player (game/seedStock.ts). */
  seeds: 'starLanes.seeds',
} as const;
