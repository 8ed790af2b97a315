import { randomBytes } from 'node:crypto';
import type { PlatformMode } from '../device';
import { ApiError, ErrorCode, failResult } from './errors';
import { type Contact, type Outcome, ok } from './outcome';
import type { InboxCard, Store, UserRow } from './store';
import { type Args, checkShareCard, checkTemplateType, requiredText, type ShareCard } from './validate';

/**
 * Sharing: the contact picker (`shareAppMessage`, game domain), a card to one friend (`shareToUser`, open
 * data context) and a story post (`shareToStory`). On TikTok a `shareAppMessage` card shows the title and
 * image configured for the game in the Developer Portal: customising them from the API "is not supported at
 * this time" (TikTok's SDK Sharing page). Douyin shows the ones the game passes.
 */

/** The Developer Portal's share card: game.json `dev.shareCard` here, or the devtools' field. */
export interface ShareCardConfig {
  title: string;
  imageUrl: string;
}

interface PendingShare {
  openId: string;
  card: ShareCard;
}

export interface SharingContext {
  store: Store;
  now(): number;
  avatarUrl(openId: string): string;
  defaultImageUrl: string;
}

export class Sharing {
  private pending = new Map<string, PendingShare>();

  constructor(private readonly context: SharingContext) {}

  clear(): void {
    this.pending.clear();
  }

  /** Opens the contact picker with the card that will be sent. */
  shareAppMessage(openId: string, args: Args, mode: PlatformMode, configured: ShareCardConfig): Outcome {
    const asked = checkShareCard(args, { imageRequired: false, defaultImageUrl: configured.imageUrl });
    const card =
      mode === 'tiktok' ? { ...asked, title: configured.title, imageUrl: configured.imageUrl } : asked;
    const ticket = randomBytes(9).toString('base64url');
    this.pending.set(ticket, { openId, card });
    return {
      kind: 'contacts',
      ticket,
      contacts: this.contacts(openId),
      card: { title: card.title, imageUrl: card.imageUrl },
    };
  }

  /** The player picked contacts in the picker (or cancelled with none). */
  finishShare(ticket: string, openIds: unknown): Outcome {
    const api = 'shareAppMessage';
    const pending = this.pending.get(ticket);
    this.pending.delete(ticket);
    const { store } = this.context;
    if (!pending)
      return { kind: 'fail', fail: failResult(api, ErrorCode.invalidArgument, 'share sheet expired') };
    if (!Array.isArray(openIds) || openIds.length === 0) {
      return { kind: 'fail', fail: failResult(api, ErrorCode.shareCancelled, 'cancel') };
    }
    const targets = openIds.filter(
      (id): id is string => typeof id === 'string' && store.areFriends(pending.openId, id),
    );
    if (targets.length !== openIds.length) {
      return {
        kind: 'fail',
        fail: failResult(api, ErrorCode.unknownOpenId, 'unknown openid in the picked contacts'),
      };
    }
    store.transaction(() => {
      for (const target of targets) this.deliver(pending.openId, target, 'shareAppMessage', pending.card);
    });
    return ok(api);
  }

  shareToUser(openId: string, args: Args): Outcome {
    const card = checkShareCard(args, { imageRequired: true, defaultImageUrl: this.context.defaultImageUrl });
    const target = requiredText(args, 'openid');
    const { store } = this.context;
    if (!store.user(target) || !store.areFriends(openId, target)) {
      throw new ApiError(
        ErrorCode.unknownOpenId,
        `unknown openid ${target}: not a mutual follower of the player`,
      );
    }
    this.deliver(openId, target, 'shareToUser', card);
    return ok('shareToUser');
  }

  shareToStory(openId: string, args: Args): Outcome {
    checkTemplateType(args);
    this.context.store.insertStory(openId, this.context.now());
    return ok('shareToStory');
  }

  private contacts(openId: string): Contact[] {
    const { store } = this.context;
    return store
      .friendIds(openId)
      .map((id) => store.user(id))
      .filter((user): user is UserRow => user !== undefined)
      .sort((a, b) => a.user_id - b.user_id)
      .map((user) => ({
        open_id: user.open_id,
        display_name: user.display_name,
        avatar_url: this.context.avatarUrl(user.open_id),
      }));
  }

  private deliver(from: string, to: string, channel: InboxCard['channel'], card: ShareCard): void {
    this.context.store.insertCard({
      to_open_id: to,
      from_open_id: from,
      channel,
      title: card.title,
      subtitle: card.subtitle,
      image_url: card.imageUrl,
      template_type: card.templateType,
      query: card.query,
      path: card.path,
      created_at: this.context.now(),
    });
  }
}
