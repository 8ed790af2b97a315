/**
 * The repo's graph of relative imports between its own TypeScript files, and the cycles in it. Imports
 * are read with TypeScript's own pre-processor (type-only imports count: a cycle of types still ties
 * two modules together for a reader), and resolved the way the bundler and Cocos's loader do:
 * `<name>.ts`, then `<name>/index.ts`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SKIPPED = new Set(['node_modules', 'dist', 'fixtures', 'temp', 'library', 'build', 'test-results']);

export function listTypeScript(root: string, folder = root): string[] {
  const files: string[] = [];
  for (const name of readdirSync(folder)) {
    if (name.startsWith('.') || SKIPPED.has(name)) continue;
    const path = join(folder, name);
    if (statSync(path).isDirectory()) files.push(...listTypeScript(root, path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ''));
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return null;
}

/** Each file (relative to `root`) with the repo files it imports. */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of listTypeScript(root)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => resolveImport(file, imported.fileName))
      .filter((target): target is string => target !== null)
      .map((target) => relative(root, target));
    graph.set(relative(root, file), [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle, once, as the files along it (depth-first search with the path kept on a stack). */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const reported = new Set<string>();
  const visit = (file: string, stack: string[]): void => {
    const at = stack.indexOf(file);
    if (at >= 0) {
      const cycle = stack.slice(at);
      const key = [...cycle].sort().join('|');
      if (!reported.has(key)) {
        reported.add(key);
        cycles.push([...cycle, file]);
      }
      return;
    }
    if (seen.has(file)) return;
    seen.add(file);
    stack.push(file);
    for (const next of graph.get(file) ?? []) visit(next, stack);
    stack.pop();
  };
  for (const file of [...graph.keys()].sort()) visit(file, []);
  return cycles;
}
