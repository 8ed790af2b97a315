import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileProjectScripts } from '../../../tools/cocos/testPackage/projectScripts';
import { engineSettings } from '../../../tools/cocos/testPackage/settings';

/** The engine test package's parts that run without the engine: its module loader, scripts, settings. */

type Declare = (
  exportValue: (name: string | Record<string, unknown>, value?: unknown) => unknown,
  context: { id: string },
) => { setters?: ((namespace: Record<string, unknown>) => void)[]; execute?: () => void };

interface Loader {
  register(first: string | string[], second: string[] | Declare, third?: Declare): void;
  define(id: string, deps: string[], declare: Declare): void;
  defineFromFile(id: string, load: () => void): void;
  importModule(id: string): Record<string, unknown>;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const loaderPath = fileURLToPath(
  new URL('../../../tools/cocos/testPackage/boot/systemLoader.cjs', import.meta.url),
);

/** A fresh loader: it keeps its registry in module state, as in the package. */
function freshLoader(): Loader {
  const require = createRequire(import.meta.url);
  delete require.cache[loaderPath];
  return require(loaderPath) as Loader;
}

describe('the boot System.register loader', () => {
  it('runs imports first and keeps bindings live, as SystemJS does', () => {
    const loader = freshLoader();
    const order: string[] = [];
    loader.define('counter', [], (exportValue) => {
      let count = 0;
      return {
        execute() {
          order.push('counter');
          exportValue('count', count);
          exportValue('increment', () => exportValue('count', ++count));
        },
      };
    });
    let seen = -1;
    let increment: () => void = () => {};
    loader.define('reader', ['counter'], () => ({
      setters: [
        (namespace) => {
          seen = namespace.count as number;
          increment = namespace.increment as () => void;
        },
      ],
      execute() {
        order.push('reader');
      },
    }));
    loader.importModule('reader');
    expect(order).toEqual(['counter', 'reader']);
    increment();
    increment();
    expect(seen).toBe(2);
  });

  it('links a cycle and runs each module once', () => {
    const loader = freshLoader();
    const runs: string[] = [];
    let aSeesB: unknown;
    loader.define('a', ['b'], (exportValue) => ({
      setters: [(namespace) => (aSeesB = namespace.b)],
      execute: () => {
        runs.push('a');
        exportValue('a', 'A');
      },
    }));
    loader.define('b', ['a'], (exportValue) => ({
      setters: [() => {}],
      execute: () => {
        runs.push('b');
        exportValue('b', 'B');
      },
    }));
    expect(loader.importModule('a')).toEqual({ a: 'A' });
    loader.importModule('b');
    expect(runs).toEqual(['b', 'a']);
    expect(aSeesB).toBe('B');
  });

  it('names an unknown module and the known ones', () => {
    const loader = freshLoader();
    loader.define('main', ['cc/missing'], () => ({ setters: [() => {}] }));
    expect(() => loader.importModule('main')).toThrow(
      'System.register loader: no module "cc/missing" (known: main)',
    );
  });

  it("names a file's anonymous registration, and says when a file registers nothing", () => {
    const loader = freshLoader();
    loader.defineFromFile('cc', () =>
      loader.register([], (exportValue) => ({ execute: () => exportValue({ version: '3.8.5' }) })),
    );
    expect(loader.importModule('cc')).toEqual({ version: '3.8.5' });
    expect(() => loader.defineFromFile('empty', () => {})).toThrow('empty did not call System.register');
  });
});

describe("the project's scripts for the engine", () => {
  it('registers every script under assets/ by path, importing only each other, cc and cc/env', () => {
    const { source, ids } = compileProjectScripts(root);
    expect(ids).toContain('assets/scripts/cocos/GameBootstrap.ts');
    expect(ids).toContain('assets/scripts/cocos/LeaderboardPanel.ts');
    const known = new Set([...ids, 'cc', 'cc/env']);
    const registrations = [...source.matchAll(/^System\.register\(("[^"]+"), (\[[^\]]*\])/gm)];
    expect(registrations.map((match) => JSON.parse(match[1] ?? '""'))).toEqual(ids);
    for (const match of registrations) {
      const deps = JSON.parse(match[2] ?? '[]') as string[];
      expect(deps.filter((dep) => !known.has(dep))).toEqual([]);
    }
    // The editor's Babel pass registers each component class with the engine under its script's uuid.
    expect(source).toMatch(/_cclegacy\._RF\.push\(\{\}, "cf4d5sD9kRGBb3r64BErhKR", "GameBootstrap"/);
  }, 60_000);
});

describe('the engine settings', () => {
  it("take the project's design resolution, fit width as FIXED_WIDTH, and load no bundle", () => {
    const settings = engineSettings(root);
    expect(settings.screen).toEqual({
      exactFitScreen: true,
      designResolution: { width: 720, height: 1280, policy: 4 },
    });
    expect(settings.assets).toMatchObject({ preloadBundles: [], projectBundles: [] });
    expect(settings.splashScreen).toEqual({ totalTime: 0 });
  });
});
