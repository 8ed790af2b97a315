import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** File contents by package-relative path; a number makes a file of that many bytes. */
export type PackageFiles = Record<string, string | number>;

export const VALID_PACKAGE: PackageFiles = {
  'game.js': 'tt.onShow(() => {});\n',
  'game.json': JSON.stringify({ deviceOrientation: 'portrait', openDataContext: 'openDataContext' }),
  'project.config.json': JSON.stringify({ app_id: 'placeholder', openDataContext: 'openDataContext' }),
  'openDataContext/index.js': 'tt.onMessage(() => {});\n',
};

export function writePackage(
  files: PackageFiles,
  root = mkdtempSync(join(tmpdir(), 'package-check-')),
): string {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, typeof content === 'number' ? Buffer.alloc(content, 0x61) : content);
  }
  return root;
}

export function removePackage(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
