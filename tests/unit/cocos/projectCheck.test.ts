import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkImportBoundary } from '../../../tools/cocos/boundary';
import { type CocosFinding, checkCocosProject } from '../../../tools/cocos/check';
import { compressUuid } from '../../../tools/cocos/uuid';

const FIXTURES = 'tests/fixtures/cocos';

function check(fixture: string): CocosFinding[] {
  return checkCocosProject(`${FIXTURES}/${fixture}`, { projectFiles: false });
}

describe('Cocos project checker', () => {
  it('passes this repository as a Cocos project (metas, scene, components, boundary, project files)', () => {
    expect(checkCocosProject('.')).toEqual([]);
  });

  it('passes a small valid fixture', () => {
    expect(check('valid')).toEqual([]);
  });

  it('fails on a duplicate uuid', () => {
    expect(check('duplicate-uuid')).toEqual([
      {
        check: 'meta',
        file: 'assets/scripts/Spinner.ts.meta',
        message: expect.stringContaining(
          'reuses uuid 3f6a1c2e-7d4b-4e8a-b5c1-9a2d3e4f5a61 of assets/scripts/Copy.ts.meta',
        ),
      },
    ]);
  });

  it('fails on a reference to an asset no .meta declares', () => {
    expect(check('dangling-reference')).toEqual([
      {
        check: 'reference',
        file: 'assets/main.scene',
        message: expect.stringContaining('refers to asset 9e9e9e9e-1111-4222-8333-444444444444@f9941'),
      },
    ]);
  });

  it('fails on a scene component whose script is gone', () => {
    const missing = compressUuid('7a7a7a7a-5555-4666-8777-888888888888');
    expect(check('missing-script')).toEqual([
      {
        check: 'script',
        file: 'assets/main.scene',
        message: expect.stringContaining(`uses script ${missing}`),
      },
    ]);
  });

  it('fails on a scene component whose script is not a @ccclass', () => {
    expect(check('not-a-component').map((finding) => finding.message)).toEqual([
      expect.stringContaining(
        "assets/scripts/Spinner.ts (used by assets/main.scene) has no @ccclass('Name')",
      ),
    ]);
  });

  it('fails on an asset without a .meta and says how to fix it', () => {
    expect(check('missing-meta')).toEqual([
      {
        check: 'meta',
        file: 'assets/scripts/Helper.ts',
        message: 'assets/scripts/Helper.ts has no .meta; run `npm run cocos:metas` and commit the new file',
      },
    ]);
  });

  it('fails on adapters that import outside the shared modules or carry rules and platform calls', () => {
    const messages = checkImportBoundary(`${FIXTURES}/boundary`).map((finding) => finding.message);
    expect(messages).toEqual([
      expect.stringContaining('imports "node:fs"'),
      expect.stringContaining('imports "../../../minigame/board.js"'),
      expect.stringContaining(':13 sorts data; ranking lives in assets/scripts/social/ranking.ts'),
      expect.stringContaining(':17 calls the platform directly'),
      expect.stringContaining(':17 reads or writes cloud storage'),
      expect.stringContaining(':18 computes a score; scoring lives in the game (assets/scripts/games/)'),
    ]);
  });

  it('keeps the real adapters inside the boundary', () => {
    expect(checkImportBoundary('.')).toEqual([]);
  });
});

describe('Cocos project checker on edited copies of the valid fixture', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  function edited(edit: (root: string) => void): CocosFinding[] {
    const root = mkdtempSync(join(tmpdir(), 'cocos-check-'));
    roots.push(root);
    cpSync(`${FIXTURES}/valid`, root, { recursive: true });
    edit(root);
    return checkCocosProject(root, { projectFiles: false });
  }

  const editScene = (root: string, change: (objects: Record<string, unknown>[]) => void): void => {
    const path = join(root, 'assets/main.scene');
    const objects = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>[];
    change(objects);
    writeFileSync(path, JSON.stringify(objects));
  };

  it('reports a meta that is not JSON and a meta without its asset', () => {
    const findings = edited((root) => {
      writeFileSync(join(root, 'assets/scripts/Spinner.ts.meta'), '{ "uuid": ');
      writeFileSync(
        join(root, 'assets/gone.png.meta'),
        '{"ver":"1.0.0","importer":"image","uuid":"11111111-2222-4333-8444-555555555555"}',
      );
    }).map((finding) => finding.message);
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('assets/gone.png.meta has no asset assets/gone.png'),
        expect.stringContaining('assets/scripts/Spinner.ts.meta is not valid JSON'),
      ]),
    );
  });

  it('reports an object reference outside the scene, an unknown cc type, and an undeclared property', () => {
    const findings = edited((root) =>
      editScene(root, (objects) => {
        objects[2] = { ...objects[2], _parent: { __id__: 99 } };
        objects.push({ __type__: 'cc.Spinnerr' });
        objects[3] = { ...objects[3], speed: 3 };
      }),
    ).map((finding) => finding.message);
    expect(findings).toEqual([
      'assets/main.scene refers to object 99, which does not exist',
      'assets/main.scene sets "speed" on assets/scripts/Spinner.ts, which declares no @property speed',
      'assets/main.scene uses cc.Spinnerr, which cc does not export',
    ]);
  });
});
