/**
 * `npm run build`: bundles the Canvas 2D edition and the open data context into a TikTok mini game
 * package in dist/, then checks it against the platform's upload rules.
 *
 *   dist/game.js                    minigame/main.ts and everything it imports
 *   dist/game.json                  from the repo root
 *   dist/project.config.json        from the repo root, app id from TIKTOK_APP_ID when set
 *   dist/assets/                    minigame/assets/ (images the game shares)
 *   dist/openDataContext/index.js   openDataContext/src/main.ts (also written to openDataContext/index.js)
 *   dist/openDataContext/assets/    openDataContext/assets/
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOpenDataContext } from '../openDataContext/bundle';
import { bundleScript } from './bundle';
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

function copyConfig(): void {
  const appId = process.env.TIKTOK_APP_ID;
  for (const name of ['game.json', 'project.config.json']) {
    const config = JSON.parse(readFileSync(join(root, name), 'utf8')) as Record<string, unknown>;
    if (appId) {
      config.app_id = appId;
      if (name === 'project.config.json') config.appid = appId;
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

async function main(): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  await Promise.all([buildGame(), buildOpenDataContext()]);
  copyConfig();
  copyAssets();
  const result = checkPackage(dist);
  console.log(formatPackageReport(dist, result));
  if (!result.ok) process.exit(1);
}

await main();
