import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOpenDataContext } from '../../openDataContextBundle';
import { TEMPLATE_DIR } from '../projectCheck';
import { BUILTIN_2D_MATERIALS, readBuiltin2d } from './builtin2d';
import { writeBundle } from './bundle';
import { writeEngine } from './engine';
import { MAIN_BUNDLE, projectBundle } from './projectBundle';
import { engineSettings } from './settings';

/**
 * The headless `bytedance-mini-game` build (`npm run cocos:build`): a test build laid out like the
 * editor's output, from this repo and COCOS_ENGINE_DIR only.
 *
 *   game.js, application.js, src/system-loader.js, src/cc-env.js, src/adapter-repairs.js   our boot (boot/)
 *   web-adapter.js, engine-adapter.js, cocos-js/cc.js    the engine and adapters (engine.ts)
 *   assets/internal/       builtin 2D effects compiled from the engine's sources, and their materials
 *   assets/main/           the scenes and the scripts compiled by the editor's module loader
 *   src/settings.json      settings naming the bundles, builtin assets and the start scene
 *   openDataContext/       the open data context, bundled as `npm run cocos:templates` bundles it
 *   game.json, project.config.json   build-templates/ merged over the editor's defaults
 */

export interface BuildOptions {
  /** The Cocos project (this repo's root). */
  root: string;
  /** A bytedance engine build with its editor/assets (docs/cocos.md). */
  engineDir: string;
  /** The folder to write; emptied first. */
  out: string;
}

export interface BuildReport {
  out: string;
  /** What the build changed in the engine, one line each (engine.ts). */
  notes: string[];
  launchScene: string;
}

const BOOT_DIR = fileURLToPath(new URL('./boot/', import.meta.url));
/** Boot file in the repo (CommonJS-style `.cjs`, since the repo is ESM) → its path in the package. */
const BOOT_FILES: Record<string, string> = {
  'game.cjs': 'game.js',
  'application.cjs': 'application.js',
  'systemLoader.cjs': 'src/system-loader.js',
  'ccEnv.cjs': 'src/cc-env.js',
  'adapterRepairs.cjs': 'src/adapter-repairs.js',
};
const START_SCENE = 'db://assets/scenes/main.scene';

// What the editor's bytedance template puts in game.json before build-templates/ is merged in.
const EDITOR_GAME_JSON = {
  deviceOrientation: 'portrait',
  showStatusBar: false,
  networkTimeout: { request: 5000, connectSocket: 5000, uploadFile: 5000, downloadFile: 500000 },
};

function readObject(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

const writeJson = (path: string, value: unknown): void =>
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

function writeConfigs(root: string, out: string): void {
  writeJson(join(out, 'game.json'), {
    ...EDITOR_GAME_JSON,
    ...readObject(join(root, TEMPLATE_DIR, 'game.json')),
  });
  // The development client key of the repo's own project (the one the local game server knows);
  // `npm run cocos:package` writes the real one. Domains unchecked, as in a development build.
  const devKey = readObject(join(root, 'project.config.json')).appid;
  writeJson(join(out, 'project.config.json'), {
    projectname: 'Star Lanes (headless Cocos build)',
    ...readObject(join(root, TEMPLATE_DIR, 'project.config.json')),
    appid: devKey,
    app_id: devKey,
    setting: { urlCheck: false },
  });
}

export async function buildCocosPackage({ root, engineDir, out }: BuildOptions): Promise<BuildReport> {
  const builtins = readBuiltin2d(engineDir);
  const project = projectBundle(root);
  if (!project.scenes.includes(START_SCENE)) throw new Error(`the start scene ${START_SCENE} is missing`);
  const openDataContext = await bundleOpenDataContext();

  rmSync(out, { recursive: true, force: true });
  for (const dir of ['cocos-js', 'src', 'assets/internal', `assets/${MAIN_BUNDLE}`, 'openDataContext']) {
    mkdirSync(join(out, dir), { recursive: true });
  }
  const engine = await writeEngine(engineDir, out);
  for (const [file, target] of Object.entries(BOOT_FILES)) cpSync(join(BOOT_DIR, file), join(out, target));
  writeFileSync(
    join(out, 'src/boot-config.js'),
    `module.exports = ${JSON.stringify({ builtinMaterials: BUILTIN_2D_MATERIALS })};\n`,
  );
  writeBundle(join(out, 'assets/internal'), {
    name: 'internal',
    assets: [
      ...builtins.effects.map((effect) => ({
        uuid: effect.uuid,
        path: { path: effect.path, type: 'cc.EffectAsset' },
        json: {
          __type__: 'cc.EffectAsset',
          _name: effect.data.name,
          techniques: effect.data.techniques,
          shaders: effect.data.shaders,
          combinations: effect.data.combinations,
        },
      })),
      ...builtins.materials.map((material) => ({
        uuid: material.uuid,
        path: { path: material.path, type: 'cc.Material' },
        json: material.json,
      })),
    ],
  });
  writeBundle(join(out, `assets/${MAIN_BUNDLE}`), project.spec);
  const builtinAssets = [...builtins.effects, ...builtins.materials].map((asset) => asset.uuid);
  writeJson(
    join(out, 'src/settings.json'),
    engineSettings(root, {
      builtinAssets,
      launchScene: START_SCENE,
      projectBundles: ['internal', MAIN_BUNDLE],
    }),
  );
  writeFileSync(join(out, 'openDataContext/index.js'), openDataContext);
  if (existsSync(join(root, 'openDataContext/assets'))) {
    cpSync(join(root, 'openDataContext/assets'), join(out, 'openDataContext/assets'), { recursive: true });
  }
  writeConfigs(root, out);
  return { out, notes: engine.notes, launchScene: START_SCENE };
}
