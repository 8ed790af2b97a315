import type { RawFriendCloudData } from './types';
import type { KeyValue } from './validate';

/** One row of `getFriendCloudStorage`, shape-checked. Values are still untrusted strings. */
export interface FriendCloudEntry {
  openId: string;
  displayName: string;
  avatarUrl: string;
  data: KeyValue[];
}

/**
 * Rows come in two shapes: the guide's `{open_id, display_name, avatar_url, data}` and the
 * ByteDance/WeChat `UserGameData` `{openid, nickname (or nickName), avatarUrl, KVDataList}` that
 * Douyin's `tt.getCloudStorageByRelation` and `wx.getFriendCloudStorage` answer with. Each field is
 * read from the guide's name first, then the other, so a row mixing both still reads; a row without a
 * usable id is dropped.
 */
export function readFriendRow(row: unknown): FriendCloudEntry | null {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return null;
  const raw = row as RawFriendCloudData;
  const openId = firstText(raw.open_id, raw.openid);
  if (openId === '') return null;
  return {
    openId,
    displayName: firstText(raw.display_name, raw.nickname, raw.nickName),
    avatarUrl: firstText(raw.avatar_url, raw.avatarUrl),
    data: readKeyValues(Array.isArray(raw.data) ? raw.data : raw.KVDataList),
  };
}

/** `{key, value}` string pairs; anything else in the list is left out. */
export function readKeyValues(data: unknown): KeyValue[] {
  if (!Array.isArray(data)) return [];
  const pairs: KeyValue[] = [];
  for (const entry of data) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { key, value } = entry as { key?: unknown; value?: unknown };
    if (typeof key === 'string' && typeof value === 'string') pairs.push({ key, value });
  }
  return pairs;
}

function firstText(...values: unknown[]): string {
  for (const value of values) {
    if (typeof value === 'string' && value !== '') return value;
  }
  return '';
}
