import { describe, expect, it } from 'vitest';
import { docsPages, read } from './docPages';

/** Docs are read as source too: a line a reader must scroll sideways for is a table to turn into prose. */
const MAX_LINE = 160;

/**
 * Pages another part of the project owns and reflows on its own schedule. Each entry must still have a
 * long line (so the list cannot outlive its reason); remove it once the page is reflowed.
 */
const REFLOW_PENDING = ['docs/cocos.md'];

const longLines = (page: string) =>
  read(page)
    .split('\n')
    .map((line, index) => ({ line: index + 1, length: [...line].length }))
    .filter(({ length }) => length > MAX_LINE);

describe(`no line in docs/ is over ${MAX_LINE} characters`, () => {
  for (const page of docsPages()) {
    if (REFLOW_PENDING.includes(page)) continue;
    it(page, () => {
      expect(longLines(page)).toEqual([]);
    });
  }

  it('lists only pages that still need reflowing as pending', () => {
    expect(REFLOW_PENDING.filter((page) => longLines(page).length === 0)).toEqual([]);
  });
});
