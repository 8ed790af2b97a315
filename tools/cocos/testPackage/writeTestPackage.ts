import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileProjectScripts } from './projectScripts';
import { engineSettings } from './settings';

export interface TestPackageOptions {
  /** The Cocos project (this repo's root). */
  root: string;
  /** A bytedance engine build: cc.js, web-adapter.js, engine-adapter.js (docs/cocos.md). */
  engineDir: string;
  /** The built open data context (`npm run build` writes dist/openDataContext/). */
  openDataContextDir: string;
  /** The folder to write; the simulator serves it as the package. */
  out: string;
}

const ENGINE_FILES = ['cc.js', 'web-adapter.js', 'engine-adapter.js'];
const BOOT_DIR = fileURLToPath(new URL('./boot/', import.meta.url));
const SCENE = 'assets/scenes/main.scene';
const BOOT_MODULES = ['systemLoader', 'env', 'missingMaterials'];

function commonJs(value: unknown): string {
  return `module.exports = ${JSON.stringify(value)};\n`;
}

/**
 * Writes a headless Cocos mini game package for the engine e2e test: this project's own boot (boot/),
 * the engine and adapters read from engineDir, the project's scripts compiled by the editor's module
 * loader, settings from settings/v2/packages/, the scene as the editor saved it, and the built open
 * data context. No file of an editor build is used.
 */
export function writeTestPackage({ root, engineDir, openDataContextDir, out }: TestPackageOptions): void {
  for (const file of ENGINE_FILES) {
    if (!existsSync(join(engineDir, file))) {
      throw new Error(`${engineDir} has no ${file}: point COCOS_ENGINE_DIR at a bytedance engine build`);
    }
  }
  if (!existsSync(join(openDataContextDir, 'index.js'))) {
    throw new Error(`${openDataContextDir}/index.js is missing: run npm run build first`);
  }
  const scripts = compileProjectScripts(root);
  mkdirSync(join(out, 'cocos'), { recursive: true });
  mkdirSync(join(out, 'boot'), { recursive: true });
  mkdirSync(join(out, 'src'), { recursive: true });
  for (const file of ENGINE_FILES) copyFileSync(join(engineDir, file), join(out, 'cocos', file));
  // CommonJS in the repo (.cjs, since the repo's package.json says "type": "module"), .js in the package.
  copyFileSync(join(BOOT_DIR, 'game.cjs'), join(out, 'game.js'));
  for (const file of BOOT_MODULES)
    copyFileSync(join(BOOT_DIR, `${file}.cjs`), join(out, 'boot', `${file}.js`));
  writeFileSync(
    join(out, 'src/project.js'),
    `${scripts.source}module.exports = ${JSON.stringify(scripts.ids)};\n`,
  );
  writeFileSync(join(out, 'src/settings.js'), commonJs(engineSettings(root)));
  writeFileSync(join(out, 'src/scene.js'), commonJs(JSON.parse(readFileSync(join(root, SCENE), 'utf8'))));
  cpSync(openDataContextDir, join(out, 'openDataContext'), { recursive: true });
  const config = { deviceOrientation: 'portrait', openDataContext: 'openDataContext' };
  writeFileSync(join(out, 'game.json'), `${JSON.stringify(config, null, 2)}\n`);
  writeFileSync(
    join(out, 'project.config.json'),
    // urlCheck off, as the editor's development builds write it: the game calls the local game server.
    `${JSON.stringify({ projectname: 'Star Lanes (engine test)', ...config, appid: 'sim-fixture-client-key', setting: { urlCheck: false } }, null, 2)}\n`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const engineDir = process.env.COCOS_ENGINE_DIR;
  const out = process.argv[2];
  if (!engineDir || !out) {
    console.error(
      'usage: COCOS_ENGINE_DIR=<engine build> npx tsx tools/cocos/testPackage/writeTestPackage.ts <out>',
    );
    process.exit(1);
  }
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  writeTestPackage({ root, engineDir, openDataContextDir: join(root, 'dist/openDataContext'), out });
  console.log(`Wrote the engine test package to ${out}`);
}
