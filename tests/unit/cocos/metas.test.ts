import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCocosProject } from '../../../tools/cocos/check';
import { addMissingMetas } from '../../../tools/cocos/metas';

const roots: string[] = [];

function copyOfValidFixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'cocos-metas-'));
  cpSync('tests/fixtures/cocos/valid', root, { recursive: true });
  roots.push(root);
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('npm run cocos:metas', () => {
  it('adds a meta with a fresh v4 uuid for a new script and a new folder, and the checker then passes', () => {
    const root = copyOfValidFixture();
    cpSync(join(root, 'assets/scripts/Spinner.ts'), join(root, 'assets/ui/Button.ts'), { recursive: true });
    expect(checkCocosProject(root, { projectFiles: false }).map((finding) => finding.file)).toEqual([
      'assets/ui',
      'assets/ui/Button.ts',
    ]);

    expect(addMissingMetas(root)).toEqual(['assets/ui.meta', 'assets/ui/Button.ts.meta']);

    const folder = JSON.parse(readFileSync(join(root, 'assets/ui.meta'), 'utf8'));
    const script = JSON.parse(readFileSync(join(root, 'assets/ui/Button.ts.meta'), 'utf8'));
    expect(folder).toMatchObject({ importer: 'directory', files: [], subMetas: {} });
    expect(script).toMatchObject({
      importer: 'typescript',
      imported: true,
      files: [],
      subMetas: {},
      userData: {},
    });
    for (const meta of [folder, script]) {
      expect(meta.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(folder.uuid).not.toBe(script.uuid);
    expect(checkCocosProject(root, { projectFiles: false })).toEqual([]);
  });

  it('never changes an existing meta, even one it would write differently', () => {
    const root = copyOfValidFixture();
    const custom = `${JSON.stringify({ ver: '0.0.1', importer: 'typescript', uuid: '3f6a1c2e-7d4b-4e8a-b5c1-9a2d3e4f5a61', extra: true })}\n`;
    writeFileSync(join(root, 'assets/scripts/Spinner.ts.meta'), custom);
    const before = readFileSync(join(root, 'assets/main.scene.meta'), 'utf8');

    expect(addMissingMetas(root)).toEqual([]);
    expect(readFileSync(join(root, 'assets/scripts/Spinner.ts.meta'), 'utf8')).toBe(custom);
    expect(readFileSync(join(root, 'assets/main.scene.meta'), 'utf8')).toBe(before);
  });

  it('skips hidden files, which the asset database ignores', () => {
    const root = copyOfValidFixture();
    writeFileSync(join(root, 'assets/.DS_Store'), 'x');
    expect(addMissingMetas(root)).toEqual([]);
  });
});
