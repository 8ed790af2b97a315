import { candidates, dirname, resolveModule } from './modulePath';

/**
 * The CommonJS module registry of a frame: package files are defined as factories (the server wraps
 * each file once) and run on first `require`, cached afterwards. A cycle sees the partial exports of
 * the module still running, as in Node and the ByteDance runtime. Engine-free, so it unit-tests in Node.
 */

export type ModuleFactory = (
  require: (spec: string) => unknown,
  module: { exports: unknown },
  exports: unknown,
  __filename: string,
  __dirname: string,
) => void;

interface Module {
  id: string;
  exports: unknown;
  loaded: boolean;
}

export class ModuleNotFoundError extends Error {
  readonly code = 'MODULE_NOT_FOUND';
  constructor(
    readonly spec: string,
    readonly from: string,
    readonly tried: string[],
  ) {
    super(
      `require('${spec}') from ${from || 'the runtime'}: no package file ${tried[1] ?? tried[0] ?? spec} (tried ${tried.join(', ') || 'nothing: the path leaves the package'})`,
    );
    this.name = 'ModuleNotFoundError';
  }
}

export class ModuleRegistry {
  private readonly factories = new Map<string, ModuleFactory>();
  private readonly cache = new Map<string, Module>();

  /** root: the folder '/'-paths start from ('' for the game package, the context's folder for it). */
  constructor(private readonly root = '') {}

  define(id: string, factory: ModuleFactory): void {
    this.factories.set(id.replace(/^\/+/, ''), factory);
  }

  has(id: string): boolean {
    return this.factories.has(id);
  }

  resolve(spec: string, from = this.root ? `${this.root}/` : ''): string {
    const id = resolveModule(from, spec, (path) => this.factories.has(path), this.root);
    if (id === undefined) throw new ModuleNotFoundError(spec, from, candidates(from, spec, this.root));
    return id;
  }

  /** require() as seen from one file (from = that file's id). */
  requireFrom(from: string, spec: string): unknown {
    if (typeof spec !== 'string' || spec === '')
      throw new TypeError(`require: the path must be a non-empty string`);
    return this.load(this.resolve(spec, from));
  }

  private load(id: string): unknown {
    const cached = this.cache.get(id);
    if (cached) return cached.exports;
    const factory = this.factories.get(id) as ModuleFactory;
    const module: Module = { id, exports: {}, loaded: false };
    this.cache.set(id, module);
    const require = Object.assign((spec: string) => this.requireFrom(id, spec), {
      resolve: (spec: string) => this.resolve(spec, id),
    });
    try {
      factory.call(module.exports, require, module, module.exports, id, dirname(id));
    } catch (error) {
      // A file that failed leaves no half-made module behind: the next require runs it again.
      this.cache.delete(id);
      throw error;
    }
    module.loaded = true;
    return module.exports;
  }
}
