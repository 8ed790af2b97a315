import { callPlatform } from './call';
import { findHost, type GlobalsWithPlatform } from './host';
import { checkKeyList, checkKeyValues, type KeyValue } from './validate';

/** The player's own cloud writes, which both domains may make; checked before the platform sees them. */
export function cloudWrites(timeoutMs: number, globals?: GlobalsWithPlatform) {
  return {
    ...cloudSave(timeoutMs, globals),

    async removeUserCloudStorage(keyList: string[]): Promise<void> {
      checkKeyList('removeUserCloudStorage', keyList);
      await callPlatform('removeUserCloudStorage', { keyList: [...keyList] }, timeoutMs, globals);
    },
  };
}

/** The one cloud write the open data context makes: it imports this alone, so its bundle has no remove. */
export function cloudSave(timeoutMs: number, globals?: GlobalsWithPlatform) {
  return {
    async setUserCloudStorage(data: KeyValue[]): Promise<void> {
      checkKeyValues('setUserCloudStorage', data);
      const copy = data.map(({ key, value }) => ({ key, value }));
      const args = listName(globals) === 'KVDataList' ? { KVDataList: copy } : { data: copy };
      await callPlatform('setUserCloudStorage', args, timeoutMs, globals);
    },
  };
}

/**
 * The guide's `setUserCloudStorage` takes the list as `data`; Douyin's takes it as `KVDataList`. The
 * runtime's own `canIUse` (full schema, as both document it) says which; one that cannot say gets the
 * guide's name.
 */
function listName(globals?: GlobalsWithPlatform): 'data' | 'KVDataList' {
  const host = findHost(globals);
  const ask = host?.runtime.canIUse;
  if (!host || typeof ask !== 'function') return 'data';
  try {
    const douyin = ask.call(host.runtime, 'setUserCloudStorage.object.KVDataList') === true;
    const guide = ask.call(host.runtime, 'setUserCloudStorage.object.data') === true;
    return douyin && !guide ? 'KVDataList' : 'data';
  } catch {
    return 'data';
  }
}
