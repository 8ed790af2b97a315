import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';

/**
 * The engine in the package: the bytedance adapters as built (`web-adapter.js`, `engine-adapter.js` at the
 * package root, where the editor's game.js requires them) and `cocos-js/cc.js` minified, as an editor
 * release build ships it (the unminified engine alone is over the 4 MB main package limit).
 *
 * TikTok's code rules forbid the Function constructor. The engine has one, in an editor-only helper
 * (`misc.tryCatchFunctor_EDITOR`, which only the editor calls); the build replaces that helper's body
 * with a throw and says so. Any other hit is left for the package check to report.
 */

export const ENGINE_FILES = ['cc.js', 'web-adapter.js', 'engine-adapter.js'] as const;

const EDITOR_ONLY_FUNCTION =
  /function tryCatchFunctor_EDITOR\(funcName\) \{\n\s*return Function\([^\n]*\n\s*\}/;
const EDITOR_ONLY_REPLACEMENT =
  "function tryCatchFunctor_EDITOR(funcName) {\n  throw new Error('misc.tryCatchFunctor_EDITOR is editor-only: ' + funcName);\n}";

export interface EngineReport {
  /** What the build changed in the engine, one line each. */
  notes: string[];
  ccBytes: number;
}

export function checkEngineDir(engineDir: string): void {
  for (const file of ENGINE_FILES) {
    if (!existsSync(join(engineDir, file))) {
      throw new Error(
        `${engineDir} has no ${file}: point COCOS_ENGINE_DIR at a Cocos engine built for bytedance (docs/cocos.md)`,
      );
    }
  }
}

export async function writeEngine(engineDir: string, out: string): Promise<EngineReport> {
  checkEngineDir(engineDir);
  const notes: string[] = [];
  let source = readFileSync(join(engineDir, 'cc.js'), 'utf8');
  if (EDITOR_ONLY_FUNCTION.test(source)) {
    source = source.replace(EDITOR_ONLY_FUNCTION, EDITOR_ONLY_REPLACEMENT);
    notes.push(
      "cc.js: the editor-only misc.tryCatchFunctor_EDITOR (the engine's one Function constructor, which " +
        "TikTok's code rules forbid) now throws instead",
    );
  }
  // Still a System.register script: minified, not re-bundled.
  const { code } = await transform(source, { minify: true, target: 'es2017', legalComments: 'none' });
  writeFileSync(join(out, 'cocos-js/cc.js'), code);
  for (const adapter of ['web-adapter.js', 'engine-adapter.js']) {
    writeFileSync(join(out, adapter), readFileSync(join(engineDir, adapter)));
  }
  return { notes, ccBytes: Buffer.byteLength(code) };
}
