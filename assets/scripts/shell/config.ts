/**
 * Where the game server lives, the share card image (an absolute URL, as the platform wants) and the
 * deployment zone come from the build configuration, not from constants here: `npm start` builds with
 * the local servers (the game server on 9530, the package's assets/ on the simulator's game frame) and
 * zone 'test'; `npm run build -- --release` with your HTTPS addresses and zone 'default' (docs/upload.md).
 */
export type { GameZone } from '../platform/buildConfig';
export { GAME_SERVER_URL, GAME_ZONE, SHARE_IMAGE_URL } from '../platform/buildConfig';

/** The shell's local storage keys (not cloud storage), under the game's prefix to keep them apart. */
export function storageKeys(prefix: string) {
  return {
    /** Runs not yet on the game server, and this device's best (shell/runOutbox.ts). */
    outbox: `${prefix}.outbox`,
    /** The player's open id from the last server session: who "you" are while login fails. */
    openId: `${prefix}.openId`,
    /** Run seeds fetched ahead from the game server, with their player (shell/seedStock.ts). */
    seeds: `${prefix}.seeds`,
    /** The highest level unlocked on this device (shell/levelProgress.ts). */
    unlockedLevel: `${prefix}.unlockedLevel`,
  } as const;
}

export type StorageKeys = ReturnType<typeof storageKeys>;
