import { ErrorCode } from '../../server/errors';
import { failShape, settle, splitCallbacks } from '../shared/callbacks';
import { natives } from '../shared/natives';

/**
 * Local storage of the game domain: get/set/remove/clearStorageSync and getStorageInfoSync, and the async
 * forms the SDK overview lists (getStorage, setStorage, removeStorage, clearStorage). JSON in this origin's
 * localStorage, namespaced per player.
 */
export function createStorage(namespace: string) {
  const store = natives.localStorage;
  const prefix = `tt-storage:${namespace}:`;
  const keyOf = (key: unknown): string => {
    if (typeof key !== 'string' || key === '') throw new Error('storage key must be a non-empty string');
    return prefix + key;
  };
  const ownKeys = (): string[] => {
    const keys: string[] = [];
    for (let index = 0; index < store.length; index++) {
      const key = store.key(index);
      if (key?.startsWith(prefix)) keys.push(key.slice(prefix.length));
    }
    return keys;
  };
  const sync = {
    getStorageSync(key: unknown): unknown {
      const raw = store.getItem(keyOf(key));
      return raw === null ? '' : (JSON.parse(raw) as unknown);
    },
    setStorageSync(key: unknown, value: unknown): void {
      if (value === undefined) throw new Error('setStorageSync: value must not be undefined');
      store.setItem(keyOf(key), JSON.stringify(value));
    },
    removeStorageSync(key: unknown): void {
      store.removeItem(keyOf(key));
    },
    clearStorageSync(): void {
      for (const key of ownKeys()) store.removeItem(prefix + key);
    },
    getStorageInfoSync() {
      const keys = ownKeys();
      const bytes = keys.reduce(
        (sum, key) => sum + key.length + (store.getItem(prefix + key)?.length ?? 0),
        0,
      );
      // 10 MB is the documented ByteDance limit; sizes in KB as the runtime reports them.
      return { keys, currentSize: Math.ceil(bytes / 1024), limitSize: 10240 };
    },
  };

  /** An async form: the sync call's result to `success`, its error to `fail`, in a later task. */
  const later =
    (api: string, work: (args: Record<string, unknown>) => Record<string, unknown> | undefined) =>
    (options?: unknown) => {
      const { args, callbacks } = splitCallbacks(options);
      try {
        const result = work((args ?? {}) as Record<string, unknown>);
        settle(callbacks, true, { errMsg: `${api}:ok`, ...result });
      } catch (error) {
        const code = error instanceof NotFound ? ErrorCode.storageNotFound : ErrorCode.invalidArgument;
        settle(callbacks, false, failShape(api, code, (error as Error).message));
      }
    };

  return {
    ...sync,
    // A missing key fails, as WeChat's getStorage does ("data not found"); getStorageSync answers ''.
    getStorage: later('getStorage', ({ key }) => {
      if (store.getItem(keyOf(key)) === null) throw new NotFound('data not found');
      return { data: sync.getStorageSync(key) };
    }),
    setStorage: later('setStorage', ({ key, data }) => {
      if (data === undefined) throw new Error('data must not be undefined');
      sync.setStorageSync(key, data);
      return undefined;
    }),
    removeStorage: later('removeStorage', ({ key }) => {
      sync.removeStorageSync(key);
      return undefined;
    }),
    clearStorage: later('clearStorage', () => {
      sync.clearStorageSync();
      return undefined;
    }),
  };
}

class NotFound extends Error {}
