import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Paths docs/cocos.md names that the editor or a command creates; everything else must exist. */
const GENERATED = new Set([
  'library/',
  'temp/',
  'local/',
  'profiles/',
  'build/bytedance-mini-game',
  'build/bytedance-mini-game-headless',
  'build/bytedance-mini-game-headless/',
  'temp/tsconfig.cocos.json',
]);

/** Paths inside the headless build (`npm run cocos:build`) or the engine folder, which docs/cocos.md describes. */
const OUTSIDE_REPO = new Set([
  'src/system-loader.js',
  'src/cc-env.js',
  'src/adapter-repairs.js',
  'src/settings.json',
  'cocos-js/cc.js',
  'editor/assets/',
  'COCOS_ENGINE_DIR/editor/assets/effects/',
  'default_materials/',
  'for2d/builtin-sprite',
  'internal/builtin-graphics',
  'internal/builtin-clear-stencil',
]);

function namedPaths(markdown: string): string[] {
  const paths = new Set<string>();
  for (const match of markdown.matchAll(/`([^`\s]+)`/g)) {
    const token = (match[1] ?? '').replace(/[,.]$/, '');
    const looksLikePath = /^[\w.-]+(\/[\w.*-]*)+$/.test(token) || /^[\w.-]+\.(json|ts|md|scene)$/.test(token);
    if (looksLikePath && !token.includes('*') && !token.startsWith('cc/')) paths.add(token);
  }
  for (const match of markdown.matchAll(/\]\(([\w./-]+\.md)\)/g)) paths.add(`docs/${match[1]}`);
  return [...paths];
}

describe('docs/cocos.md', () => {
  const markdown = readFileSync('docs/cocos.md', 'utf8');
  const paths = namedPaths(markdown);

  it('names the files it explains', () => {
    expect(paths).toEqual(
      expect.arrayContaining(['assets/scenes/main.scene', 'tsconfig.cocos.json', 'docs/upload.md']),
    );
  });

  it('names only paths that exist, apart from the ones the editor or a command generates', () => {
    const missing = paths.filter(
      (path) => !GENERATED.has(path) && !OUTSIDE_REPO.has(path) && !existsSync(path),
    );
    const templateContext = 'build-templates/bytedance-mini-game/openDataContext/';
    expect(missing.filter((path) => path !== templateContext)).toEqual([]);
  });
});
