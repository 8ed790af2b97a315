import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildConfig } from './settings';

/**
 * The one way the build configuration reaches the game: this TypeScript module, which every build command
 * writes before anything compiles and which both editions then compile as it is, the Canvas build through
 * esbuild and the Cocos edition through the editor. What the file holds is what the last build shipped.
 */
export const BUILD_CONFIG_MODULE = 'assets/scripts/platform/buildConfig.ts';

export function renderBuildConfigModule(config: BuildConfig): string {
  // Single quotes, as the formatter writes them, so the committed file and a fresh rendering are equal.
  const literal = (value: string) =>
    `'${value.replace(/[\\'\n\r\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
  return `/**
 * Written by tools/buildConfig before each build (npm run build, npm run cocos:templates; \`-- --release\`
 * for a release, docs/upload.md), then compiled as it is by both editions; edits here are overwritten.
 * The committed copy holds the development values; a release build leaves its own until the next build.
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

/** Whether `root`'s module holds exactly `config`'s values (what a build made now would ship). */
export function buildConfigModuleHolds(root: string, config: BuildConfig): boolean {
  try {
    return readFileSync(join(root, BUILD_CONFIG_MODULE), 'utf8') === renderBuildConfigModule(config);
  } catch {
    return false;
  }
}

/**
 * Writes `config` into `root`'s module and says whether its text changed. An unchanged file is left alone
 * (no rebuild for watchers, no new timestamp); a changed one is replaced in one rename, so a compiler or
 * test reading it at that moment sees the old file or the new one, never half of either.
 */
export function writeBuildConfigModule(root: string, config: BuildConfig): boolean {
  if (buildConfigModuleHolds(root, config)) return false;
  const path = join(root, BUILD_CONFIG_MODULE);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, renderBuildConfigModule(config));
  renameSync(temporary, path);
  return true;
}
