import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { buildConfigPlugin } from './tools/buildConfig/module';
import { DEV_BUILD_CONFIG } from './tools/buildConfig/settings';
import { PACKAGE_SCRIPT_OPTIONS } from './tools/bundle';
const variants: Record<string, object> = {
  base: {},
  noDefine: { tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } } },
  es2020: { target: 'es2020' },
  both: { target: 'es2020', tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } } },
};
for (const [name, extra] of Object.entries(variants)) {
  const r = await build({ ...PACKAGE_SCRIPT_OPTIONS, ...extra, entryPoints: ['openDataContext/src/main.ts'], write: false, plugins: [buildConfigPlugin(DEV_BUILD_CONFIG)] });
  const t = r.outputFiles[0].text;
  console.log(name, t.length, gzipSync(t).length);
}
