import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chooseBuildConfig, ReleaseRefused } from '../buildConfig/choose';
import { BUILD_CONFIG_MODULE, writeBuildConfigModule } from '../buildConfig/module';
import { bundleOpenDataContext } from '../openDataContextBundle';
import { TEMPLATE_DIR } from './projectCheck';

/** Where the Cocos build picks up our open data context: copied as is into build/bytedance-mini-game/. */
export const TEMPLATE_CONTEXT_DIR = `${TEMPLATE_DIR}/openDataContext`;

/**
 * Writes the open data context (the same bundle `npm run build` ships in dist/) and its assets into
 * build-templates/, so the editor's Douyin build ships it. Generated, not committed: run before each build.
 */
export async function writeContextTemplate(root: string): Promise<string[]> {
  const target = join(root, TEMPLATE_CONTEXT_DIR);
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'index.js'), await bundleOpenDataContext());
  const written = [`${TEMPLATE_CONTEXT_DIR}/index.js`];
  if (existsSync(join(root, 'openDataContext/assets'))) {
    cpSync(join(root, 'openDataContext/assets'), join(target, 'assets'), { recursive: true });
    written.push(`${TEMPLATE_CONTEXT_DIR}/assets/`);
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `-- --release` writes the release configuration (docs/upload.md) for the editor to compile.
  try {
    const config = chooseBuildConfig(process.cwd(), process.argv.slice(2), process.env);
    writeBuildConfigModule(process.cwd(), config);
    console.log(`wrote ${BUILD_CONFIG_MODULE} (${config.mode}, zone ${config.zone})`);
    for (const path of await writeContextTemplate(process.cwd())) console.log(`wrote ${path}`);
  } catch (error) {
    if (!(error instanceof ReleaseRefused)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
