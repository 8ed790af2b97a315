import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCocosPackage } from '../../../tools/cocos/headless/buildPackage';
import { writeBundle } from '../../../tools/cocos/headless/bundle';
import { projectBundle } from '../../../tools/cocos/headless/projectBundle';

/** `npm run cocos:build`'s bundles and refusals; the whole package is tests/e2e/cocos/headlessBuild.spec.ts. */

const temporary: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('a bundle of the headless build', () => {
  it("is written as the engine's asset manager reads it: config, import files, prerequisite imports", () => {
    const dir = tempDir('cocos-bundle-');
    writeBundle(dir, {
      name: 'main',
      assets: [
        {
          uuid: '3a88da74-b807-407a-8321-f6900f537712',
          json: [{ __type__: 'cc.SceneAsset' }],
          scene: 'db://assets/a.scene',
        },
        {
          uuid: 'e9aa9a3e-5b2b-4ac7-a2c7-073de2b2b24f',
          json: {},
          path: { path: 'db:/x/m', type: 'cc.Material' },
        },
      ],
      scripts: { source: '', ids: ['assets/scripts/a.ts', 'assets/scripts/b.ts'] },
    });
    expect(readJson(join(dir, 'config.json'))).toMatchObject({
      name: 'main',
      importBase: 'import',
      debug: false,
      uuids: ['3a88da74-b807-407a-8321-f6900f537712', 'e9aa9a3e-5b2b-4ac7-a2c7-073de2b2b24f'],
      scenes: { 'db://assets/a.scene': 0 },
      paths: { 1: ['db:/x/m', 0] },
      types: ['cc.Material'],
    });
    expect(existsSync(join(dir, 'import/3a/3a88da74-b807-407a-8321-f6900f537712.json'))).toBe(true);
    const registered: { id: string; deps: string[]; setters: number }[] = [];
    runInNewContext(readFileSync(join(dir, 'index.js'), 'utf8'), {
      System: {
        register(id: string, deps: string[], declare: () => { setters: unknown[] }) {
          registered.push({ id, deps, setters: declare().setters.length });
        },
      },
    });
    expect(registered).toEqual([
      {
        id: 'virtual:///prerequisite-imports/main',
        deps: ['assets/scripts/a.ts', 'assets/scripts/b.ts'],
        setters: 2,
      },
    ]);
  });

  it('refuses a scene that references another asset, naming it: packing assets is the editor’s job', () => {
    const root = tempDir('cocos-project-');
    cpSync('tests/fixtures/cocos/valid', root, { recursive: true });
    const scene = JSON.parse(readFileSync(join(root, 'assets/main.scene'), 'utf8')) as Record<
      string,
      unknown
    >[];
    scene.push({
      __type__: 'cc.SpriteFrame',
      _texture: { __uuid__: 'b1a2c3d4-0000-4000-8000-000000000001' },
    });
    writeFileSync(join(root, 'assets/main.scene'), JSON.stringify(scene));
    expect(() => projectBundle(root)).toThrow(
      'assets/main.scene references b1a2c3d4-0000-4000-8000-000000000001: the headless build packs scenes and scripts only',
    );
  });

  it('refuses an engine folder without its editor assets, saying what it needs', async () => {
    const engine = tempDir('cocos-engine-');
    await expect(
      buildCocosPackage({ root: '.', engineDir: engine, out: tempDir('cocos-out-') }),
    ).rejects.toThrow(`${engine} has no editor/assets: the headless build compiles the builtin effects`);
  });
});
