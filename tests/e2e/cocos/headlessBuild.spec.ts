import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { BUILTIN_2D_MATERIALS } from '../../../tools/cocos/headless/builtin2d';
import { packageCocosBuild } from '../../../tools/cocos/package';
import { bundleOpenDataContext } from '../../../tools/openDataContextBundle';
import { checkPackage, TIKTOK_LIMITS } from '../../../tools/package-check/index';
import { enginePackage, skipWithoutEngine } from './enginePage';

/**
 * The headless build the engine specs play (`npm run cocos:build`, built once per test worker): it passes
 * the package checks `npm run build` passes, fits the 4 MB main package, is laid out and started as an
 * editor build is, and `npm run cocos:package` accepts it.
 */

skipWithoutEngine();
test.setTimeout(120_000);

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

test('npm run cocos:build writes a package that passes the package checks and cocos:package accepts', async () => {
  const out = await enginePackage();

  const check = checkPackage(out);
  expect(check.findings).toEqual([]);
  expect(check.sizes.mainPackageBytes).toBeLessThan(TIKTOK_LIMITS.mainPackageBytes);
  test
    .info()
    .annotations.push({ type: 'main package', description: `${check.sizes.mainPackageBytes} bytes` });

  const settings = readJson(join(out, 'src/settings.json'));
  expect(settings.launch).toEqual({ launchScene: 'db://assets/scenes/main.scene' });
  const internal = readJson(join(out, 'assets/internal/config.json'));
  expect((settings.engine as { builtinAssets: string[] }).builtinAssets).toEqual(internal.uuids);
  expect(internal.uuids).toHaveLength(3 + BUILTIN_2D_MATERIALS.length);
  expect(readJson(join(out, 'assets/main/config.json')).scenes).toEqual({
    'db://assets/scenes/main.scene': 0,
  });
  expect(readJson(join(out, 'game.json'))).toMatchObject({ openDataContext: 'openDataContext' });
  // game.js loads the web-adapter first and the engine-adapter right after cc, as the editor's does.
  const game = readFileSync(join(out, 'game.js'), 'utf8');
  expect(game.indexOf("require('./web-adapter')")).toBeLessThan(game.indexOf("System.import('cc')"));
  expect(game.indexOf("System.import('cc')")).toBeLessThan(game.indexOf("require('./engine-adapter')"));

  // cocos:package writes the app id into the package: a copy, so the specs keep playing the build as made.
  const copy = mkdtempSync(join(tmpdir(), 'cocos-headless-packaged-'));
  try {
    cpSync(out, copy, { recursive: true });
    const packaged = packageCocosBuild(copy, 'sbaw1234567890abcd', {
      openDataContext: await bundleOpenDataContext(),
    });
    expect(packaged.findings).toEqual([]);
    expect(packaged.ok).toBe(true);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
