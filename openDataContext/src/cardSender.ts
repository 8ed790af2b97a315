/**
 * Cards sent straight to a friend with `shareToUser`, one per intent: while a card is on its way, or once
 * it was sent, the friend's button says so and sends nothing more; only a card that failed can be sent
 * again. Each card's query names you and your best, so the game it opens greets the friend with the
 * challenge (TikTok's guide lists no `query` for `shareToUser`; a runtime that ignores it opens the game
 * without the greeting).
 */
import type { ShareToUserOptions } from '../../assets/scripts/platform/context';
import type { ShareStatus } from './paint';

export class CardSender {
  private readonly statuses_ = new Map<string, ShareStatus>();

  constructor(
    private readonly host_: { shareToUser(share: ShareToUserOptions): Promise<void> },
    private readonly onChange_: () => void,
  ) {}

  /** What became of the card to `openId`, for the button's look; undefined before any. */
  status(openId: string): ShareStatus | undefined {
    return this.statuses_.get(openId);
  }

  get all(): ReadonlyMap<string, ShareStatus> {
    return this.statuses_;
  }

  /** Sends `card` unless one to the same friend is on its way or was sent. Returns whether it went. */
  send(card: ShareToUserOptions): boolean {
    const status = this.statuses_.get(card.openId);
    if (status === 'sending' || status === 'sent') return false;
    this.set_(card.openId, 'sending');
    this.host_.shareToUser(card).then(
      () => this.set_(card.openId, 'sent'),
      () => this.set_(card.openId, 'failed'),
    );
    return true;
  }

  private set_(openId: string, status: ShareStatus): void {
    this.statuses_.set(openId, status);
    this.onChange_();
  }
}
