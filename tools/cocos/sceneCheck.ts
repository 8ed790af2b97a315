import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listAssetTree } from './assetTree';
import { engineClassNames } from './engineClasses';
import type { CocosFinding } from './findings';
import { INTERNAL_ASSET_UUIDS } from './internalAssets';
import type { MetaIndex } from './metaCheck';
import { decompressUuid, isCompressedUuid } from './uuid';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

// Fields every component serializes, whatever its class.
const COMPONENT_BASE_FIELDS = new Set([
  '__type__',
  '_name',
  '_objFlags',
  '__editorExtras__',
  'node',
  '_enabled',
  '__prefab',
  '_id',
]);

/** `@ccclass('Name')`, any other class decorators, then `export class X extends ...`. */
const COMPONENT_CLASS =
  /@ccclass\s*\(\s*['"][\w.]+['"]\s*\)(?:\s*@\w+(?:\([^)]*\))?)*\s*(?:export\s+)?class\s+\w+\s+extends\s+/;

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function visit(value: Json, onObject: (object: JsonObject) => void): void {
  if (Array.isArray(value)) for (const item of value) visit(item, onObject);
  else if (isObject(value)) {
    onObject(value);
    for (const child of Object.values(value)) visit(child, onObject);
  }
}

/** Whether a component script declares `@property ... name`, so a serialized field has somewhere to go. */
function declaresProperty(source: string, field: string): boolean {
  const name = field.replace(/[$]/g, '\\$&');
  return new RegExp(
    `@property\\b(?:\\([^)]*\\))?\\s*(?:(?:public|protected|private|readonly)\\s+)*${name}\\b`,
  ).test(source);
}

function checkScriptComponent(
  root: string,
  file: string,
  component: JsonObject,
  type: string,
  metas: MetaIndex,
): CocosFinding[] {
  const uuid = decompressUuid(type);
  const record = metas.byUuid.get(uuid);
  if (!record) {
    return [
      {
        check: 'script',
        file,
        message: `${file} uses script ${type} (uuid ${uuid}), but no .meta has that uuid`,
      },
    ];
  }
  if (record.meta.importer !== 'typescript' || !record.assetPath.endsWith('.ts')) {
    return [
      {
        check: 'script',
        file,
        message: `${file} uses ${record.assetPath} as a component, but it is not a script`,
      },
    ];
  }
  const source = readFileSync(join(root, record.assetPath), 'utf8');
  if (!COMPONENT_CLASS.test(source)) {
    return [
      {
        check: 'script',
        file,
        message: `${record.assetPath} (used by ${file}) has no @ccclass('Name') component class`,
      },
    ];
  }
  return Object.keys(component)
    .filter((field) => !COMPONENT_BASE_FIELDS.has(field) && !declaresProperty(source, field))
    .map((field) => ({
      check: 'script' as const,
      file,
      message: `${file} sets "${field}" on ${record.assetPath}, which declares no @property ${field}`,
    }));
}

function checkDocument(root: string, file: string, document: Json[], metas: MetaIndex): CocosFinding[] {
  const findings: CocosFinding[] = [];
  const engineClasses = engineClassNames();
  visit(document, (object) => {
    const id = object.__id__;
    if (
      id !== undefined &&
      (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= document.length)
    ) {
      findings.push({
        check: 'reference',
        file,
        message: `${file} refers to object ${JSON.stringify(id)}, which does not exist`,
      });
    }
    const assetRef = object.__uuid__;
    if (assetRef !== undefined) {
      const [uuid = '', subId] = String(assetRef).split('@');
      const record = metas.byUuid.get(uuid);
      if (!record && !INTERNAL_ASSET_UUIDS.has(uuid)) {
        findings.push({
          check: 'reference',
          file,
          message: `${file} refers to asset ${String(assetRef)}, which no .meta declares`,
        });
      } else if (record && subId !== undefined && !metas.byUuid.has(String(assetRef))) {
        findings.push({
          check: 'reference',
          file,
          message: `${file} refers to ${String(assetRef)}, but ${record.assetPath}.meta has no sub-asset ${subId}`,
        });
      }
    }
  });
  for (const object of document) {
    if (!isObject(object) || typeof object.__type__ !== 'string') continue;
    const type = object.__type__;
    if (type.startsWith('cc.')) {
      if (!engineClasses.has(type.slice(3))) {
        findings.push({
          check: 'reference',
          file,
          message: `${file} uses ${type}, which cc does not export`,
        });
      }
    } else if (isCompressedUuid(type)) {
      findings.push(...checkScriptComponent(root, file, object, type, metas));
    } else {
      findings.push({
        check: 'script',
        file,
        message: `${file} uses unknown type ${type} (neither cc.* nor a script uuid)`,
      });
    }
  }
  return findings;
}

/**
 * Every scene and prefab under assets/: each `__id__` points inside the file, each `__uuid__` at an asset
 * with a .meta, each `cc.*` type at a class cc exports, and each script component (named by the
 * compressed uuid of its .meta) at a `@ccclass` that declares the properties the scene sets.
 */
export function checkSceneReferences(root: string, metas: MetaIndex): CocosFinding[] {
  const findings: CocosFinding[] = [];
  const documents = listAssetTree(root).assets.filter((asset) => /\.(scene|prefab)$/.test(asset.path));
  for (const { path } of documents) {
    let document: Json;
    try {
      document = JSON.parse(readFileSync(join(root, path), 'utf8')) as Json;
    } catch (error) {
      findings.push({
        check: 'reference',
        file: path,
        message: `${path} is not valid JSON (${String(error)})`,
      });
      continue;
    }
    if (!Array.isArray(document)) {
      findings.push({ check: 'reference', file: path, message: `${path} must be a JSON array of objects` });
      continue;
    }
    findings.push(...checkDocument(root, path, document, metas));
  }
  return findings;
}
