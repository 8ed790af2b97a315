/**
 * The open data context as `npm run build` bundles it, for the build, the tests, the benchmark and the
 * Cocos build template, which must not depend on the rest of the game building.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Plugin, transform } from 'esbuild';
import { minify } from 'terser';
import { bundleScript, PACKAGE_SCRIPT_OPTIONS } from './bundle';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Class fields as plain assignments in the constructor: the ES2019 output then has no defineProperty
 * helper call per field. The context never relies on define semantics (no field shadows an accessor).
 */
const CONTEXT_TSCONFIG = { compilerOptions: { useDefineForClassFields: false } };

/** terser's compress passes: the third still saves about 30 B gzipped, a fourth nothing. */
const TERSER_PASSES = 3;

/** The production entry. */
export const OPEN_DATA_CONTEXT_ENTRY = join(root, 'openDataContext/src/main.ts');

/**
 * The context's private class members end in `_` (openDataContext/README.md), and only they do: nothing
 * outside the bundle reads them, so the bundle gives them short names (about 570 B gzipped).
 */
export const PRIVATE_MEMBER = /[^_]_$/;

/**
 * Returns the bundle's source, with the build configuration assets/scripts/platform/buildConfig.ts holds.
 * `entry` defaults to the production entry.
 *
 * The bundle is minified twice more as a whole. esbuild minifies each module's scope as it bundles; a
 * second esbuild pass over the joined script merges declarations across what were module borders and
 * shortens the private members. terser then compresses the result again (inlining what is used once,
 * folding branches and sequences over several passes, which esbuild's one pass does not), about 850 B
 * gzipped. Both keep the ES2019 target, so nothing is lowered or raised.
 */
export async function bundleOpenDataContext(
  entry = OPEN_DATA_CONTEXT_ENTRY,
  plugins: readonly Plugin[] = [],
): Promise<string> {
  return (await bundleWithRenames(entry, plugins)).code;
}

/** The property names the production bundle shortened (the test of the naming rule reads them). */
export async function renamedProperties(): Promise<string[]> {
  return Object.keys((await bundleWithRenames(OPEN_DATA_CONTEXT_ENTRY)).renamed);
}

async function bundleWithRenames(
  entry: string,
  plugins: readonly Plugin[] = [],
): Promise<{ code: string; renamed: Record<string, string | false> }> {
  const bundled = await bundleScript(resolve(entry), { plugins, tsconfigRaw: CONTEXT_TSCONFIG });
  const { code, mangleCache } = await transform(bundled, {
    minify: true,
    target: PACKAGE_SCRIPT_OPTIONS.target,
    legalComments: 'none',
    mangleProps: PRIVATE_MEMBER,
    mangleCache: {},
  });
  const compressed = await minify(code, {
    ecma: 2019,
    compress: { passes: TERSER_PASSES },
    mangle: true,
    // Escaped as esbuild writes them: a runtime that reads the script without a charset sees the same text.
    format: { comments: false, ascii_only: true },
  });
  if (compressed.code === undefined) throw new Error(`terser produced no output for ${entry}`);
  return { code: compressed.code, renamed: mangleCache ?? {} };
}

/** The size that counts: the bundle gzipped with Node's defaults, as a CDN would serve it. */
export function gzippedBytes(source: string): number {
  return gzipSync(source).length;
}

/** The committed gzipped size the bundle may not outgrow (openDataContext/size-budget.json). */
export function sizeBudget(): { gzipBytes: number } {
  const budget: unknown = JSON.parse(readFileSync(join(root, 'openDataContext/size-budget.json'), 'utf8'));
  const bytes = (budget as { gzipBytes?: unknown }).gzipBytes;
  if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes <= 0)
    throw new Error('openDataContext/size-budget.json: gzipBytes must be a positive whole number');
  return { gzipBytes: bytes };
}
