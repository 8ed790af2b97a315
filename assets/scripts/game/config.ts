/**
 * Where the game server lives. One constant so a developer changes one line when deploying: in
 * production this is your HTTPS domain, registered as a request domain in TikTok's developer console.
 * Locally `npm start` runs the server on port 9530 (see docs/architecture.md).
 */
export const GAME_SERVER_URL = 'http://localhost:9530';

/** Local storage keys of the game (not cloud storage); one prefix keeps them apart from other data. */
export const STORAGE_KEYS = {
  /** Runs not yet on the game server, and this device's best (game/runOutbox.ts). */
  outbox: 'starLanes.outbox',
  /** The player's open id from the last server session: who "you" are while login fails. */
  openId: 'starLanes.openId',
} as const;

/**
 * The share card image must be an absolute http(s) URL. Locally the simulator's game frame serves the
 * package (minigame/assets/ is copied to dist/assets/); in production point this at your CDN.
 */
export const SHARE_IMAGE_URL = 'http://localhost:9528/assets/share-card.png';
