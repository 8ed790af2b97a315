/**
 * Builds the package with a game of `examples/<name>/` in place of the registered one, without touching
 * the sample's files: an esbuild plugin resolves `assets/scripts/games/registered.ts` to the example's
 * `index.ts`, in the game and in the open data context. Everything else (the shell, both screens'
 * content, the open data context) is the sample's. The quickstart's swap does the same by hand
 * (docs/quickstart.md); `npm run starter:check` proves that one.
 *
 *   npx tsx tools/buildExample.ts star-tap            after `npm run build`: dist/ runs Star Tap
 *   npx tsx tools/buildExample.ts star-tap <folder>   a copy of dist/ with Star Tap, in <folder>
 */
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { bundleScript } from './bundle';
import { bundleOpenDataContext } from './openDataContextBundle';
import { checkPackage, formatPackageReport } from './package-check/index';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REGISTERED = join(root, 'assets/scripts/games/registered');

/** esbuild: the registered game becomes `entry`, wherever it is imported from. */
export function registeredGameFrom(entry: string): Plugin {
  return {
    name: 'registered-game',
    setup(build) {
      build.onResolve({ filter: /\/registered$/ }, (args) =>
        resolve(args.resolveDir, args.path) === REGISTERED ? { path: entry } : undefined,
      );
    },
  };
}

/**
 * Writes the example's package into `outDir`: a copy of the built package `packageDir` (from
 * `npm run build`) whose game.js and open data context run the example; checks it against TikTok's
 * upload rules like `npm run build` does.
 */
export async function buildExample(
  name: string,
  outDir: string,
  packageDir = join(root, 'dist'),
): Promise<void> {
  if (!existsSync(join(packageDir, 'game.json')))
    throw new Error(`no package in ${packageDir}: run \`npm run build\` first`);
  const entry = join(root, 'examples', name, 'index.ts');
  if (!existsSync(entry)) throw new Error(`no example examples/${name}/index.ts`);
  if (resolve(outDir) !== resolve(packageDir)) cpSync(packageDir, outDir, { recursive: true });
  const plugins = [registeredGameFrom(entry)];
  writeFileSync(join(outDir, 'game.js'), await bundleScript(join(root, 'minigame/main.ts'), { plugins }));
  writeFileSync(join(outDir, 'openDataContext/index.js'), await bundleOpenDataContext(undefined, plugins));
  const check = checkPackage(outDir);
  if (!check.ok) throw new Error(formatPackageReport(outDir, check));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [name, out] = process.argv.slice(2);
  if (name === undefined) {
    console.error('usage: npx tsx tools/buildExample.ts <example name> [output folder; dist/ by default]');
    process.exit(1);
  }
  const outDir = resolve(out ?? join(root, 'dist'));
  await buildExample(name, outDir);
  console.log(`examples/${name} built into ${outDir}; \`npx tsx tools/dev.ts\` serves dist/`);
}
