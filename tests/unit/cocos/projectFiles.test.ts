import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProjectFiles } from '../../../tools/cocos/projectCheck';

const roots: string[] = [];

function project(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'cocos-project-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('Cocos project files', () => {
  it('passes this repository', () => {
    expect(checkProjectFiles('.')).toEqual([]);
  });

  it('names each project file that drifted from what the TikTok build needs', () => {
    const root = project({
      'package.json': { name: 'x', creator: { version: '3.8.7' } },
      'assets/scenes/main.scene': '[]',
      'build-templates/bytedance-mini-game/game.json': {
        deviceOrientation: 'landscape',
        openDataContext: '',
      },
      'build-templates/bytedance-mini-game/project.config.json': {
        dev: { port: 9528 },
        openDataContext: 'openDataContext',
      },
    });
    expect(checkProjectFiles(root).map((finding) => finding.message)).toEqual([
      'package.json must set creator.version to "3.8.6" (found "3.8.7")',
      'settings/v2/packages/project.json is missing',
      'build-templates/bytedance-mini-game/game.json must set openDataContext to "openDataContext" (found "")',
      'build-templates/bytedance-mini-game/game.json must set deviceOrientation to "portrait" (found "landscape")',
      'build-templates/bytedance-mini-game/project.config.json must set dev.port to 9527 (found 9528)',
      'build-templates/bytedance-mini-game/project.config.json must carry an "app_id" placeholder',
    ]);
  });
});
