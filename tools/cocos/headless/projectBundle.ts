import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listAssetTree } from '../assetTree';
import type { BundleSpec } from './bundle';
import { compileProjectScripts } from './projectScripts';

/**
 * The project's `main` bundle: every scene under assets/ as the editor saved it, and every script
 * compiled by the editor's module loader. The headless build packs scenes and scripts only: a scene
 * that references another asset (an image, a font, a prefab) is refused, naming it, since packing those
 * is the editor's job.
 */

export const MAIN_BUNDLE = 'main';

export interface ProjectBundle {
  spec: BundleSpec;
  /** Scene urls, `db://assets/scenes/main.scene`. */
  scenes: string[];
}

function uuidOf(root: string, path: string): string {
  const meta: unknown = JSON.parse(readFileSync(join(root, `${path}.meta`), 'utf8'));
  const uuid = typeof meta === 'object' && meta !== null ? Reflect.get(meta, 'uuid') : undefined;
  if (typeof uuid !== 'string') throw new Error(`${path}.meta has no uuid (npm run cocos:check)`);
  return uuid;
}

function referencedUuids(json: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (key === '__uuid__' && typeof child === 'string') found.push(child);
        else visit(child);
      }
    }
  };
  visit(json);
  return found;
}

export function projectBundle(root: string): ProjectBundle {
  const { assets } = listAssetTree(root);
  const scenes = assets.filter((asset) => !asset.isDirectory && asset.path.endsWith('.scene'));
  if (scenes.length === 0) throw new Error('assets/ has no scene to start');
  const sceneAssets = scenes.map(({ path }) => {
    const json: unknown = JSON.parse(readFileSync(join(root, path), 'utf8'));
    const references = referencedUuids(json);
    if (references.length > 0) {
      throw new Error(
        `${path} references ${references.join(', ')}: the headless build packs scenes and scripts only; ` +
          'build assets like these with Cocos Creator',
      );
    }
    return { uuid: uuidOf(root, path), json, scene: `db://${path}` };
  });
  const scripts = compileProjectScripts(root);
  return {
    spec: { name: MAIN_BUNDLE, assets: sceneAssets, scripts },
    scenes: sceneAssets.map((scene) => scene.scene),
  };
}
