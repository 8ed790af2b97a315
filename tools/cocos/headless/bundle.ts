import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes an asset bundle the way the engine's asset manager reads one in a mini game: `config.json`
 * (uuids, paths, scenes, the types of the listed paths), `import/<first 2 characters of the uuid>/<uuid>.json`
 * per asset (plain JSON with `__type__`, which the engine's deserializer reads), and `index.js`, which
 * registers the bundle's scripts and `virtual:///prerequisite-imports/<bundle>` (the module the engine
 * imports when it creates a bundle).
 */

export interface BundleAsset {
  uuid: string;
  /** The asset's JSON (an object, or the array of objects a scene is). */
  json: unknown;
  /** Listed in `paths` (loadable by path), with its class name. */
  path?: { path: string; type: string };
  /** Listed in `scenes` under this url (`db://assets/scenes/main.scene`). */
  scene?: string;
}

export interface BundleSpec {
  name: string;
  assets: BundleAsset[];
  /** The bundle's scripts: named System.register modules, and the ids the bundle's prerequisite imports. */
  scripts?: { source: string; ids: string[] };
}

export function writeBundle(dir: string, { name, assets, scripts }: BundleSpec): void {
  const types: string[] = [];
  const paths: Record<string, [string, number]> = {};
  const scenes: Record<string, number> = {};
  assets.forEach((asset, index) => {
    if (asset.path) {
      if (!types.includes(asset.path.type)) types.push(asset.path.type);
      paths[index] = [asset.path.path, types.indexOf(asset.path.type)];
    }
    if (asset.scene) scenes[asset.scene] = index;
    const folder = join(dir, 'import', asset.uuid.slice(0, 2));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${asset.uuid}.json`), JSON.stringify(asset.json));
  });
  const config = {
    importBase: 'import',
    nativeBase: 'native',
    name,
    deps: [],
    uuids: assets.map((asset) => asset.uuid),
    paths,
    scenes,
    packs: {},
    versions: { import: [], native: [] },
    redirect: [],
    debug: false,
    types,
    extensionMap: {},
  };
  writeFileSync(join(dir, 'config.json'), `${JSON.stringify(config)}\n`);
  const ids = scripts?.ids ?? [];
  const prerequisite =
    `System.register(${JSON.stringify(`virtual:///prerequisite-imports/${name}`)}, ${JSON.stringify(ids)}, ` +
    `function () { return { setters: [${ids.map(() => 'function () {}').join(', ')}], execute: function () {} }; });\n`;
  writeFileSync(join(dir, 'index.js'), `${scripts?.source ?? ''}${prerequisite}`);
}
