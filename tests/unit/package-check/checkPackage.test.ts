import { afterEach, describe, expect, it } from 'vitest';
import { checkPackage, formatPackageReport, TIKTOK_LIMITS } from '../../../tools/package-check/index';
import { type PackageFiles, removePackage, VALID_PACKAGE, writePackage } from './fixturePackage';

const MB = 1024 * 1024;
const roots: string[] = [];

function check(files: PackageFiles, options?: Parameters<typeof checkPackage>[1]) {
  const root = writePackage(files);
  roots.push(root);
  return checkPackage(root, options);
}

function codes(files: PackageFiles): string[] {
  return check(files).findings.map((finding) => finding.code);
}

afterEach(() => {
  for (const root of roots.splice(0)) removePackage(root);
});

describe('checkPackage', () => {
  it('passes a complete package and measures it', () => {
    const result = check({ ...VALID_PACKAGE, 'subpackages/level2/game.js': 100, 'images/a.png': 1000 });
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.sizes.subpackageBytes).toEqual({ level2: 100 });
    expect(result.sizes.fileCount).toBe(6);
    expect(result.sizes.totalBytes - result.sizes.mainPackageBytes).toBe(100);
  });

  it('applies TikTok limits for non-Unity games', () => {
    expect(TIKTOK_LIMITS).toEqual({ totalBytes: 30 * MB, mainPackageBytes: 4 * MB, subpackageBytes: 4 * MB });
  });

  it('rejects a main package over 4 MB but accepts exactly 4 MB', () => {
    const base = check(VALID_PACKAGE).sizes.mainPackageBytes;
    expect(codes({ ...VALID_PACKAGE, 'assets/big.bin': 4 * MB - base })).toEqual([]);
    expect(codes({ ...VALID_PACKAGE, 'assets/big.bin': 4 * MB - base + 1 })).toEqual(['main-size']);
  });

  it('counts subpackages apart from the main package and limits each one', () => {
    const files = {
      ...VALID_PACKAGE,
      'subpackages/a/data.bin': 3 * MB,
      'subpackages/b/data.bin': 4 * MB + 1,
    };
    const result = check(files);
    expect(result.findings.map((finding) => [finding.code, finding.file])).toEqual([
      ['subpackage-size', 'subpackages/b'],
    ]);
  });

  it('rejects a package over 30 MB in total', () => {
    const files: PackageFiles = { ...VALID_PACKAGE };
    for (let i = 0; i < 8; i++) files[`subpackages/p${i}/data.bin`] = 4 * MB;
    expect(codes(files)).toEqual(['total-size']);
  });

  it('reports zero-byte files by path', () => {
    const result = check({ ...VALID_PACKAGE, 'images/empty.png': '' });
    expect(result.findings).toEqual([
      { code: 'zero-byte', file: 'images/empty.png', message: expect.stringContaining('zero-byte') },
    ]);
  });

  it.each([
    ['eval', 'var x = eval("1+1");'],
    ['eval', 'window.x = 1;\n eval (code)'],
    ['function-constructor', 'const f = new Function("return 1");'],
    ['function-constructor', 'const f = Function("return this")();'],
    ['string-timer', 'setTimeout("tick()", 10);'],
    ['string-timer', 'setInterval(`tick()`, 10);'],
    ['remote-script', 'import("https://cdn.example.com/lib.js");'],
    ['remote-script', 'import x from "//cdn.example.com/lib.js";'],
  ])('finds %s in %j', (code, source) => {
    const result = check({ ...VALID_PACKAGE, 'src/code.js': `// header\n${source}\n` });
    expect(result.findings.map((finding) => finding.code)).toEqual([code]);
    expect(result.findings[0]?.file).toBe('src/code.js');
    expect(result.findings[0]?.line).toBe(source.includes('\n') ? 3 : 2);
  });

  it.each([
    'const retrieval = medieval(1);',
    'obj.eval(1); evaluate(2);',
    'setTimeout(() => tick(), 10); setTimeout(tick, 10);',
    'function makeFunction(a) { return a; } class Functions {}',
    'import x from "./local.js";',
  ])('does not flag %j', (source) => {
    expect(codes({ ...VALID_PACKAGE, 'src/code.js': source })).toEqual([]);
  });

  it('finds a remote script tag in HTML', () => {
    expect(
      codes({ ...VALID_PACKAGE, 'index.html': '<script src="https://x.example/a.js"></script>' }),
    ).toEqual(['remote-script']);
  });

  it.each(['game.js', 'game.json', 'project.config.json'])('requires %s', (name) => {
    const files = { ...VALID_PACKAGE };
    delete files[name];
    const result = check(files);
    expect(result.findings.filter((finding) => finding.code === 'missing-file').map((f) => f.file)).toEqual([
      name,
    ]);
    expect(result.ok).toBe(false);
  });

  it('rejects a config that is not a JSON object', () => {
    expect(codes({ ...VALID_PACKAGE, 'game.json': '{ "openDataContext": ' })).toContain('invalid-json');
    expect(codes({ ...VALID_PACKAGE, 'project.config.json': '[]' })).toContain('invalid-json');
  });

  it('requires the open data context setting and its index.js', () => {
    const noSetting = { ...VALID_PACKAGE, 'game.json': JSON.stringify({ deviceOrientation: 'portrait' }) };
    expect(check(noSetting).findings.map((finding) => [finding.code, finding.file])).toEqual([
      ['open-data-context', 'game.json'],
    ]);
    const noEntry = { ...VALID_PACKAGE };
    delete noEntry['openDataContext/index.js'];
    expect(check(noEntry).findings.map((finding) => [finding.code, finding.file])).toEqual([
      ['open-data-context', 'openDataContext/index.js'],
    ]);
  });

  it('rejects configs that disagree on the folder or leave the package', () => {
    const disagree = {
      ...VALID_PACKAGE,
      'project.config.json': JSON.stringify({ openDataContext: 'other' }),
    };
    expect(check(disagree).findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining('"other" but game.json at "openDataContext"'),
    ]);
    const outside = { ...VALID_PACKAGE, 'game.json': JSON.stringify({ openDataContext: '../elsewhere' }) };
    expect(codes(outside)).toContain('open-data-context');
  });

  it('can skip the open data context for a package without one', () => {
    const files: PackageFiles = { ...VALID_PACKAGE, 'game.json': '{}', 'project.config.json': '{}' };
    delete files['openDataContext/index.js'];
    expect(check(files, { requireOpenDataContext: false }).ok).toBe(true);
  });

  it('reports a missing folder instead of throwing', () => {
    const result = checkPackage('/nonexistent/package/folder');
    expect(result.ok).toBe(false);
    expect(result.findings.map((finding) => finding.code)).toEqual(['missing-folder']);
  });

  it('formats a readable report', () => {
    const root = writePackage({ ...VALID_PACKAGE, 'a.js': 'eval(1)' });
    roots.push(root);
    const report = formatPackageReport('dist', checkPackage(root));
    expect(report).toContain('package dist: 5 files');
    expect(report).toContain('✗ [eval] a.js:1: eval( is not allowed on TikTok');
  });
});
