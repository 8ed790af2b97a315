/**
 * `npm run starter:check`: does the quickstart's swap (docs/quickstart.md, "Swap in your own game") in a
 * copy of this repo, as a developer cloning the sample would, and runs `npm run check` and the build
 * there. Star Tap (examples/star-tap/) goes into assets/scripts/games/starTap/, the registration line
 * names it, Cocos metas are added and the app is renamed. The repo is not touched.
 *
 *   npm run starter:check             the copy is deleted afterwards
 *   npm run starter:check -- --keep   the copy stays, for a look
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The repo's files as a clone would have them, with the working tree's changes. */
function copyRepo(to: string): void {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  for (const file of listed.split('\0')) {
    if (file === '' || !existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(root, file), join(to, file));
  }
  symlinkSync(join(root, 'node_modules'), join(to, 'node_modules'), 'dir');
  // The linter reads .gitignore through git, as in a clone.
  execFileSync('git', ['init', '-q'], { cwd: to });
}

/** The quickstart's steps, one by one. */
function swapInStarTap(repo: string): void {
  cpSync(join(repo, 'examples/star-tap'), join(repo, 'assets/scripts/games/starTap'), { recursive: true });
  const registered = join(repo, 'assets/scripts/games/registered.ts');
  const line = readFileSync(registered, 'utf8').replace("from './starLanes/index'", "from './starTap/index'");
  if (!line.includes("'./starTap/index'")) throw new Error('registered.ts no longer names ./starLanes/index');
  writeFileSync(registered, line);
  const config = JSON.parse(readFileSync(join(repo, 'project.config.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  writeFileSync(
    join(repo, 'project.config.json'),
    `${JSON.stringify({ ...config, projectname: 'Star Tap' }, null, 2)}\n`,
  );
}

function run(repo: string, script: string): void {
  console.log(`\n── starter:check: npm run ${script} (in ${repo})`);
  const result = spawnSync('npm', ['run', script], { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`npm run ${script} failed in the swapped copy (exit ${result.status})`);
}

const keep = process.argv.includes('--keep');
const repo = join(mkdtempSync(join(tmpdir(), 'starter-check-')), 'repo');
try {
  copyRepo(repo);
  swapInStarTap(repo);
  run(repo, 'cocos:metas');
  run(repo, 'check');
  run(repo, 'build');
  console.log('\nstarter:check: Star Tap swapped in as docs/quickstart.md says; check and build pass');
} catch (error) {
  console.error(`\nstarter:check: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  if (keep) console.log(`the swapped copy stays in ${repo}`);
  else rmSync(dirname(repo), { recursive: true, force: true });
}
