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
  return {
    registry,
    load,
    /** Runs a package file by id (the entry, a subpackage's game.js). */
    run(id: string): unknown {
      return registry.requireFrom('', `/${root ? id.slice(root.length + 1) : id}`);
    },
  };
}
