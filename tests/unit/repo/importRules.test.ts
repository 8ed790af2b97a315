/**
 * The import rules of docs/architecture.md, held by the linter (biome.json): each planted backwards
 * import below must fail the lint, and its allowed counterpart pass. The files are planted in a copy of
 * the folders they claim to be in, with the repo's biome.json, never in the repo.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIOME = resolve('node_modules/.bin/biome');

interface Diagnostic {
  category: string;
  message: string;
  location: { path: string };
}

/** Plants one file per case at its path (numbered apart), lints them all at once; messages by case. */
function lintPlanted(cases: readonly (readonly [path: string, specifier: string])[]): string[] {
  const sandbox = mkdtempSync(join(tmpdir(), 'import-rules-'));
  try {
    copyFileSync('biome.json', join(sandbox, 'biome.json'));
    const paths = cases.map(([path, specifier], index) => {
      const file = path.replace(/\.ts$/, `${index}.ts`);
      mkdirSync(dirname(join(sandbox, file)), { recursive: true });
      writeFileSync(
        join(sandbox, file),
        `import { value } from '${specifier}';\n\nexport const used = value;\n`,
      );
      return file;
    });
    const run = spawnSync(
      BIOME,
      ['lint', '--vcs-enabled=false', '--reporter=json', '--max-diagnostics=none', '.'],
      {
        cwd: sandbox,
        encoding: 'utf8',
      },
    );
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
    return paths.map((file) =>
      diagnostics
        .filter(
          (diagnostic) =>
            diagnostic.location.path === file && diagnostic.category.endsWith('noRestrictedImports'),
        )
        .map((diagnostic) => diagnostic.message)
        .join('\n'),
    );
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
}

const BACKWARDS: [string, string, string][] = [
  ['assets/scripts/games/starLanes/x.ts', '../../shell/index', 'games/ holds the games'],
  ['assets/scripts/games/x.ts', '../platform/index', 'games/ holds the games'],
  ['assets/scripts/social/x.ts', '../games/starLanes/index', 'never a game'],
  ['assets/scripts/social/x.ts', '../shell/index', 'social/ is engine-free'],
  ['assets/scripts/platform/x.ts', '../shell/index', 'platform/ wraps'],
  ['assets/scripts/shell/x.ts', '../games/registered', 'takes the game as a parameter'],
  ['assets/scripts/shell/x.ts', '../cocos/GameBootstrap', 'takes the game as a parameter'],
  ['assets/scripts/shell/flow/x.ts', '../../../../tools/bundle', 'takes the game as a parameter'],
  ['openDataContext/src/x.ts', '../../assets/scripts/shell/index', 'open data context may import only'],
  [
    'openDataContext/src/x.ts',
    '../../assets/scripts/games/starLanes/index',
    'open data context may import only',
  ],
  ['minigame/x.ts', '../assets/scripts/games/starLanes/index', 'Canvas 2D edition'],
  ['minigame/screens/x.ts', '../../tools/bundle', 'Canvas 2D edition'],
  ['assets/scripts/cocos/x.ts', '../../../minigame/app', 'Cocos adapters'],
  ['assets/scripts/cocos/x.ts', '../games/starLanes/index', 'Cocos adapters'],
  ['simulator/server/x.ts', '../web/shared/wire', 'never imports its web frames'],
  ['tools/buildConfig/x.ts', '../../simulator/server/packageConfig', 'the simulator imports them'],
  ['tools/package-check/x.ts', '../../simulator/index', 'the simulator imports them'],
];

const ALLOWED: [string, string][] = [
  ['assets/scripts/games/starLanes/x.ts', '../contract'],
  ['assets/scripts/social/x.ts', '../games/scoreLimit'],
  ['assets/scripts/shell/x.ts', '../games/contract'],
  ['openDataContext/src/x.ts', '../../assets/scripts/games/registered'],
  ['minigame/x.ts', '../assets/scripts/games/registered'],
  ['assets/scripts/cocos/x.ts', '../games/registered'],
  ['simulator/web/game/x.ts', '../../server/errors'],
  ['simulator/server/x.ts', '../../tools/package-check/requestDomains'],
];

describe('import rules', () => {
  const backwards = lintPlanted(BACKWARDS.map(([path, specifier]) => [path, specifier] as const));
  const allowed = lintPlanted(ALLOWED);

  it.each(BACKWARDS.map((rule, index) => [...rule, index] as const))(
    '%s may not import %s',
    (_path, _specifier, message, index) => {
      expect(backwards[index]).toContain(message);
    },
  );

  it.each(ALLOWED.map((rule, index) => [...rule, index] as const))(
    '%s may import %s',
    (_path, _specifier, index) => {
      expect(allowed[index]).toBe('');
    },
  );
});
