/**
 * Written by tools/buildConfig before each build (npm run build, npm run cocos:templates; `-- --release`
 * for a release, docs/upload.md), then compiled as it is by both editions; edits here are overwritten.
 * The committed copy holds the development values; a release build leaves its own until the next build.
 */

export type GameZone = 'default' | 'test';

/** 'dev' for npm start and tests, 'release' for a package to upload. */
export const BUILD_MODE: 'dev' | 'release' = 'dev';
export const GAME_SERVER_URL: string = 'http://localhost:9530';
export const SHARE_IMAGE_URL: string = 'http://localhost:9528/assets/share-card.png';
export const CONTEXT_SHARE_IMAGE_URL: string = 'http://127.0.0.1:9529/openDataContext/assets/share-card.png';
/** 'test' in development and test builds, 'default' in a release. */
export const GAME_ZONE: GameZone = 'test';
