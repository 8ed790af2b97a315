import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The pages under docs/, as paths from the repo root. */
export function docsPages(): string[] {
  return readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name));
}

/** The READMEs a learner reads beside docs/ (the repo's, the changelog and each folder's that exists). */
export function readmePages(): string[] {
  const candidates = [
    'README.md',
    'CHANGELOG.md',
    'tests/README.md',
    'bench/README.md',
    'tools/README.md',
    'tools/cocos/README.md',
    'simulator/README.md',
    'server/README.md',
    ...readdirSync('assets/scripts').map((folder) => join('assets/scripts', folder, 'README.md')),
  ];
  return candidates.filter((path) => existsSync(path));
}

export const read = (path: string): string => readFileSync(path, 'utf8');

/** A page's text without its fenced code blocks (commands and sample output are quoted, not claimed). */
export function prose(path: string): string {
  return read(path).replace(/^```[\s\S]*?^```/gm, '');
}
