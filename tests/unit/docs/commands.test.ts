import { describe, expect, it } from 'vitest';
import { read } from './docPages';

/** The scripts the README's "Commands" table names (`npm start`, `npm test`, `npm run <name> …`). */
function documentedScripts(): string[] {
  const text = read('README.md');
  const start = text.indexOf('\n## Commands\n');
  if (start < 0) throw new Error('README.md has no "## Commands" section');
  const next = text.indexOf('\n## ', start + 1);
  const rows = text
    .slice(start, next < 0 ? undefined : next)
    .split('\n')
    .filter((line) => line.startsWith('| `'));
  return rows.flatMap((row) =>
    [...(row.split(' | ')[0] ?? '').matchAll(/`npm (?:run )?([\w:-]+)/g)].map((match) => match[1] ?? ''),
  );
}

describe("the README's commands table", () => {
  it('names every npm script of package.json once, and no other', () => {
    const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: object }).scripts);
    const documented = documentedScripts();
    expect([...documented].sort()).toEqual([...new Set(documented)].sort());
    expect([...documented].sort()).toEqual([...scripts].sort());
  });
});
