/**
 * Bundles the context the way `npm run build` does (one minified ES2019 IIFE), for the end-to-end tests
 * and the benchmark, which must not depend on the rest of the game building.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/** Returns the bundle's source. `entry` defaults to the production entry, src/main.ts. */
export async function bundleOpenDataContext(entry = join(here, 'src/main.ts')): Promise<string> {
  const result = await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'warning',
    minify: true,
    write: false,
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no output for the open data context');
  return output.text;
}
