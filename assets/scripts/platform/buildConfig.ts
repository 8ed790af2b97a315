/**
 * Written by tools/buildConfig (see docs/upload.md); edits here are overwritten. npm run build puts its own
 * values into the bundle; npm run cocos:templates writes this file for the Cocos editor (-- --release for
 * a release). The committed copy holds the development values.
 */

export type GameZone = 'default' | 'test';

/** 'dev' for npm start and tests, 'release' for a package to upload. */
export const BUILD_MODE: 'dev' | 'release' = 'dev';
export const GAME_SERVER_URL: string = 'http://localhost:9530';
export const SHARE_IMAGE_URL: string = 'http://localhost:9528/assets/share-card.png';
export const CONTEXT_SHARE_IMAGE_URL: string = 'http://127.0.0.1:9529/openDataContext/assets/share-card.png';
/** 'test' in development and test builds, 'default' in a release. */
export const GAME_ZONE: GameZone = 'test';
