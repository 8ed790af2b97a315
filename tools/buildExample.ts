/**
 * Builds the Canvas 2D edition with a game of `examples/<name>/` in place of the arcade one: the example's
 * `core.ts` stands in for `assets/scripts/core/index.ts` and its `play.ts` for `minigame/screens/play.ts`;
 * everything else (platform, social, game services, the other screens, the open data context) is the
 * sample's, unchanged. docs/quickstart.md walks through it.
 *
 *   npx tsx tools/buildExample.ts star-tap            after `npm run build`: dist/game.js becomes Star Tap
 *   npx tsx tools/buildExample.ts star-tap <folder>   a copy of dist/ with Star Tap, in <folder>
 *
 * It type-checks the edition against the example first, with the same swap, so a core that lacks
 * something the edition uses fails here with TypeScript's message rather than in the simulator.
 */
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import ts from 'typescript';
import { bundleScript } from './bundle';
import { checkPackage, formatPackageReport } from './package-check/index';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The modules an example replaces, keyed by the sample's module path (no extension), as absolute paths. */
export function exampleModules(name: string): Map<string, string> {
  const example = join(root, 'examples', name);
  return new Map([
    [join(root, 'assets/scripts/core/index'), join(example, 'core.ts')],
    [join(root, 'minigame/screens/play'), join(example, 'play.ts')],
  ]);
}

const withoutExtension = (path: string): string => path.replace(/\.ts$/, '');

/** esbuild: every relative import of a replaced module resolves to the example's file instead. */
export function swapModules(modules: Map<string, string>): Plugin {
  return {
    name: 'swap-modules',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = modules.get(withoutExtension(resolve(args.resolveDir, args.path)));
        return target === undefined ? undefined : { path: target };
      });
    },
  };
}

/** TypeScript's diagnostics for the edition built with the example's modules; empty when it checks. */
export function typecheckExample(name: string): string[] {
  const modules = exampleModules(name);
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const host = ts.createCompilerHost(config.options);
  host.resolveModuleNameLiterals = (literals, containingFile, _redirect, options) =>
    literals.map((literal) => {
      const found = ts.resolveModuleName(literal.text, containingFile, options, host);
      const resolved = found.resolvedModule?.resolvedFileName;
      const target = resolved === undefined ? undefined : modules.get(withoutExtension(resolved));
      if (target === undefined) return found;
      return { resolvedModule: { resolvedFileName: target, extension: ts.Extension.Ts } };
    });
  const entries = [join(root, 'minigame/main.ts'), ...modules.values()];
  const program = ts.createProgram(entries, config.options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.formatDiagnostic(diagnostic, { ...host, getNewLine: () => '\n' }).trim());
}

/**
 * Writes the example's package into `outDir`: a copy of the built package `packageDir` (from
 * `npm run build`) whose game.js is the edition bundled with the example's modules; checks it against
 * TikTok's upload rules like `npm run build` does.
 */
export async function buildExample(
  name: string,
  outDir: string,
  packageDir = join(root, 'dist'),
): Promise<void> {
  if (!existsSync(join(packageDir, 'game.json')))
    throw new Error(`no package in ${packageDir}: run \`npm run build\` first`);
  if (!existsSync(join(root, 'examples', name, 'core.ts'))) throw new Error(`no example examples/${name}/`);
  if (resolve(outDir) !== resolve(packageDir)) cpSync(packageDir, outDir, { recursive: true });
  const game = await bundleScript(join(root, 'minigame/main.ts'), {
    plugins: [swapModules(exampleModules(name))],
  });
  writeFileSync(join(outDir, 'game.js'), game);
  const check = checkPackage(outDir);
  if (!check.ok) throw new Error(formatPackageReport(outDir, check));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [name, out] = process.argv.slice(2);
  if (name === undefined) {
    console.error('usage: npx tsx tools/buildExample.ts <example name> [output folder; dist/ by default]');
    process.exit(1);
  }
  const problems = typecheckExample(name);
  if (problems.length > 0) {
    console.error(`examples/${name} does not fit the edition:\n${problems.join('\n')}`);
    process.exit(1);
  }
  const outDir = resolve(out ?? join(root, 'dist'));
  await buildExample(name, outDir);
  console.log(`examples/${name} built into ${outDir}; \`npx tsx tools/dev.ts\` serves dist/`);
}
