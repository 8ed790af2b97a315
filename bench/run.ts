/**
 * `npm run bench [-- board|open|server|cocos]`: every benchmark, one after the other so they do not share the two
 * cores. Each prints ratios against a baseline measured in the same run (the machines are noisy, so
 * absolute times mean little); each exits non-zero when it misses its target.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** `board` is the friend board's two: scrolling and size against Layout, and the open against the guide's. */
const benchmarks: Record<string, string[]> = {
  board: ['bench/board/run.ts', 'bench/board/open.ts'],
  open: ['bench/board/open.ts'],
  server: ['bench/server/main.ts'],
  cocos: ['bench/cocos/uploads.ts'],
};

const wanted = process.argv.slice(2).filter((name) => name in benchmarks);
const names = wanted.length > 0 ? wanted : Object.keys(benchmarks);
const scripts = [...new Set(names.flatMap((name) => benchmarks[name] ?? []))];
let failed = 0;
for (const script of scripts) {
  console.log(`\n=== bench: ${script} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, script)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
