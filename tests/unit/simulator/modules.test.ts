import { describe, expect, it } from 'vitest';
import { candidates } from '../../../simulator/web/shared/modulePath';
import {
  type ModuleFactory,
  ModuleNotFoundError,
  ModuleRegistry,
} from '../../../simulator/web/shared/modules';

/** A registry from a map of file → source-like factories. */
function registry(files: Record<string, ModuleFactory>, root = ''): ModuleRegistry {
  const modules = new ModuleRegistry(root);
  for (const [id, factory] of Object.entries(files)) modules.define(id, factory);
  return modules;
}

const exporting =
  (value: unknown): ModuleFactory =>
  (_require, mod) => {
    mod.exports = value;
  };

describe('require in the mini game runtime', () => {
  it('resolves relative paths from the requiring file, with .js optional', () => {
    const modules = registry({
      'game.js': (require, mod) => {
        mod.exports = [require('./src/a'), require('./src/a.js')];
      },
      'src/a.js': (require, mod) => {
        mod.exports = `a+${String(require('../lib/b'))}`;
      },
      'lib/b.js': exporting('b'),
    });
    expect(modules.requireFrom('', '/game.js')).toEqual(['a+b', 'a+b']);
  });

  it('resolves package-root paths with a leading slash, bare paths, and folders with index.js', () => {
    const modules = registry({
      'src/deep/c.js': (require, mod) => {
        mod.exports = [require('/lib/b'), require('lib/b'), require('/lib')];
      },
      'lib/b.js': exporting('b'),
      'lib/index.js': exporting('lib index'),
    });
    expect(modules.requireFrom('', '/src/deep/c')).toEqual(['b', 'b', 'lib index']);
  });

  it('prefers the file next to the requiring one for a bare path', () => {
    const modules = registry({
      'src/main.js': (require, mod) => {
        mod.exports = require('helpers');
      },
      'src/helpers.js': exporting('src helpers'),
      'helpers.js': exporting('root helpers'),
    });
    expect(modules.requireFrom('', '/src/main')).toBe('src helpers');
  });

  it('runs each file once and returns the cached exports afterwards', () => {
    let runs = 0;
    const modules = registry({
      'a.js': (_require, mod) => {
        runs++;
        mod.exports = { made: runs };
      },
    });
    const first = modules.requireFrom('', './a');
    expect(modules.requireFrom('', '/a.js')).toBe(first);
    expect(runs).toBe(1);
  });

  it('gives a cycle the partial exports of the module still running', () => {
    const modules = registry({
      'a.js': (require, _module, exports) => {
        (exports as Record<string, unknown>).early = 'a-early';
        const b = require('./b') as { sawA: unknown };
        (exports as Record<string, unknown>).sawByB = b.sawA;
      },
      'b.js': (require, mod) => {
        mod.exports = { sawA: { ...(require('./a') as object) } };
      },
    });
    expect(modules.requireFrom('', './a')).toEqual({ early: 'a-early', sawByB: { early: 'a-early' } });
  });

  it('runs a file with this = mod.exports and __filename/__dirname set', () => {
    const modules = registry({
      'src/x.js': function (this: unknown, _require, mod, exports, filename, dirname) {
        mod.exports = { same: this === exports, filename, dirname };
      },
    });
    expect(modules.requireFrom('', './src/x')).toEqual({ same: true, filename: 'src/x.js', dirname: 'src' });
  });

  it('fails with the missing path, where it was required from and what was tried', () => {
    const modules = registry({
      'game.js': (require) => {
        require('./missing');
      },
    });
    expect(() => modules.requireFrom('', './game')).toThrow(ModuleNotFoundError);
    expect(() => modules.requireFrom('', './game')).toThrow(
      "require('./missing') from game.js: no package file missing.js (tried missing, missing.js, missing/index.js)",
    );
  });

  it('refuses paths that climb out of the package', () => {
    const modules = registry({ 'a.js': exporting(1) });
    expect(candidates('a.js', '../../a')).toEqual([]);
    expect(() => modules.requireFrom('a.js', '../../a')).toThrow(/the path leaves the package/);
  });

  it('does not cache a file that threw, so it runs again next time', () => {
    let runs = 0;
    const modules = registry({
      'flaky.js': (_require, mod) => {
        runs++;
        if (runs === 1) throw new Error('first run fails');
        mod.exports = 'ok';
      },
    });
    expect(() => modules.requireFrom('', './flaky')).toThrow('first run fails');
    expect(modules.requireFrom('', './flaky')).toBe('ok');
  });

  it('starts package-root paths at the open data context folder in that frame', () => {
    const modules = registry(
      {
        'openDataContext/index.js': (require, mod) => {
          mod.exports = [require('./render/style'), require('/render/style')];
        },
        'openDataContext/render/style.js': exporting('style'),
      },
      'openDataContext',
    );
    expect(modules.requireFrom('', '/index')).toEqual(['style', 'style']);
  });
});
