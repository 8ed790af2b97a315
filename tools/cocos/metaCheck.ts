import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listAssetTree } from './assetTree';
import type { CocosFinding } from './findings';
import type { AssetMeta } from './metaFormat';
import { isUuid } from './uuid';

export interface MetaRecord {
  /** The asset's project-relative path (the meta's path without `.meta`). */
  assetPath: string;
  meta: AssetMeta;
}

export interface MetaIndex {
  byUuid: Map<string, MetaRecord>;
  findings: CocosFinding[];
}

function readMeta(root: string, metaPath: string): AssetMeta | string {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(join(root, metaPath), 'utf8'));
  } catch (error) {
    return `is not valid JSON (${String(error)})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must hold a JSON object';
  const meta = value as Partial<AssetMeta>;
  if (!isUuid(meta.uuid)) return `has no valid "uuid" (found ${JSON.stringify(meta.uuid)})`;
  if (typeof meta.ver !== 'string') return 'has no "ver" string';
  if (typeof meta.importer !== 'string') return 'has no "importer" string';
  if (meta.subMetas !== undefined && (typeof meta.subMetas !== 'object' || meta.subMetas === null)) {
    return '"subMetas" must be an object';
  }
  return meta as AssetMeta;
}

/** Sub-asset uuids (`<uuid>@<id>`) a meta declares, e.g. an image's texture and sprite frame. */
function subUuids(meta: AssetMeta): string[] {
  return Object.values(meta.subMetas ?? {}).flatMap((sub) =>
    typeof sub === 'object' && sub !== null && typeof (sub as { uuid?: unknown }).uuid === 'string'
      ? [(sub as { uuid: string }).uuid]
      : [],
  );
}

/**
 * Every `.meta` under assets/ must be a JSON object with a uuid that no other asset uses, every asset and
 * folder must have one, and no meta may be left without its asset.
 */
export function checkMetas(root: string): MetaIndex {
  const findings: CocosFinding[] = [];
  const byUuid = new Map<string, MetaRecord>();
  const { assets, metas } = listAssetTree(root);

  for (const asset of assets) {
    if (!existsSync(join(root, `${asset.path}.meta`))) {
      findings.push({
        check: 'meta',
        file: asset.path,
        message: `${asset.path} has no .meta; run \`npm run cocos:metas\` and commit the new file`,
      });
    }
  }
  for (const metaPath of metas) {
    const assetPath = metaPath.slice(0, -'.meta'.length);
    if (!existsSync(join(root, assetPath))) {
      findings.push({
        check: 'meta',
        file: metaPath,
        message: `${metaPath} has no asset ${assetPath}; delete it`,
      });
    }
    const meta = readMeta(root, metaPath);
    if (typeof meta === 'string') {
      findings.push({ check: 'meta', file: metaPath, message: `${metaPath} ${meta}` });
      continue;
    }
    for (const uuid of [meta.uuid, ...subUuids(meta)]) {
      const other = byUuid.get(uuid);
      if (other) {
        findings.push({
          check: 'meta',
          file: metaPath,
          message: `${metaPath} reuses uuid ${uuid} of ${other.assetPath}.meta; give one of them a new uuid`,
        });
      } else {
        byUuid.set(uuid, { assetPath, meta });
      }
    }
  }
  return { byUuid, findings };
}
