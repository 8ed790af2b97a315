import { describe, expect, it } from 'vitest';
import { compileLikeEditor } from '../../../tools/cocos/editorCompile';

// Babel over every script: seconds on a quiet machine, many more on a loaded one, so it runs with the
// slow suites (`npm test`), not in `npm run check`.
describe("compiling the scripts as Cocos Creator 3.8's editor does", () => {
  it('compiles every script of this project', () => {
    expect(compileLikeEditor('.')).toEqual([]);
  }, 90_000);
});
