import { callPlatform } from './call';
import { cloudSave, cloudWrites } from './cloudWrites';
import { PlatformError } from './errors';
import { type FriendCloudEntry, readFriendRow, readKeyValues } from './friendRows';
import type { PlatformOptions } from './game';
import { canIUseOn, requireMethod } from './host';
import { DEFAULT_TIMEOUTS } from './timeouts';
import type { PlatformImage, SharedCanvas, ShareTemplateType } from './types';
import { checkKeyList, checkOpenId, checkShare, type KeyValue } from './validate';

export type { FriendCloudEntry } from './friendRows';

export interface ShareToUserOptions {
  openId: string;
  /** Required: the guide's `shareToUser` table. */
  imageUrl: string;
  title?: string;
  subtitle?: string;
  templateType?: ShareTemplateType;
  /**
   * Launch query of the game the card opens. TikTok's guide lists it for `shareAppMessage` only; it is
   * sent here too so a challenge card can greet its receiver, and a runtime that ignores it loses only that.
   */
  query?: string;
}

/** The open data context's half of the platform: friend data, the shared canvas, direct-message invites. */
export function createContextPlatform(options: PlatformOptions = {}) {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const globals = options.globals;
  return {
    ...createContextCalls(options),
    ...cloudWrites(timeouts.data, globals),

    /** Whether this runtime has the API in the open data context. */
    canIUse(api: string): boolean {
      return canIUseOn(api, globals);
    },
  };
}

/**
 * The calls the sample's open data context makes, and no more: its entry builds on this, so the bundle
 * carries neither `canIUse` nor `removeUserCloudStorage`.
 */
export function createContextCalls(options: PlatformOptions = {}) {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const globals = options.globals;
  const method = <Name extends Parameters<typeof requireMethod>[0]>(api: Name) => requireMethod(api, globals);

  return {
    /** Raw messages from the game; validate each with `parseContextMessage`. */
    onMessage(listener: (message: unknown) => void): void {
      method('onMessage')(listener);
    },

    getSharedCanvas(): SharedCanvas {
      return method('getSharedCanvas')();
    },

    createImage(): PlatformImage {
      return method('createImage')();
    },

    requestAnimationFrame(callback: (time: number) => void): number {
      return method('requestAnimationFrame')(callback);
    },

    cancelAnimationFrame(id: number): void {
      method('cancelAnimationFrame')(id);
    },

    setTimeout(callback: () => void, ms: number): number {
      return method('setTimeout')(callback, ms);
    },

    clearTimeout(id: number): void {
      method('clearTimeout')(id);
    },

    /** Mutual followers who play, plus the player. Entries without an open_id are dropped and counted. */
    async getFriendCloudStorage(
      keyList: string[],
    ): Promise<{ friends: FriendCloudEntry[]; dropped: number }> {
      checkKeyList('getFriendCloudStorage', keyList);
      const result = await callPlatform(
        'getFriendCloudStorage',
        { keyList: [...keyList] },
        timeouts.data,
        globals,
      );
      const rows = (result as { data?: unknown } | null)?.data;
      if (!Array.isArray(rows)) {
        throw new PlatformError(
          'getFriendCloudStorage',
          'failed',
          'the answer has no data array',
          null,
          result,
        );
      }
      const friends: FriendCloudEntry[] = [];
      for (const row of rows) {
        const friend = readFriendRow(row);
        if (friend) friends.push(friend);
      }
      return { friends, dropped: rows.length - friends.length };
    },

    async getUserCloudStorage(keyList: string[]): Promise<KeyValue[]> {
      checkKeyList('getUserCloudStorage', keyList);
      const result = await callPlatform(
        'getUserCloudStorage',
        { keyList: [...keyList] },
        timeouts.data,
        globals,
      );
      // The guide answers `data`; WeChat's and Douyin's getUserCloudStorage answer `KVDataList`.
      const answer = (result ?? {}) as { data?: unknown; KVDataList?: unknown };
      return readKeyValues(Array.isArray(answer.data) ? answer.data : answer.KVDataList);
    },

    ...cloudSave(timeouts.data, globals),

    /** Sends a card straight to one mutual follower. Only the open data context may call it. */
    async shareToUser(share: ShareToUserOptions): Promise<void> {
      checkOpenId('shareToUser', share.openId);
      checkShare('shareToUser', share, true);
      const { openId, ...card } = share;
      await callPlatform('shareToUser', { ...card, openid: openId }, timeouts.interactive, globals);
    },
  };
}

export type ContextPlatform = ReturnType<typeof createContextPlatform>;
