import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listAssetTree } from './assetTree';
import { newMeta, serializeMeta } from './metaFormat';

/**
 * Adds a `.meta` with a fresh v4 uuid to every file and folder under assets/ that has none. Existing metas
 * are never touched: scenes name scripts and assets by those uuids, so changing one breaks references.
 */
export function addMissingMetas(root: string): string[] {
  const written: string[] = [];
  for (const asset of listAssetTree(root).assets) {
    const metaPath = `${asset.path}.meta`;
    if (existsSync(join(root, metaPath))) continue;
    writeFileSync(join(root, metaPath), serializeMeta(newMeta(asset.path, asset.isDirectory)), {
      flag: 'wx',
    });
    written.push(metaPath);
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const written = addMissingMetas(process.argv[2] ?? process.cwd());
  for (const path of written) console.log(`added ${path}`);
  console.log(
    written.length === 0 ? 'every asset already has a .meta' : `${written.length} .meta files added`,
  );
}
