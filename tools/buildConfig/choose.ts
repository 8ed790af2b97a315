import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRequestDomains } from '../package-check/requestDomains';
import { appIdProblems, releaseProblems } from './releaseCheck';
import { type BuildConfig, buildModeFromArgs, resolveBuildConfig } from './settings';

/** A release configuration that must not ship; the message lists every problem. */
export class ReleaseRefused extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`release build refused:\n${problems.map((problem) => `  ✗ ${problem}`).join('\n')}`);
    this.name = 'ReleaseRefused';
  }
}

export interface ChooseOptions {
  /**
   * Also refuse a release without a real app id (`TIKTOK_APP_ID`, else game.json's `app_id`): for a command
   * that writes the package's configs (`npm run build`). `cocos:package` checks the app id it writes itself.
   */
  checkAppId?: boolean;
}

/**
 * The configuration a build command runs with (`--release` in `args` for a release), checked against the
 * request domains `root`'s game.json declares. Both editions' commands call this, so they agree.
 */
export function chooseBuildConfig(
  root: string,
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  options: ChooseOptions = {},
): BuildConfig {
  const config = resolveBuildConfig(buildModeFromArgs(args), env);
  if (config.mode === 'dev') return config;
  const gameJson = JSON.parse(readFileSync(join(root, 'game.json'), 'utf8')) as Record<string, unknown>;
  const problems = [
    ...(options.checkAppId ? appIdProblems(env, gameJson.app_id) : []),
    ...releaseProblems(config, readRequestDomains(gameJson)),
  ];
  if (problems.length > 0) throw new ReleaseRefused(problems);
  return config;
}
