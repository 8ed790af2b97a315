import { describe, expect, it } from 'vitest';
import { importGraph } from '../../../tools/importGraph';

/** Imports from `from` (a folder prefix) into any of `into`. */
function crossings(from: string, into: readonly string[]): string[] {
  const found: string[] = [];
  for (const [file, targets] of importGraph(process.cwd())) {
    if (!file.startsWith(from)) continue;
    for (const target of targets)
      if (into.some((folder) => target.startsWith(folder))) found.push(`${file} → ${target}`);
  }
  return found;
}

describe('import direction', () => {
  it('the open data context imports nothing from the tools, the tests or the benchmark', () => {
    expect(crossings('openDataContext/', ['tools/', 'tests/', 'bench/'])).toEqual([]);
  });

  it('the benchmark imports nothing from the tests', () => {
    expect(crossings('bench/', ['tests/'])).toEqual([]);
  });
});
