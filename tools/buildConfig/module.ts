import type { Plugin } from 'esbuild';
import type { BuildConfig } from './settings';

/**
 * The build configuration reaches the game as one TypeScript module, assets/scripts/platform/buildConfig.ts.
 * The Cocos editor compiles that file as it is (npm run cocos:templates writes it); esbuild replaces its
 * contents while bundling, so a Canvas build never depends on what the file holds at the time.
 */
export const BUILD_CONFIG_MODULE = 'assets/scripts/platform/buildConfig.ts';

const MODULE_PATTERN = /[\\/]assets[\\/]scripts[\\/]platform[\\/]buildConfig\.ts$/;

export function renderBuildConfigModule(config: BuildConfig): string {
  // Single quotes, as the formatter writes them, so the committed file and a fresh rendering are equal.
  const literal = (value: string) =>
    `'${value.replace(/[\\'\n\r\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
  return `/**
 * Written by tools/buildConfig (see docs/upload.md); edits here are overwritten. npm run build puts its own
 * values into the bundle; npm run cocos:templates writes this file for the Cocos editor (-- --release for
 * a release). The committed copy holds the development values.
 */

export type GameZone = 'default' | 'test';

/** 'dev' for npm start and tests, 'release' for a package to upload. */
export const BUILD_MODE: 'dev' | 'release' = ${literal(config.mode)};
export const GAME_SERVER_URL: string = ${literal(config.gameServerUrl)};
export const SHARE_IMAGE_URL: string = ${literal(config.shareImageUrl)};
export const CONTEXT_SHARE_IMAGE_URL: string = ${literal(config.contextShareImageUrl)};
/** 'test' in development and test builds, 'default' in a release. */
export const GAME_ZONE: GameZone = ${literal(config.zone)};
`;
}

/** Serves the rendered module in place of the file, for every bundle built with this configuration. */
export function buildConfigPlugin(config: BuildConfig): Plugin {
  return {
    name: 'build-config',
    setup(build) {
      build.onLoad({ filter: MODULE_PATTERN }, () => ({
        contents: renderBuildConfigModule(config),
        loader: 'ts',
      }));
    },
  };
}
