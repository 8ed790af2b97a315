import type { PlatformMode } from '../device';

/**
 * Friend rows as each runtime answers them. TikTok's guide documents `{open_id, display_name, avatar_url,
 * data}`; Douyin's `tt.getCloudStorageByRelation` and WeChat's `wx.getFriendCloudStorage` answer
 * `UserGameData` rows `{openid, nickname, avatarUrl, KVDataList}` (docs/simulator.md cites both). A game that
 * reads only one shape shows an empty board on the other runtime.
 *
 * The row shape was the simulator's first runtime switch (`--friend-data`, `/__sim/data-shape`); those names
 * still work and now pick the whole platform mode: `guide` is TikTok's, `douyin` Douyin's.
 */
export const FRIEND_DATA_SHAPES = ['guide', 'douyin'] as const;
export type FriendDataShape = (typeof FRIEND_DATA_SHAPES)[number];

/** Douyin answers at most 100 friends per call (an assumption); the player's own row is kept first. */
export const DOUYIN_FRIEND_LIMIT = 100;

export interface FriendRow {
  open_id: string;
  user_id: number;
  display_name: string;
  avatar_url: string;
  data: { key: string; value: string }[];
}

export function isFriendDataShape(value: unknown): value is FriendDataShape {
  return FRIEND_DATA_SHAPES.some((shape) => shape === value);
}

export const modeOfFriendData = (shape: FriendDataShape): PlatformMode =>
  shape === 'guide' ? 'tiktok' : 'douyin';
export const friendDataOf = (mode: PlatformMode): FriendDataShape => (mode === 'tiktok' ? 'guide' : 'douyin');

/** The rows as the runtime would answer them; the first row is the player. */
export function shapeFriendRows(rows: FriendRow[], mode: PlatformMode): Record<string, unknown>[] {
  if (mode === 'tiktok') return rows.map((row) => ({ ...row }));
  return rows.slice(0, DOUYIN_FRIEND_LIMIT).map((row) => ({
    openid: row.open_id,
    nickname: row.display_name,
    avatarUrl: row.avatar_url,
    KVDataList: row.data,
  }));
}
