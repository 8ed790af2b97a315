import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The browser halves (Main Frame UI and the two runtime shims), bundled in memory at start-up. */

export interface WebBundles {
  main: string;
  gameRuntime: string;
  contextRuntime: string;
}

const webDir = fileURLToPath(new URL('../web/', import.meta.url));

export async function bundleWeb(): Promise<WebBundles> {
  const result = await build({
    entryPoints: {
      main: `${webDir}main/index.ts`,
      gameRuntime: `${webDir}game/index.ts`,
      contextRuntime: `${webDir}context/index.ts`,
    },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome110',
    outdir: '/virtual',
    logLevel: 'silent',
  });
  const text = (name: string) => {
    const file = result.outputFiles.find((output) => output.path.endsWith(`/${name}.js`));
    if (!file) throw new Error(`simulator bundle ${name}.js missing`);
    return file.text;
  };
  return { main: text('main'), gameRuntime: text('gameRuntime'), contextRuntime: text('contextRuntime') };
}
