/**
 * The build configuration both editions ship: where the game server is, the share card images, and the
 * deployment zone. A development build points at `npm start`'s local servers; a release build takes its
 * addresses from the environment (GAME_SERVER_URL, SHARE_IMAGE_URL, CONTEXT_SHARE_IMAGE_URL) and must pass
 * releaseProblems() before anything is written. docs/upload.md tells the developer how.
 */

export type BuildMode = 'dev' | 'release';
export type GameZone = 'default' | 'test';

export interface BuildConfig {
  mode: BuildMode;
  /** The game server's base URL (assets/scripts/shell/serverClient.ts). */
  gameServerUrl: string;
  /** The card image of the game's `shareAppMessage`. */
  shareImageUrl: string;
  /** The card image of the open data context's `shareToUser`. */
  contextShareImageUrl: string;
  /** 'test' for development and test builds, 'default' for a release: keeps test data apart from players'. */
  zone: GameZone;
}

export type UrlSetting = 'gameServerUrl' | 'shareImageUrl' | 'contextShareImageUrl';

/** Each address a release build needs, with the environment variable that sets it. */
export const URL_SETTINGS: readonly { key: UrlSetting; env: string; what: string }[] = [
  { key: 'gameServerUrl', env: 'GAME_SERVER_URL', what: "the game server's address" },
  { key: 'shareImageUrl', env: 'SHARE_IMAGE_URL', what: "the game's share card image" },
  {
    key: 'contextShareImageUrl',
    env: 'CONTEXT_SHARE_IMAGE_URL',
    what: "the open data context's share card image (defaults to SHARE_IMAGE_URL)",
  },
];

/**
 * `npm start`'s servers: the game server on 9530, the simulator's game frame (which serves the package's
 * assets/) on 9528 and its open data context origin on 9529.
 */
export const DEV_BUILD_CONFIG: BuildConfig = {
  mode: 'dev',
  gameServerUrl: 'http://localhost:9530',
  shareImageUrl: 'http://localhost:9528/assets/share-card.png',
  contextShareImageUrl: 'http://127.0.0.1:9529/openDataContext/assets/share-card.png',
  zone: 'test',
};

type Environment = Readonly<Record<string, string | undefined>>;

/** The configuration of a build; a release's values come from `env` and are checked by releaseProblems(). */
export function resolveBuildConfig(mode: BuildMode, env: Environment): BuildConfig {
  if (mode === 'dev') return DEV_BUILD_CONFIG;
  const read = (name: string): string => env[name]?.trim() ?? '';
  const shareImageUrl = read('SHARE_IMAGE_URL');
  return {
    mode,
    gameServerUrl: read('GAME_SERVER_URL'),
    shareImageUrl,
    contextShareImageUrl: read('CONTEXT_SHARE_IMAGE_URL') || shareImageUrl,
    zone: 'default',
  };
}

/** `--release` among the command's arguments picks a release build. */
export function buildModeFromArgs(args: readonly string[]): BuildMode {
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--release');
  if (unknown.length > 0)
    throw new Error(`unknown option ${unknown.join(', ')} (the only option is --release)`);
  return args.includes('--release') ? 'release' : 'dev';
}
