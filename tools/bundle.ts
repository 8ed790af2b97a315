import { type BuildOptions, build, type Plugin } from 'esbuild';

/**
 * How every script of the package is bundled. The runtime loads game.js and openDataContext/index.js as
 * plain scripts, so each is one self-contained IIFE; ES2019 keeps older phone webviews happy; esbuild
 * emits no eval-style code, so the package passes TikTok's code scan. Scripts are bundled as the files
 * are on disk: the build configuration is a file the build command wrote first (tools/buildConfig/module.ts).
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

export interface BundleOptions {
  /** esbuild plugins (tools/buildExample.ts swaps modules with one). */
  plugins?: readonly Plugin[];
  /** TypeScript settings for this script only (tools/openDataContextBundle.ts). */
  tsconfigRaw?: BuildOptions['tsconfigRaw'];
}

/** Bundles one entry the way `npm run build` does and returns the script's text. */
export async function bundleScript(entry: string, options: BundleOptions = {}): Promise<string> {
  const result = await build({
    ...PACKAGE_SCRIPT_OPTIONS,
    entryPoints: [entry],
    write: false,
    tsconfigRaw: options.tsconfigRaw,
    plugins: [...(options.plugins ?? [])],
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild produced no output for ${entry}`);
  return output.text;
}
