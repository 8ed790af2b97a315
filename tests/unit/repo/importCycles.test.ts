import { describe, expect, it } from 'vitest';
import { findCycles, importGraph } from '../../../tools/importGraph';

describe('imports', () => {
  it('no module of the repo imports itself through others', () => {
    const cycles = findCycles(importGraph(process.cwd())).map((cycle) => cycle.join(' → '));
    expect(cycles).toEqual([]);
  });

  it('finds a cycle, however long, and reports it once', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(findCycles(graph)).toEqual([
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
      ['e.ts', 'e.ts'],
    ]);
  });
});
