import { type BuildOptions, build, type Plugin } from 'esbuild';
import { buildConfigPlugin } from './buildConfig/module';
import { type BuildConfig, DEV_BUILD_CONFIG } from './buildConfig/settings';

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

export interface BundleOptions {
  /** The addresses and zone the script is built with; the development values unless a release build says. */
  buildConfig?: BuildConfig;
  /** More esbuild plugins, after the build config's (tools/buildExample.ts swaps modules with one). */
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
    plugins: [buildConfigPlugin(options.buildConfig ?? DEV_BUILD_CONFIG), ...(options.plugins ?? [])],
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild produced no output for ${entry}`);
  return output.text;
}
