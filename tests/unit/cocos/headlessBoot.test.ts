import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { engineSettings } from '../../../tools/cocos/headless/settings';

/** The headless build's parts that run without the engine: its module loader, boot repairs, scripts, settings. */

type Declare = (
  exportValue: (name: string | Record<string, unknown>, value?: unknown) => unknown,
  context: { id: string },
) => { setters?: ((namespace: Record<string, unknown>) => void)[]; execute?: () => void };

interface Loader {
  register(first: string | string[], second: string[] | Declare, third?: Declare): void;
  define(id: string, deps: string[], declare: Declare): void;
  defineFromFile(id: string, load: () => void): void;
  importModule(id: string): Record<string, unknown>;
  configure(map: Record<string, string>, load: (file: string) => void): void;
  import(id: string): Promise<Record<string, unknown>>;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const loaderPath = fileURLToPath(
  new URL('../../../tools/cocos/headless/boot/systemLoader.cjs', import.meta.url),
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

  it('loads a mapped specifier from its file, once, and import() resolves to its namespace', async () => {
    const loader = freshLoader();
    const loaded: string[] = [];
    loader.configure({ cc: './cocos-js/cc' }, (file) => {
      loaded.push(file);
      loader.register([], (exportValue) => ({ execute: () => exportValue('VERSION', '3.8.5') }));
    });
    expect(await loader.import('cc')).toEqual({ VERSION: '3.8.5' });
    expect(await loader.import('cc')).toEqual({ VERSION: '3.8.5' });
    expect(loaded).toEqual(['./cocos-js/cc']);
    await expect(loader.import('./missing.js')).rejects.toThrow('no module "./missing.js"');
  });
});

describe('the engine settings', () => {
  it("take the project's design resolution, the bundles, the builtin assets and the start scene", () => {
    const settings = engineSettings(root, {
      builtinAssets: ['effect-uuid', 'material-uuid'],
      launchScene: 'db://assets/scenes/main.scene',
      projectBundles: ['internal', 'main'],
    });
    expect(settings.screen).toEqual({
      exactFitScreen: true,
      designResolution: { width: 720, height: 1280, policy: 4 },
    });
    // The engine loads `internal` itself (builtinAssets); the project's bundles are preloaded before the scene.
    expect(settings.assets).toMatchObject({
      preloadBundles: [{ bundle: 'main' }],
      projectBundles: ['internal', 'main'],
    });
    expect(settings.engine).toMatchObject({ builtinAssets: ['effect-uuid', 'material-uuid'] });
    expect(settings.launch).toEqual({ launchScene: 'db://assets/scenes/main.scene' });
    expect(settings.splashScreen).toEqual({ totalTime: 0 });
  });
});

const bootFile = (name: string) =>
  fileURLToPath(new URL(`../../../tools/cocos/headless/boot/${name}`, import.meta.url));

interface ImageAssetLike {
  readonly data: unknown;
}
interface FakeCc {
  ImageAsset: new (native: unknown) => ImageAssetLike;
  Texture2D: { PixelFormat: { RGBA8888: number } };
}

/** The engine's ImageAsset as 3.8.5 has it: the image in `_nativeData$`, `data` read from there. */
function fakeEngine(): FakeCc {
  class ImageAsset {
    _nativeData$: unknown;
    constructor(native: unknown) {
      this._nativeData$ = native;
    }
  }
  Object.defineProperty(ImageAsset.prototype, 'data', {
    configurable: true,
    get(this: ImageAsset) {
      return (this._nativeData$ as { _data?: unknown } | undefined)?._data;
    },
  });
  return {
    ImageAsset: ImageAsset as unknown as FakeCc['ImageAsset'],
    Texture2D: { PixelFormat: { RGBA8888: 35 } },
  };
}

/** What the 3.8.5 bytedance engine-adapter does to it: a getter reading the field's old name. */
function runDefectiveAdapter(cc: FakeCc): void {
  Object.defineProperty(cc.ImageAsset.prototype, 'data', {
    configurable: true,
    get(this: { _nativeData?: { _data?: unknown } }) {
      return this._nativeData?._data || this._nativeData;
    },
  });
}

describe('the boot repairs of adapter defects', () => {
  const repairs = createRequire(import.meta.url)(bootFile('adapterRepairs.cjs')) as {
    beforeEngineAdapter(cc: FakeCc): unknown;
    afterEngineAdapter(cc: FakeCc, state: unknown): string[];
  };

  it("puts the engine's ImageAsset.data back when the adapter's getter loses the image", () => {
    const cc = fakeEngine();
    const state = repairs.beforeEngineAdapter(cc);
    runDefectiveAdapter(cc);
    const pixels = new Uint8Array(4);
    expect(new cc.ImageAsset({ _data: pixels }).data).toBeUndefined();
    expect(repairs.afterEngineAdapter(cc, state)).toEqual(['ImageAsset.prototype.data']);
    expect(new cc.ImageAsset({ _data: pixels }).data).toBe(pixels);
  });

  it('repairs nothing when the adapter left the getter working', () => {
    const cc = fakeEngine();
    expect(repairs.afterEngineAdapter(cc, repairs.beforeEngineAdapter(cc))).toEqual([]);
  });
});

describe("the boot's application", () => {
  interface Application {
    init(cc: unknown): void;
    start(): Promise<unknown>;
  }
  /** Loads application.js as the package runs it: a System.register module, with the build's boot config. */
  function loadApplication(builtinMaterials: string[]): new () => Application {
    let exported: Record<string, unknown> = {};
    runInNewContext(readFileSync(bootFile('application.cjs'), 'utf8'), {
      System: {
        register(
          _deps: string[],
          declare: (exportValue: (name: string, value: unknown) => void) => { execute(): void },
        ) {
          declare((name, value) => {
            exported = { ...exported, [name]: value };
          }).execute();
        },
      },
      require: (path: string) => {
        if (path !== './src/boot-config') throw new Error(`unexpected require ${path}`);
        return { builtinMaterials };
      },
    });
    return exported.Application as new () => Application;
  }

  function fakeGame(present: string[]) {
    const hooks: (() => void)[] = [];
    const cc = {
      game: { onPostSubsystemInitDelegate: { add: (hook: () => void) => hooks.push(hook) } },
      builtinResMgr: { get: (name: string) => (present.includes(name) ? { name } : null) },
    };
    return {
      cc,
      runHooks: () => {
        for (const hook of hooks) hook();
      },
    };
  }

  it('fails naming each builtin material the internal bundle lacks, once the engine loaded it', () => {
    const Application = loadApplication(['ui-base-material', 'ui-sprite-material', 'ui-graphics-material']);
    const { cc, runHooks } = fakeGame(['ui-base-material']);
    new Application().init(cc);
    expect(runHooks).toThrow(
      /^the engine has no builtin ui-sprite-material, ui-graphics-material: the package's internal bundle/,
    );
  });

  it('goes on when every builtin material is there', () => {
    const Application = loadApplication(['ui-base-material', 'ui-sprite-material']);
    const { cc, runHooks } = fakeGame(['ui-base-material', 'ui-sprite-material']);
    new Application().init(cc);
    expect(runHooks).not.toThrow();
  });
});
