import { callPlatform } from './call';
import type { GlobalsWithPlatform } from './host';
import { checkKeyList, checkKeyValues, type KeyValue } from './validate';

/** The player's own cloud writes, which both domains may make; checked before the platform sees them. */
export function cloudWrites(timeoutMs: number, globals?: GlobalsWithPlatform) {
  return {
    async setUserCloudStorage(data: KeyValue[]): Promise<void> {
      checkKeyValues('setUserCloudStorage', data);
      const copy = data.map(({ key, value }) => ({ key, value }));
      await callPlatform('setUserCloudStorage', { data: copy }, timeoutMs, globals);
    },

    async removeUserCloudStorage(keyList: string[]): Promise<void> {
      checkKeyList('removeUserCloudStorage', keyList);
      await callPlatform('removeUserCloudStorage', { keyList: [...keyList] }, timeoutMs, globals);
    },
  };
}
