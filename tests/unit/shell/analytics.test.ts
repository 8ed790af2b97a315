import { describe, expect, it } from 'vitest';
import { createAnalytics, MAX_QUEUED_EVENTS, type ServerEvent } from '../../../assets/scripts/shell/index';

describe('analytics', () => {
  it('reports each event to the platform at once and to the server in one batch', async () => {
    const reported: [string, Record<string, string | number>][] = [];
    const batches: (readonly ServerEvent[])[] = [];
    const analytics = createAnalytics({
      platform: { reportAnalytics: (name, data) => reported.push([name, data]) },
      sendToServer: async (events) => {
        batches.push(events);
      },
      now: () => 42,
    });
    analytics.track({ name: 'leaderboard_button_exposure', entry_point: 'main_menu' });
    analytics.track({ name: 'leaderboard_button_click', entry_point: 'results' });
    analytics.track({ name: 'board_toggle', to: 'global' });
    expect(reported).toEqual([
      ['leaderboard_button_exposure', { entry_point: 'main_menu' }],
      ['leaderboard_button_click', { entry_point: 'results' }],
      ['board_toggle', { to: 'global' }],
    ]);
    await analytics.flush();
    expect(batches).toEqual([
      [
        { name: 'leaderboard_button_exposure', entryPoint: 'main_menu', at: 42 },
        { name: 'leaderboard_button_click', entryPoint: 'results', at: 42 },
        { name: 'board_toggle', at: 42 },
      ],
    ]);
    expect(analytics.queuedCount()).toBe(0);
  });

  it('keeps events for later when the server is unreachable, up to a cap', async () => {
    let online = false;
    const sentCounts: number[] = [];
    const analytics = createAnalytics({
      platform: { reportAnalytics: () => {} },
      sendToServer: async (events) => {
        if (!online) throw new Error('offline');
        sentCounts.push(events.length);
      },
    });
    for (let i = 0; i < MAX_QUEUED_EVENTS + 5; i += 1)
      analytics.track({ name: 'board_shown', board: 'friends' });
    await analytics.flush();
    expect(analytics.queuedCount()).toBe(MAX_QUEUED_EVENTS);
    online = true;
    await analytics.flush();
    expect(sentCounts).toEqual([MAX_QUEUED_EVENTS]);
  });
});
