/**
 * The metrics TikTok's guide asks developers to watch: how often the leaderboard button is seen and
 * tapped (per entry point), how often a board is actually shown, whether players switch boards, and
 * invites sent. Each event goes to the platform (`reportAnalytics`, counted by the host) at once, and
 * to the game server in batches when a session exists. Analytics never break or slow the game.
 */
import type { GamePlatform } from '../platform/index';
import type { ServerEvent } from './serverAnswers';

export type EntryPoint = 'main_menu' | 'results';
export type BoardName = 'friends' | 'global';
export type InviteChannel = 'share_app_message' | 'share_to_story';

export type AnalyticsEvent =
  | { name: 'leaderboard_button_exposure'; entry_point: EntryPoint }
  | { name: 'leaderboard_button_click'; entry_point: EntryPoint }
  | { name: 'board_shown'; board: BoardName }
  | { name: 'board_toggle'; to: BoardName }
  | { name: 'invite_sent'; channel: InviteChannel };

export interface AnalyticsDeps {
  platform: Pick<GamePlatform, 'reportAnalytics'>;
  /** Sends a batch to the game server; rejects when offline (the batch is kept for the next try). */
  sendToServer: (events: readonly ServerEvent[]) => Promise<void>;
  now?: () => number;
}

/** The server keeps at most this many unsent events, dropping the oldest: metrics are not worth memory. */
export const MAX_QUEUED_EVENTS = 200;

export function createAnalytics({ platform, sendToServer, now = Date.now }: AnalyticsDeps) {
  let queue: ServerEvent[] = [];
  let sending = false;

  return {
    track(event: AnalyticsEvent): void {
      const { name, ...data } = event;
      platform.reportAnalytics(name, data);
      const entryPoint = 'entry_point' in event ? event.entry_point : undefined;
      queue.push(entryPoint ? { name, entryPoint, at: now() } : { name, at: now() });
      if (queue.length > MAX_QUEUED_EVENTS) queue = queue.slice(-MAX_QUEUED_EVENTS);
    },

    /** Sends what is queued. Call on a timer and when the game goes to the background. */
    async flush(): Promise<void> {
      if (sending || queue.length === 0) return;
      const batch = queue;
      queue = [];
      sending = true;
      try {
        await sendToServer(batch);
      } catch {
        queue = [...batch, ...queue].slice(-MAX_QUEUED_EVENTS);
      } finally {
        sending = false;
      }
    },

    queuedCount: (): number => queue.length,
  };
}

export type Analytics = ReturnType<typeof createAnalytics>;
