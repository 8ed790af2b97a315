import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileEffect } from '../effects/compileEffect';
import type { EffectData } from '../effects/effectData';

/**
 * The engine's builtin assets the 2D renderer needs (Label, Sprite, Graphics, Mask), read from the
 * engine's editor assets (`<COCOS_ENGINE_DIR>/editor/assets`, the same path as in the engine's source and
 * in a Cocos Creator install): effects compiled from their sources, materials as the engine ships them,
 * each with the uuid of its `.meta`.
 */

export const BUILTIN_2D_EFFECTS = [
  'for2d/builtin-sprite',
  'internal/builtin-graphics',
  'internal/builtin-clear-stencil',
] as const;

/** The materials the 2D renderer looks up by name (builtinResMgr.get). */
export const BUILTIN_2D_MATERIALS = [
  'ui-base-material',
  'ui-sprite-material',
  'ui-sprite-gray-material',
  'ui-sprite-alpha-sep-material',
  'ui-sprite-gray-alpha-sep-material',
  'ui-alpha-test-material',
  'ui-graphics-material',
  'default-clear-stencil',
] as const;

export interface BuiltinEffect {
  uuid: string;
  /** `db:/internal/effects/...`, as an editor build's config names it. */
  path: string;
  data: EffectData;
}

export interface BuiltinMaterial {
  uuid: string;
  path: string;
  name: string;
  /** The `.mtl` file's JSON, named. */
  json: Record<string, unknown>;
}

export interface Builtin2d {
  effects: BuiltinEffect[];
  materials: BuiltinMaterial[];
}

export function editorAssetsDir(engineDir: string): string {
  return join(engineDir, 'editor/assets');
}

function readJsonFile(path: string, what: string): Record<string, unknown> {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${what}`);
  const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${path} is not a JSON object`);
  return value as Record<string, unknown>;
}

function metaUuid(assetPath: string): string {
  const uuid = readJsonFile(`${assetPath}.meta`, 'the engine ships a .meta beside each asset').uuid;
  if (typeof uuid !== 'string') throw new Error(`${assetPath}.meta has no uuid`);
  return uuid;
}

/** Reads `<engineDir>/editor/assets/chunks/<path>.chunk`. */
export function chunkReader(engineDir: string): (path: string) => string | undefined {
  const chunks = join(editorAssetsDir(engineDir), 'chunks');
  return (path) => {
    const file = join(chunks, `${path}.chunk`);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
}

export function compileBuiltinEffect(engineDir: string, name: string): EffectData {
  const file = join(editorAssetsDir(engineDir), 'effects', `${name}.effect`);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: COCOS_ENGINE_DIR needs the engine's editor/assets (docs/cocos.md)`);
  }
  return compileEffect({ name, source: readFileSync(file, 'utf8'), readChunk: chunkReader(engineDir) });
}

export function readBuiltin2d(engineDir: string): Builtin2d {
  const assets = editorAssetsDir(engineDir);
  if (!existsSync(assets)) {
    throw new Error(
      `${engineDir} has no editor/assets: the headless build compiles the builtin effects from the engine's ` +
        'editor assets (effects/, chunks/, default_materials/ with their metas), see docs/cocos.md',
    );
  }
  const effects = BUILTIN_2D_EFFECTS.map((name) => ({
    uuid: metaUuid(join(assets, 'effects', `${name}.effect`)),
    path: `db:/internal/effects/${name}`,
    data: compileBuiltinEffect(engineDir, name),
  }));
  const effectUuids = new Set(effects.map((effect) => effect.uuid));
  const materials = BUILTIN_2D_MATERIALS.map((name) => {
    const file = join(assets, 'default_materials', `${name}.mtl`);
    const json = readJsonFile(file, 'COCOS_ENGINE_DIR needs the engine editor/assets/default_materials');
    const effect = (json._effectAsset as { __uuid__?: unknown } | undefined)?.__uuid__;
    if (typeof effect !== 'string' || !effectUuids.has(effect)) {
      throw new Error(
        `${file} uses effect ${String(effect)}, which is not one of the 2D effects compiled here`,
      );
    }
    return {
      uuid: metaUuid(file),
      path: `db:/internal/default_materials/${name}`,
      name,
      json: { ...json, _name: name },
    };
  });
  return { effects, materials };
}
