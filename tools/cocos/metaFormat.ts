import { newUuid } from './uuid';

/** The fields every Cocos Creator 3.8 `.meta` file carries. */
export interface AssetMeta {
  ver: string;
  importer: string;
  imported: boolean;
  uuid: string;
  files: string[];
  subMetas: Record<string, unknown>;
  userData: Record<string, unknown>;
}

interface ImporterInfo {
  importer: string;
  ver: string;
  files: string[];
}

// Importer names and versions as Creator 3.8 writes them for a new asset; an older `ver` only makes the
// editor re-import (and rewrite the meta), it never changes the uuid.
const BY_EXTENSION: Record<string, ImporterInfo> = {
  '.ts': { importer: 'typescript', ver: '4.0.23', files: [] },
  '.js': { importer: 'javascript', ver: '4.0.23', files: [] },
  '.scene': { importer: 'scene', ver: '1.1.50', files: ['.json'] },
  '.prefab': { importer: 'prefab', ver: '1.1.50', files: ['.json'] },
  '.md': { importer: 'text', ver: '1.0.1', files: ['.json'] },
  '.txt': { importer: 'text', ver: '1.0.1', files: ['.json'] },
  '.json': { importer: 'json', ver: '2.0.1', files: ['.json'] },
};

const DIRECTORY: ImporterInfo = { importer: 'directory', ver: '1.2.0', files: [] };
// Unknown kinds get the editor's catch-all importer; the editor upgrades it on first open.
const UNKNOWN: ImporterInfo = { importer: '*', ver: '1.0.0', files: [] };

export function importerFor(path: string, isDirectory: boolean): ImporterInfo {
  if (isDirectory) return DIRECTORY;
  const dot = path.lastIndexOf('.');
  return (dot >= 0 && BY_EXTENSION[path.slice(dot).toLowerCase()]) || UNKNOWN;
}

export function newMeta(path: string, isDirectory: boolean, uuid = newUuid()): AssetMeta {
  const { importer, ver, files } = importerFor(path, isDirectory);
  return { ver, importer, imported: true, uuid, files: [...files], subMetas: {}, userData: {} };
}

/** Two-space JSON with a final newline, the layout the editor writes. */
export function serializeMeta(meta: AssetMeta): string {
  return `${JSON.stringify(meta, null, 2)}\n`;
}
