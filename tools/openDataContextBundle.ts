/**
 * The open data context as `npm run build` bundles it, for the build, the tests, the benchmark and the
 * Cocos build template, which must not depend on the rest of the game building.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'esbuild';
import { bundleScript } from './bundle';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Class fields as plain assignments in the constructor: the ES2019 output then has no defineProperty
 * helper call per field. The context never relies on define semantics (no field shadows an accessor).
 */
const CONTEXT_TSCONFIG = { compilerOptions: { useDefineForClassFields: false } };

/** The production entry. */
export const OPEN_DATA_CONTEXT_ENTRY = join(root, 'openDataContext/src/main.ts');

/**
 * Returns the bundle's source, with the build configuration assets/scripts/platform/buildConfig.ts holds.
 * `entry` defaults to the production entry.
 */
export function bundleOpenDataContext(
  entry = OPEN_DATA_CONTEXT_ENTRY,
  plugins: readonly Plugin[] = [],
): Promise<string> {
  return bundleScript(resolve(entry), { plugins, tsconfigRaw: CONTEXT_TSCONFIG });
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
