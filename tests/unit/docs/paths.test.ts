import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Folders of this repo: a backticked token starting with one of them is a path the docs promise. */
const REPO_FOLDERS = [
  'assets',
  'minigame',
  'openDataContext',
  'simulator',
  'server',
  'tools',
  'tests',
  'bench',
  'docs',
  'settings',
  'build-templates',
  'examples',
];
/** Made by `npm run build`, a command or the Cocos editor, never committed. */
const GENERATED = [/^dist\//, /^openDataContext\/index\.js$/, /^build-templates\/.*openDataContext\/?$/];

function pagesToCheck(): string[] {
  const docs = readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name));
  const readmes = ['README.md', ...REPO_FOLDERS.map((folder) => join(folder, 'README.md'))];
  return [...new Set([...docs, ...readmes.filter((path) => existsSync(path))])];
}

function promisedPaths(page: string): string[] {
  const markdown = readFileSync(page, 'utf8');
  const paths = new Set<string>();
  for (const match of markdown.matchAll(/`([^`\s]+)`/g)) {
    const token = (match[1] ?? '').replace(/[,.:]$/, '').replace(/\/$/, '');
    const top = token.split('/')[0] ?? '';
    // A folder's README may name its own files relative to itself (`server/oauth.ts` in simulator/).
    const local = dirname(page) !== '.' && existsSync(join(dirname(page), token));
    if (token.includes('/') && REPO_FOLDERS.includes(top) && !/[*<>{}]/.test(token) && !local)
      paths.add(token);
  }
  // Relative links, resolved from the page's folder.
  for (const match of markdown.matchAll(/\]\((?!https?:|#)([^)#\s]+)\)/g)) {
    paths.add(normalize(join(dirname(page), match[1] ?? '')));
  }
  return [...paths].filter((path) => !GENERATED.some((pattern) => pattern.test(path)));
}

describe('every file and folder the docs and READMEs name exists', () => {
  for (const page of pagesToCheck()) {
    it(page, () => {
      expect(promisedPaths(page).filter((path) => !existsSync(path))).toEqual([]);
    });
  }
});
