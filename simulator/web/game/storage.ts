import { natives } from '../shared/natives';

/** get/set/remove/clearStorageSync and getStorageInfoSync: JSON in this origin's localStorage, per player. */
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
  return {
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
}
