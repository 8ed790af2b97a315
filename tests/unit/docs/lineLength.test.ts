import { describe, expect, it } from 'vitest';
import { docsPages, read } from './docPages';

/** Docs are read as source too: a line a reader must scroll sideways for is a table to turn into prose. */
const MAX_LINE = 160;

const longLines = (page: string) =>
  read(page)
    .split('\n')
    .map((line, index) => ({ line: index + 1, length: [...line].length }))
    .filter(({ length }) => length > MAX_LINE);

describe(`no line in docs/ is over ${MAX_LINE} characters`, () => {
  for (const page of docsPages()) {
    it(page, () => {
      expect(longLines(page)).toEqual([]);
    });
  }
});
