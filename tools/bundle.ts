import { type BuildOptions, build } from 'esbuild';

/**
 * How every script of the package is bundled. The runtime loads game.js and openDataContext/index.js as
 * plain scripts, so each is one self-contained IIFE; ES2019 keeps older phone webviews happy; esbuild
 * emits no eval-style code, so the package passes TikTok's code scan.
 */
export const PACKAGE_SCRIPT_OPTIONS: BuildOptions = {
  bundle: true,
  format: 'iife',
  target: 'es2019',
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
  minify: true,
  sourcemap: false,
};

/** Bundles one entry the way `npm run build` does and returns the script's text. */
export async function bundleScript(entry: string): Promise<string> {
  const result = await build({ ...PACKAGE_SCRIPT_OPTIONS, entryPoints: [entry], write: false });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild produced no output for ${entry}`);
  return output.text;
}
