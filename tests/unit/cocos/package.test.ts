import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_CONFIG_MODULE, renderBuildConfigModule } from '../../../tools/buildConfig/module';
import { type BuildConfig, DEV_BUILD_CONFIG } from '../../../tools/buildConfig/settings';
import { packageCocosBuild } from '../../../tools/cocos/package';

const FIXTURE = 'tests/fixtures/cocos/bytedance-build';
const APP_ID = 'sbaw1234567890abcd';
const roots: string[] = [];

/** A fresh copy of the fixture build, changed by `edit` before packaging. */
function build(edit: (dir: string) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cocos-build-'));
  cpSync(FIXTURE, dir, { recursive: true });
  rmSync(join(dir, 'README.md'));
  edit(dir);
  roots.push(dir);
  return dir;
}

const readConfig = (dir: string) => JSON.parse(readFileSync(join(dir, 'project.config.json'), 'utf8'));
const codes = (dir: string, appId: string | undefined = APP_ID) =>
  packageCocosBuild(dir, appId).findings.map((finding) => finding.code);

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('npm run cocos:package', () => {
  it('accepts the fixture build and writes the app id under both names, keeping the rest', () => {
    const dir = build();
    const result = packageCocosBuild(dir, APP_ID);
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.appId).toBe(APP_ID);
    expect(readConfig(dir)).toMatchObject({
      appid: APP_ID,
      app_id: APP_ID,
      dev: { port: 9527 },
      openDataContext: 'openDataContext',
      projectname: 'star-lanes',
    });
  });

  it('rejects a main package over 4 MB', () => {
    const dir = build((d) => writeFileSync(join(d, 'cocos-js/cc.js'), `// ${'x'.repeat(4 * 1024 * 1024)}\n`));
    expect(codes(dir)).toEqual(['main-size']);
  });

  it('rejects a zero-byte file', () => {
    const dir = build((d) => writeFileSync(join(d, 'assets/main/empty.json'), ''));
    expect(codes(dir)).toEqual(['zero-byte']);
  });

  it('rejects eval( in a script', () => {
    const dir = build((d) =>
      writeFileSync(join(d, 'application.js'), 'export const run = (code) => eval(code);\n'),
    );
    expect(codes(dir)).toEqual(['eval']);
  });

  it('rejects a build without project.config.json', () => {
    const dir = build((d) => rmSync(join(d, 'project.config.json')));
    expect(codes(dir)).toEqual(['missing-file']);
  });

  it('rejects a build with the Douyin engine plugin configured', () => {
    const dir = build((d) => {
      const gameJson = JSON.parse(readFileSync(join(d, 'game.json'), 'utf8'));
      gameJson.plugins = { cocos: { version: '3.8.7', provider: 'tt8bf0fd4d14fb3db712' } };
      writeFileSync(join(d, 'game.json'), JSON.stringify(gameJson));
    });
    expect(codes(dir)).toEqual(['engine-plugin']);
  });

  it('rejects game code that requires the engine plugin', () => {
    const dir = build((d) => writeFileSync(join(d, 'game.js'), "requirePlugin('cocos/engine');\n"));
    expect(codes(dir)).toEqual(['engine-plugin']);
  });

  it('rejects an HTML entry (a web-mobile build)', () => {
    const dir = build((d) =>
      writeFileSync(join(d, 'index.html'), '<!doctype html><script src="index.js"></script>'),
    );
    expect(codes(dir)).toEqual(['html-entry']);
  });

  it("rejects Cocos's generated open data context template", () => {
    const dir = build((d) => writeFileSync(join(d, 'openDataContext/engine.js'), 'module.exports = {};\n'));
    expect(codes(dir)).toEqual(['cocos-template']);
  });

  it('rejects a build whose configs do not set the open data context', () => {
    const dir = build((d) =>
      writeFileSync(join(d, 'game.json'), JSON.stringify({ deviceOrientation: 'portrait' })),
    );
    expect(codes(dir)).toEqual(['open-data-context']);
  });

  it('asks for the app id when TIKTOK_APP_ID is unset, empty, the placeholder or malformed, and writes nothing', () => {
    const dir = build();
    const before = readFileSync(join(dir, 'project.config.json'), 'utf8');
    expect(packageCocosBuild(dir, undefined).findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining('set TIKTOK_APP_ID to your TikTok client key'),
    ]);
    expect(codes(dir, 'key with "quotes"')).toEqual(['app-id']);
    expect(codes(dir, 'your_client_key')).toEqual(['app-id']);
    expect(codes(dir, '   ')).toEqual(['app-id']);
    expect(readFileSync(join(dir, 'project.config.json'), 'utf8')).toBe(before);
  });

  it('writes nothing when any check fails', () => {
    const dir = build((d) => writeFileSync(join(d, 'index.html'), '<html></html>'));
    const before = readFileSync(join(dir, 'project.config.json'), 'utf8');
    expect(packageCocosBuild(dir, APP_ID).ok).toBe(false);
    expect(readFileSync(join(dir, 'project.config.json'), 'utf8')).toBe(before);
  });

  it('reports a missing build folder', () => {
    expect(codes('/nonexistent/build/bytedance-mini-game')).toEqual(['missing-folder']);
  });
});

describe('npm run cocos:package, open data context freshness', () => {
  it('rejects a build whose open data context is not the current bundle', () => {
    const dir = build();
    const current = readFileSync(join(dir, 'openDataContext/index.js'), 'utf8');
    expect(packageCocosBuild(dir, APP_ID, { openDataContext: current }).ok).toBe(true);
    const stale = build();
    expect(
      packageCocosBuild(stale, APP_ID, { openDataContext: `${current}// newer\n` }).findings.map(
        (f) => f.code,
      ),
    ).toEqual(['stale-context']);
  });
});

describe('npm run cocos:package, build configuration', () => {
  const release: BuildConfig = {
    mode: 'release',
    gameServerUrl: 'https://api.starlanes.example',
    shareImageUrl: 'https://cdn.starlanes.example/share-card.png',
    contextShareImageUrl: 'https://cdn.starlanes.example/share-card.png',
    zone: 'default',
  };

  /** A project whose configuration file holds `config`, as `npm run cocos:templates` left it. */
  function project(config: BuildConfig): string {
    const root = mkdtempSync(join(tmpdir(), 'cocos-project-'));
    roots.push(root);
    mkdirSync(join(root, 'assets/scripts/platform'), { recursive: true });
    writeFileSync(join(root, BUILD_CONFIG_MODULE), renderBuildConfigModule(config));
    return root;
  }

  it('rejects a release package of a project whose configuration file still holds the development values', () => {
    const result = packageCocosBuild(build(), APP_ID, {
      buildConfig: { root: project(DEV_BUILD_CONFIG), config: release },
    });
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([
      {
        code: 'build-config',
        file: BUILD_CONFIG_MODULE,
        message: `${BUILD_CONFIG_MODULE} does not hold the release configuration: run \`npm run cocos:templates -- --release\`, then build again in Cocos Creator`,
      },
    ]);
  });

  it('accepts it once the file holds the release values', () => {
    const result = packageCocosBuild(build(), APP_ID, {
      buildConfig: { root: project(release), config: release },
    });
    expect(result.findings).toEqual([]);
  });
});
