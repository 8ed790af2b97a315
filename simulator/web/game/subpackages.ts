import { ErrorCode } from '../../server/errors';
import { failShape, settle, splitCallbacks } from '../shared/callbacks';
import type { Subpackage } from '../shared/wire';

/**
 * tt.loadSubpackage({name}): loads the files of one subpackage listed in game.json, then runs its
 * entry (the root itself when it names a .js file, else `<root>/game.js` when there is one), like the
 * ByteDance runtime. Engine-free: script loading and the registry are passed in.
 */

export type { Subpackage } from '../shared/wire';

export interface SubpackageHost {
  /** Loads the module table of one subpackage (the server serves it at /__modules.js?subpackage=name). */
  loadModules(name: string): Promise<void>;
  has(id: string): boolean;
  run(id: string): void;
}

export function subpackageEntry(root: string, has: (id: string) => boolean): string | undefined {
  const clean = root.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  if (clean.endsWith('.js')) return has(clean) ? clean : undefined;
  return has(`${clean}/game.js`) ? `${clean}/game.js` : undefined;
}

export function createLoadSubpackage(subpackages: readonly Subpackage[], host: SubpackageHost) {
  const loaded = new Map<string, Promise<void>>();
  return (options?: unknown) => {
    const { args, callbacks } = splitCallbacks(options);
    const name = (args as { name?: unknown } | undefined)?.name;
    const progress = new Set<(event: unknown) => void>();
    const task = {
      onProgressUpdate(listener: unknown) {
        if (typeof listener === 'function') progress.add(listener as (event: unknown) => void);
      },
      offProgressUpdate(listener?: unknown) {
        if (listener === undefined) progress.clear();
        else progress.delete(listener as (event: unknown) => void);
      },
    };
    const entry = subpackages.find((candidate) => candidate.name === name);
    if (!entry) {
      const known = subpackages.map((candidate) => candidate.name).join(', ') || 'none';
      settle(
        callbacks,
        false,
        failShape(
          'loadSubpackage',
          ErrorCode.invalidArgument,
          `subpackage ${JSON.stringify(name)} is not in game.json subpackages (known: ${known})`,
        ),
      );
      return task;
    }
    let loading = loaded.get(entry.name);
    if (!loading) {
      loading = host.loadModules(entry.name).then(() => {
        const start = subpackageEntry(entry.root, (id) => host.has(id));
        if (start) host.run(start);
      });
      // A failed load may be retried.
      loading.catch(() => loaded.delete(entry.name));
      loaded.set(entry.name, loading);
    }
    loading.then(
      () => {
        for (const listener of progress)
          listener({ progress: 100, totalBytesWritten: 1, totalBytesExpectedToWrite: 1 });
        settle(callbacks, true, { errMsg: 'loadSubpackage:ok' });
      },
      (error: unknown) =>
        settle(
          callbacks,
          false,
          failShape(
            'loadSubpackage',
            ErrorCode.internal,
            `subpackage ${entry.name} could not load: ${error instanceof Error ? error.message : String(error)}`,
          ),
        ),
    );
    return task;
  };
}
