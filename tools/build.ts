/**
 * `npm run build` (`-- --release` for a package to upload): bundles the Canvas 2D edition and the open
 * data context into a TikTok mini game package in dist/, then checks it against the platform's upload
 * rules.
 *
 *   dist/game.js                    minigame/main.ts and everything it imports
 *   dist/game.json                  from the repo root
 *   dist/project.config.json        from the repo root, app id from TIKTOK_APP_ID when set
 *   dist/assets/                    minigame/assets/ (images the game shares)
 *   dist/openDataContext/index.js   openDataContext/src/main.ts (also written to openDataContext/index.js)
 *   dist/openDataContext/assets/    openDataContext/assets/
 *
 * The server address, share images and zone come from tools/buildConfig, which writes them into
 * assets/scripts/platform/buildConfig.ts before bundling (the file the Cocos editor compiles too):
 * development values by default;
 * with --release, from GAME_SERVER_URL, SHARE_IMAGE_URL and CONTEXT_SHARE_IMAGE_URL, refused before
 * anything is written unless each is HTTPS, not loopback, and declared in game.json dev.requestDomains; and
 * unless TIKTOK_APP_ID (or game.json's app_id) is a real client key, not empty nor the placeholder.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseBuildConfig, ReleaseRefused } from './buildConfig/choose';
import { BUILD_CONFIG_MODULE, writeBuildConfigModule } from './buildConfig/module';
import type { BuildConfig } from './buildConfig/settings';
import { bundleScript } from './bundle';
import { bundleOpenDataContext } from './openDataContextBundle';
import { checkPackage, formatPackageReport } from './package-check/index';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

async function buildGame(): Promise<void> {
  writeFileSync(join(dist, 'game.js'), await bundleScript(join(root, 'minigame/main.ts')));
}

async function buildOpenDataContext(): Promise<void> {
  const script = await bundleOpenDataContext();
  // Also beside its sources: game.json names this folder, so the repo root is itself a runnable package.
  writeFileSync(join(root, 'openDataContext/index.js'), script);
  mkdirSync(join(dist, 'openDataContext'), { recursive: true });
  writeFileSync(join(dist, 'openDataContext/index.js'), script);
}

function readRootJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, name), 'utf8')) as Record<string, unknown>;
}

function copyConfig(build: BuildConfig): void {
  const appId = process.env.TIKTOK_APP_ID;
  for (const name of ['game.json', 'project.config.json']) {
    const config = readRootJson(name);
    if (appId) {
      config.app_id = appId;
      if (name === 'project.config.json') config.appid = appId;
    }
    // A release package checks domains wherever it runs, the simulator included, as a phone does.
    if (name === 'project.config.json' && build.mode === 'release') {
      const setting = typeof config.setting === 'object' && config.setting !== null ? config.setting : {};
      config.setting = { ...setting, urlCheck: true };
    }
    writeFileSync(join(dist, name), `${JSON.stringify(config, null, 2)}\n`);
  }
}

function copyAssets(): void {
  const folders: [string, string][] = [
    ['minigame/assets', 'assets'],
    ['openDataContext/assets', 'openDataContext/assets'],
  ];
  for (const [from, to] of folders) {
    if (existsSync(join(root, from))) cpSync(join(root, from), join(dist, to), { recursive: true });
  }
}

/** The configuration to build with; a release that must not ship stops here, before dist/ is touched. */
function chooseConfig(): BuildConfig {
  try {
    const config = chooseBuildConfig(root, process.argv.slice(2), process.env, { checkAppId: true });
    console.log(`${config.mode} build: server ${config.gameServerUrl}, zone ${config.zone}`);
    if (writeBuildConfigModule(root, config)) console.log(`wrote ${BUILD_CONFIG_MODULE} (${config.mode})`);
    return config;
  } catch (error) {
    if (!(error instanceof ReleaseRefused)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = chooseConfig();
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  await Promise.all([buildGame(), buildOpenDataContext()]);
  copyConfig(config);
  copyAssets();
  const result = checkPackage(dist);
  console.log(formatPackageReport(dist, result));
  if (!result.ok) process.exit(1);
}

await main();
