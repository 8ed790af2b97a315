import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import type { CocosFinding } from './findings';

export const COCOS_SCRIPTS_DIR = 'assets/scripts/cocos';

/** What the Cocos adapters may import: the engine, each other, and the shared engine-free modules. */
const ENGINE_MODULES = new Set(['cc', 'cc/env']);
const SHARED_DIRS = [
  'assets/scripts/games',
  'assets/scripts/social',
  'assets/scripts/platform',
  'assets/scripts/shell',
];

/**
 * Code that belongs in the shared modules. The adapters translate between `cc` and those modules; a
 * match here means a rule, a platform call or a hand-built message is growing inside cocos/.
 */
const BELONGS_ELSEWHERE: readonly { pattern: RegExp; message: string }[] = [
  {
    pattern: /\b(?:tt|wx|swan)\s*\.|\bTTMinis\b|\bGameGlobal\b/,
    message: 'calls the platform directly; go through assets/scripts/platform/',
  },
  {
    pattern: /\b(?:set|get|remove)UserCloudStorage\b|\bgetFriendCloudStorage\b|\bKVDataList\b/,
    message: 'reads or writes cloud storage; saving lives in assets/scripts/shell/ and social/cloudScore.ts',
  },
  {
    pattern: /\b(?:get|set|remove)StorageSync\b|\blocalStorage\b/,
    message: 'uses local storage; saving lives in assets/scripts/shell/',
  },
  {
    pattern: /\bpostMessage\s*\(\s*\{/,
    message: 'builds a message by hand; use the builders of assets/scripts/social/protocol.ts',
  },
  {
    pattern: /\bv\s*:\s*1\b/,
    message: 'writes a protocol version; messages come from assets/scripts/social/protocol.ts',
  },
  { pattern: /\.sort\s*\(/, message: 'sorts data; ranking lives in assets/scripts/social/ranking.ts' },
  { pattern: /\bJSON\.parse\b/, message: 'parses data; parsing and validation live in the shared modules' },
  {
    pattern: /\b[\w.]*[sS]core\w*\s*(?:[+\-*/]=|=\s*[\w.]*[sS]core\w*\s*[+\-*/])/,
    message: 'computes a score; scoring lives in the game (assets/scripts/games/)',
  },
];

const IMPORT_PATTERN =
  /\b(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g;

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

export function listScripts(root: string, dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string): void => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.ts'))
        files.push(relative(root, full).split(sep).join(posix.sep));
    }
  };
  walk(join(root, dir));
  return files.sort();
}

function importAllowed(file: string, specifier: string): boolean {
  if (ENGINE_MODULES.has(specifier)) return true;
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return false;
  const target = posix.normalize(posix.join(posix.dirname(file), specifier));
  return [COCOS_SCRIPTS_DIR, ...SHARED_DIRS].some((dir) => target.startsWith(`${dir}/`));
}

/** Checks every script under assets/scripts/cocos/ for imports outside the allowed set and for rules. */
export function checkImportBoundary(root: string): CocosFinding[] {
  const findings: CocosFinding[] = [];
  for (const file of listScripts(root, COCOS_SCRIPTS_DIR)) {
    const source = stripComments(readFileSync(join(root, file), 'utf8'));
    for (const match of source.matchAll(IMPORT_PATTERN)) {
      const specifier = match[1] ?? match[2] ?? '';
      if (!importAllowed(file, specifier)) {
        findings.push({
          check: 'boundary',
          file,
          message: `${file} imports "${specifier}"; Cocos adapters may import only cc, cc/env, cocos/ and the shared games, social, platform and shell modules`,
        });
      }
    }
    source.split('\n').forEach((line, index) => {
      for (const { pattern, message } of BELONGS_ELSEWHERE) {
        if (pattern.test(line))
          findings.push({ check: 'boundary', file, message: `${file}:${index + 1} ${message}` });
      }
    });
  }
  return findings;
}
