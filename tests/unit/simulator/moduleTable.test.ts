import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { moduleTable } from '../../../simulator/server/moduleTable';
import { type ModuleFactory, ModuleRegistry } from '../../../simulator/web/shared/modules';

const dir = mkdtempSync(join(tmpdir(), 'sim-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}
file(
  'game.js',
  "var local = 'not a global'; module.exports = require('./src/a') + ':' + typeof window; // last line comment",
);
file('src/a.js', "module.exports = 'a';\n//# sourceMappingURL=a.js.map");
file('src/broken.js', 'module.exports = {;');
file('openDataContext/index.js', "module.exports = 'context';");
file('subpackages/level2/game.js', "module.exports = 'level2';");

/** Runs a table the way the frame does: its define hook fills a registry. */
function load(text: string): ModuleRegistry {
  const registry = new ModuleRegistry();
  new Function('__ttSimDefine', text)((id: string, factory: ModuleFactory) => registry.define(id, factory));
  return registry;
}

describe('the module table a frame origin serves', () => {
  it('wraps each file as a CommonJS factory, leaving out the context and subpackage folders', async () => {
    const registry = load(await moduleTable(dir, '.', ['openDataContext', 'subpackages/level2']));
    expect(
      ['game.js', 'src/a.js', 'openDataContext/index.js', 'subpackages/level2/game.js'].map((id) =>
        registry.has(id),
      ),
    ).toEqual([true, true, false, false]);
    expect(registry.requireFrom('', './game')).toBe('a:undefined');
    expect('local' in globalThis).toBe(false);
  });

  it('turns a file that does not compile into a SyntaxError naming it, without breaking the others', async () => {
    const registry = load(await moduleTable(dir, 'src', []));
    expect(registry.requireFrom('', './src/a')).toBe('a');
    expect(() => registry.requireFrom('', './src/broken')).toThrow(SyntaxError);
    expect(() => registry.requireFrom('', './src/broken')).toThrow(/^src\/broken\.js: /);
  });
});
