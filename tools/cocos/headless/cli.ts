import { relative, resolve } from 'node:path';
import { checkPackage, formatSizes } from '../../package-check/index';
import { buildCocosPackage } from './buildPackage';

/**
 * `npm run cocos:build [-- <folder>]`: the headless test build of the Cocos edition (default
 * build/bytedance-mini-game-headless/), then the package checks `npm run build` runs.
 */

export const DEFAULT_OUT = 'build/bytedance-mini-game-headless';

const engineDir = process.env.COCOS_ENGINE_DIR;
if (!engineDir) {
  console.error(
    'COCOS_ENGINE_DIR is not set: point it at a Cocos engine built for bytedance, with its editor/assets (docs/cocos.md)',
  );
  process.exit(1);
}
const out = resolve(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? DEFAULT_OUT);
try {
  const report = await buildCocosPackage({ root: process.cwd(), engineDir, out });
  for (const note of report.notes) console.log(`  note: ${note}`);
  const check = checkPackage(out);
  console.log(formatSizes(out, check.sizes));
  for (const finding of check.findings) console.error(`  ✗ [${finding.code}] ${finding.message}`);
  if (!check.ok) {
    console.error('the headless build does not pass the package checks');
    process.exit(1);
  }
  const shown = relative(process.cwd(), out) || out;
  console.log(`wrote ${shown} (start scene ${report.launchScene}); next: npm run cocos:package -- ${shown}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
