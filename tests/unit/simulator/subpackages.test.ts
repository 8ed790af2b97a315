import { describe, expect, it } from 'vitest';
import { createLoadSubpackage, subpackageEntry } from '../../../simulator/web/game/subpackages';

function callbacksPromise() {
  let resolve: (value: { ok: boolean; result: Record<string, unknown> }) => void = () => {};
  const done = new Promise<{ ok: boolean; result: Record<string, unknown> }>((r) => {
    resolve = r;
  });
  return {
    done,
    success: (result: Record<string, unknown>) => resolve({ ok: true, result }),
    fail: (result: Record<string, unknown>) => resolve({ ok: false, result }),
  };
}

describe('tt.loadSubpackage', () => {
  const subpackages = [
    { name: 'level2', root: 'subpackages/level2' },
    { name: 'single', root: 'extra/one.js' },
  ];

  it('loads the modules of the named subpackage, runs its game.js once, then calls success', async () => {
    const loadedNames: string[] = [];
    const ran: string[] = [];
    const defined = new Set<string>();
    const load = createLoadSubpackage(subpackages, {
      loadModules: async (name) => {
        loadedNames.push(name);
        defined.add('subpackages/level2/game.js');
      },
      has: (id) => defined.has(id),
      run: (id) => ran.push(id),
    });
    const progress: unknown[] = [];
    const first = callbacksPromise();
    const task = load({ name: 'level2', success: first.success, fail: first.fail });
    task.onProgressUpdate((event: unknown) => progress.push(event));
    expect(await first.done).toEqual({ ok: true, result: { errMsg: 'loadSubpackage:ok' } });
    const second = callbacksPromise();
    load({ name: 'level2', success: second.success, fail: second.fail });
    expect((await second.done).ok).toBe(true);
    expect(loadedNames).toEqual(['level2']);
    expect(ran).toEqual(['subpackages/level2/game.js']);
    expect(progress).toEqual([{ progress: 100, totalBytesWritten: 1, totalBytesExpectedToWrite: 1 }]);
  });

  it('fails with the unknown name and the known ones', async () => {
    const load = createLoadSubpackage(subpackages, {
      loadModules: async () => {},
      has: () => false,
      run: () => {},
    });
    const call = callbacksPromise();
    load({ name: 'level9', success: call.success, fail: call.fail });
    const { ok, result } = await call.done;
    expect(ok).toBe(false);
    expect(result.errMsg).toBe(
      'loadSubpackage:fail subpackage "level9" is not in game.json subpackages (known: level2, single)',
    );
  });

  it('fails when the subpackage files cannot load, naming it', async () => {
    const load = createLoadSubpackage(subpackages, {
      loadModules: async () => {
        throw new Error('/__modules.js?subpackage=level2 could not be loaded');
      },
      has: () => false,
      run: () => {},
    });
    const call = callbacksPromise();
    load({ name: 'level2', success: call.success, fail: call.fail });
    expect((await call.done).result.errMsg).toBe(
      'loadSubpackage:fail subpackage level2 could not load: /__modules.js?subpackage=level2 could not be loaded',
    );
  });

  it('finds the entry: a root naming a .js file, else <root>/game.js', () => {
    const has = (id: string) => ['extra/one.js', 'subpackages/level2/game.js'].includes(id);
    expect(subpackageEntry('extra/one.js', has)).toBe('extra/one.js');
    expect(subpackageEntry('subpackages/level2/', has)).toBe('subpackages/level2/game.js');
    expect(subpackageEntry('assets-only', has)).toBeUndefined();
  });
});
