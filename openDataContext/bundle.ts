/**
 * The open data context as `npm run build` bundles it, for the tests, the benchmark and the Cocos build
 * template, which must not depend on the rest of the game building.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import type { BuildConfig } from '../tools/buildConfig/settings';
import { bundleScript } from '../tools/bundle';

const here = dirname(fileURLToPath(import.meta.url));

/** Returns the bundle's source. `entry` defaults to the production entry, src/main.ts; `buildConfig` to dev. */
export function bundleOpenDataContext(
  entry = join(here, 'src/main.ts'),
  buildConfig?: BuildConfig,
  plugins: readonly Plugin[] = [],
): Promise<string> {
  return bundleScript(resolve(entry), { buildConfig, plugins });
}
