import type { PlatformMode } from '../device';
import { SCOPE_FRIENDS } from './authorization';
import { ApiError, ErrorCode } from './errors';
import { type FriendRow, shapeFriendRows } from './friendShape';
import type { Store } from './store';
import { type Args, checkCloudData, checkKeyList, MAX_KEYS_PER_USER, requiredText } from './validate';

/**
 * Cloud storage and friend data, in the shape of the runtime the phone behaves as: TikTok's guide
 * (`data`, rows `{open_id, display_name, avatar_url, data}`) or Douyin's (`KVDataList`, `UserGameData` rows,
 * `getCloudStorageByRelation({type})`).
 */

export interface CloudContext {
  store: Store;
  avatarUrl(openId: string): string;
  /** The devtools' "Empty friend list" fault. */
  emptyFriends(): boolean;
}

/** Douyin's relation types; the simulator has a friend graph, not Douyin's recommendations or groups. */
const RELATION_TYPES = ['friend', 'recommend', 'group'] as const;

export class CloudStorage {
  constructor(private readonly context: CloudContext) {}

  set(openId: string, args: Args, mode: PlatformMode): void {
    const items = checkCloudData(args, mode === 'douyin' ? 'KVDataList' : 'data');
    const { store } = this.context;
    const keys = store.cloudKeys(openId);
    for (const item of items) keys.add(item.key);
    if (keys.size > MAX_KEYS_PER_USER) {
      throw new ApiError(
        ErrorCode.tooManyKeys,
        `more than ${MAX_KEYS_PER_USER} keys for this player (${keys.size})`,
      );
    }
    store.setCloud(openId, items);
  }

  remove(openId: string, args: Args): void {
    this.context.store.removeCloud(openId, checkKeyList(args, false));
  }

  /** The player's own items: `data` on TikTok, `KVDataList` on Douyin. */
  get(openId: string, args: Args, mode: PlatformMode): Record<string, unknown> {
    const keys = checkKeyList(args, true);
    const items = this.context.store.cloud(openId).filter((item) => keys.includes(item.key));
    return mode === 'douyin' ? { KVDataList: items } : { data: items };
  }

  /** `getFriendCloudStorage`: the guide's rows and status on TikTok, `UserGameData` rows on Douyin. */
  friends(openId: string, args: Args, mode: PlatformMode): Record<string, unknown> {
    const data = shapeFriendRows(this.friendRows(openId, checkKeyList(args, true)), mode);
    return mode === 'tiktok' ? { data, status_code: 0, status_msg: 'ok' } : { data };
  }

  /** Douyin's `getCloudStorageByRelation({type, keyList})`. */
  byRelation(openId: string, args: Args): Record<string, unknown> {
    const type = requiredText(args, 'type');
    if (!(RELATION_TYPES as readonly string[]).includes(type))
      throw new ApiError(
        ErrorCode.invalidArgument,
        `type must be one of ${RELATION_TYPES.join(', ')}, got ${type}`,
      );
    if (type !== 'friend')
      throw new ApiError(
        ErrorCode.invalidArgument,
        `type ${type} is not simulated: Douyin fills it from its own recommendations and group chats, which the simulator does not have (use friend)`,
      );
    return { data: shapeFriendRows(this.friendRows(openId, checkKeyList(args, true)), 'douyin') };
  }

  private friendRows(openId: string, keys: string[]): FriendRow[] {
    const { store } = this.context;
    if (!store.grantedScopes(openId).includes(SCOPE_FRIENDS)) {
      throw new ApiError(
        ErrorCode.notAuthorized,
        `not authorized: scope ${SCOPE_FRIENDS} not granted (call authorizeOpenContext first)`,
      );
    }
    const friends = this.context.emptyFriends()
      ? []
      : store.friendIds(openId).filter((id) => store.hasPlayed(id));
    return [openId, ...friends].flatMap((id) => {
      const user = store.user(id);
      if (!user) return [];
      return [
        {
          open_id: user.open_id,
          user_id: user.user_id,
          display_name: user.display_name,
          avatar_url: this.context.avatarUrl(user.open_id),
          data: store.cloud(id).filter((item) => keys.includes(item.key)),
        },
      ];
    });
  }
}
