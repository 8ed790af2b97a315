import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listTypeScript } from '../../../tools/importGraph';

/** The sample is read more than it is run: a source file of the game does one job, in a screenful or few. */
const MAX_LINES = 300;
const FOLDERS = ['minigame', 'assets/scripts', 'openDataContext/src'];

describe('source files', () => {
  it(`stay under ${MAX_LINES} lines in ${FOLDERS.join(', ')}`, () => {
    const long = FOLDERS.flatMap((folder) => listTypeScript(folder))
      .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});
