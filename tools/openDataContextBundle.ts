/**
 * The open data context as `npm run build` bundles it, for the build, the tests, the benchmark and the
 * Cocos build template, which must not depend on the rest of the game building.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import type { BuildConfig } from './buildConfig/settings';
import { bundleScript } from './bundle';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The production entry. */
export const OPEN_DATA_CONTEXT_ENTRY = join(root, 'openDataContext/src/main.ts');

/** Returns the bundle's source. `entry` defaults to the production entry; `buildConfig` to dev. */
export function bundleOpenDataContext(
  entry = OPEN_DATA_CONTEXT_ENTRY,
  buildConfig?: BuildConfig,
  plugins: readonly Plugin[] = [],
): Promise<string> {
  return bundleScript(resolve(entry), { buildConfig, plugins });
}
