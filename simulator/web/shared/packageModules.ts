import { ModuleRegistry } from './modules';
import { natives } from './natives';

/**
 * Loads an origin's module table (/__modules.js, written by server/moduleTable.ts) into a registry
 * and gives the package `require`. The define hook is a non-writable global, so package code cannot
 * swap it for its own before a subpackage loads.
 */

export function createPackageModules(root: string) {
  const registry = new ModuleRegistry(root);
  Object.defineProperty(window, '__ttSimDefine', {
    value: (id: string, factory: Parameters<ModuleRegistry['define']>[1]) => registry.define(id, factory),
  });
  const load = (url: string) =>
    new Promise<void>((resolve, reject) => {
      const script = natives.createElement('script');
      script.src = url;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`${url} could not be loaded`));
      natives.body.appendChild(script);
    });
  /** Runs a package file by id (the entry, a subpackage's game.js). */
  const run = (id: string): unknown => registry.requireFrom('', `/${root ? id.slice(root.length + 1) : id}`);
  return {
    registry,
    load,
    run,
    /**
     * Loads the module table and requires the entry, as the native runtime starts a package. `started`
     * runs even when the entry throws: on the device a script that throws has still started.
     */
    startEntry(entry: string, started: () => void): void {
      load('/__modules.js').then(
        // In a microtask, so an error thrown by the entry is reported as uncaught, as a script's would be.
        () =>
          queueMicrotask(() => {
            try {
              run(entry);
            } finally {
              started();
            }
          }),
        (error: unknown) => console.error(`could not load the package's modules: ${String(error)}`),
      );
    },
  };
}
