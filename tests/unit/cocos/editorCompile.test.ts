import { describe, expect, it } from 'vitest';
import { compileLikeEditor } from '../../../tools/cocos/editorCompile';
import { checkToolchain, EDITOR_BABEL_VERSION, editorToolchain } from '../../../tools/cocos/editorToolchain';

const FIXTURES = 'tests/fixtures/cocos';

function messages(fixture: string): string[] {
  return compileLikeEditor(`${FIXTURES}/${fixture}`).map((finding) => finding.message);
}

describe("compiling the scripts as Cocos Creator 3.8's editor does", () => {
  it("runs Cocos's module loader on the editor's Babel 7.19", () => {
    const toolchain = editorToolchain();
    expect(toolchain).toEqual({
      modLo: '1.12.5',
      presetCc: '1.0.7',
      babelCore: EDITOR_BABEL_VERSION,
      babelParser: EDITOR_BABEL_VERSION,
    });
    expect(checkToolchain({ ...toolchain, babelParser: '7.29.0' }).map((finding) => finding.message)).toEqual(
      [expect.stringContaining("runs @babel/parser 7.29.0, not the editor's 7.19.6")],
    );
  });

  it("rejects a relative import with a .js suffix, as the editor's resolver does", () => {
    expect(messages('editor-js-suffix')).toEqual([
      "assets/scripts/main.ts:1: import './levels.js' is not found by the editor (module not found). " +
        "The editor's resolver takes the path as written, then tries only './levels.js.ts' and " +
        "'./levels.js/index.ts': write './levels'.",
    ]);
  });

  it('rejects `export type * from`, which Babel 7.19 cannot parse', () => {
    expect(messages('editor-type-star')).toEqual([
      "assets/scripts/index.ts:1:13: the editor's Babel cannot parse this (Unexpected token (1:12)): " +
        "`export type * from` is TypeScript 5.0 syntax; name the types: export type { A, B } from '...'",
    ]);
  });

  it('rejects a type re-exported as a value, which is gone once Babel erases types', () => {
    expect(messages('editor-type-as-value')).toEqual([
      "assets/scripts/index.ts:2: 'Score' from './score' is not a runtime export of assets/scripts/score.ts " +
        "after the editor's Babel: if it is a type, import or export it with `type`.",
    ]);
  });
});
