import { readdirSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

export interface AssetEntry {
  /** Project-relative path with `/` separators, e.g. `assets/scenes/main.scene`. */
  path: string;
  isDirectory: boolean;
}

/** Names the asset database skips: hidden files (`.DS_Store`, `.gitkeep`) and metas themselves. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name.endsWith('.meta');
}

/** Every file and folder under `assets/` that needs a `.meta`, and every `.meta` found. */
export function listAssetTree(root: string): { assets: AssetEntry[]; metas: string[] } {
  const assets: AssetEntry[] = [];
  const metas: string[] = [];
  const toPath = (full: string) => relative(root, full).split(sep).join(posix.sep);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.name.endsWith('.meta') && entry.isFile()) metas.push(toPath(full));
      if (isIgnoredName(entry.name)) continue;
      if (entry.isDirectory()) {
        assets.push({ path: toPath(full), isDirectory: true });
        walk(full);
      } else if (entry.isFile()) {
        assets.push({ path: toPath(full), isDirectory: false });
      }
    }
  };
  walk(join(root, 'assets'));
  return { assets: assets.sort((a, b) => a.path.localeCompare(b.path)), metas: metas.sort() };
}
