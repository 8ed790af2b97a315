import { describe, expect, it } from 'vitest';
import {
  type BoardBody,
  FRIENDS_ALTERNATIVE_COPY,
  GLOBAL_FAILURE_COPY,
  globalRows,
} from '../../../assets/scripts/shell/index';
import { testGame } from '../testGame';
import {
  boardContentOf,
  contentOf,
  globalAtRanks,
  menuContentOf,
  READY,
  RESULT,
  resultsContentOf,
} from './screenFixtures';

const bodyOf = <K extends BoardBody['kind']>(body: BoardBody, kind: K): Extract<BoardBody, { kind: K }> => {
  if (body.kind !== kind) throw new Error(`expected a ${kind} body, got ${body.kind}`);
  return body as Extract<BoardBody, { kind: K }>;
};

describe('menu content', () => {
  it('names the game in its own words and offers every level, the unlocked ones enabled', () => {
    const menu = menuContentOf(2, 2);
    expect([menu.title, menu.tagline]).toEqual(['TALLY', 'Tap to count.']);
    expect(menu.levels.map((chip) => [chip.id, chip.enabled, chip.style])).toEqual([
      ['level-1', true, 'chip'],
      ['level-2', true, 'chip-on'],
      ['level-3', false, 'chip'],
    ]);
    expect(menu.play).toMatchObject({ label: 'Play level 2', action: { kind: 'play', level: 2 } });
  });

  it('never plays a locked level, whatever was selected', () => {
    expect(menuContentOf(3, 1).play.action).toEqual({ kind: 'play', level: 1 });
  });

  it('greets a player who came from a card, naming the game', () => {
    const challenge = { challengerName: 'Ava', challengerOpenId: 'a', scoreToBeat: null };
    expect(menuContentOf(1, 1, { greeting: challenge }).greeting).toBe('Ava invited you to play Tally!');
    expect(menuContentOf(1, 1).greeting).toBeNull();
  });

  it('offers the friend board from the main menu entry point', () => {
    expect(menuContentOf(1, 1).social.friendBoard.action).toEqual({
      kind: 'friend-board',
      entryPoint: 'main_menu',
    });
  });
});

describe('results content', () => {
  it('shows the score and the game\'s line, and leaves "New best!" to the open data context', () => {
    const results = resultsContentOf();
    expect([results.title, results.score, results.summary, results.delivery.text]).toEqual([
      'Level 1 complete!',
      '2450',
      '7 taps',
      'Global board: saving…',
    ]);
    expect(JSON.stringify(results)).not.toMatch(/new best/i);
  });

  it('offers the next level after a completed level, a retry after a failed or the last one', () => {
    expect(resultsContentOf().next).toMatchObject({ id: 'next', action: { kind: 'play', level: 2 } });
    const failed = resultsContentOf({ ...RESULT, completed: false });
    expect([failed.title, failed.titleTone]).toEqual(['Out of lives', 'failure']);
    expect(failed.next).toMatchObject({
      id: 'retry',
      label: 'Play again',
      action: { kind: 'play', level: 1 },
    });
    expect(resultsContentOf({ ...RESULT, level: 3 }).next.id).toBe('retry');
  });

  it('marks a saved run in the success tone', () => {
    const delivery = { kind: 'saved', verdict: { best: 2_450, rank: 1, newBest: true } } as const;
    expect(resultsContentOf(RESULT, { delivery }).delivery).toEqual({
      text: 'Global board: saved ✓',
      tone: 'success',
    });
  });

  it('offers the friend board from the results entry point', () => {
    expect(resultsContentOf().social.friendBoard.action).toEqual({
      kind: 'friend-board',
      entryPoint: 'results',
    });
  });
});

describe('leaderboard content', () => {
  it('leaves the friend board to the open data context after consent, with an invite', () => {
    const board = boardContentOf({});
    expect(board.state).toBe('friends:authorized');
    expect(board.tabs.map((tab) => tab.style)).toEqual(['chip-on', 'chip']);
    expect(bodyOf(board.body, 'friends').invite.action).toEqual({ kind: 'invite' });
  });

  it.each(['not-now', 'declined', 'partly-granted', 'turned-off', 'failed'] as const)(
    'explains %s in its own words, with the global board and another try',
    (kind) => {
      const outcome = kind === 'failed' ? { kind, reason: 'timeout' } : { kind };
      const board = boardContentOf({ outcome });
      const body = bodyOf(board.body, 'friends-alternative');
      expect([body.title, body.body]).toEqual([
        FRIENDS_ALTERNATIVE_COPY[kind].title,
        FRIENDS_ALTERNATIVE_COPY[kind].body,
      ]);
      expect(body.showGlobal?.action).toEqual({ kind: 'tab', tab: 'global' });
      expect(body.retry.style).toBe('quiet');
      expect(board.state).toBe(`friends:${kind}`);
    },
  );

  it('offline, offers another try and not the global board, which needs the same connection', () => {
    const board = boardContentOf({ outcome: { kind: 'failed', reason: 'timeout' } }, { offline: true });
    const body = bodyOf(board.body, 'friends-alternative');
    expect(body.title).toBe('You’re offline');
    expect(body.showGlobal).toBeNull();
    expect(body.retry).toMatchObject({ label: 'Try again', style: 'primary', enabled: true });
  });

  it('after a refusal, points at the settings page when the platform has one', () => {
    const withPage = bodyOf(
      boardContentOf({ outcome: { kind: 'turned-off' } }, { canOpenSettings: true }).body,
      'friends-alternative',
    );
    expect(withPage.retry.label).toBe('Open settings');
    expect(withPage.body).toContain('Open settings');
    const without = bodyOf(boardContentOf({ outcome: { kind: 'turned-off' } }).body, 'friends-alternative');
    expect(without.retry.label).toBe('I turned it on');
  });

  it('disables another try while one runs', () => {
    const body = bodyOf(
      boardContentOf({ outcome: { kind: 'declined' }, retrying: true }).body,
      'friends-alternative',
    );
    expect(body.retry.enabled).toBe(false);
  });

  it('shows loading, a server problem with a retry, an empty board and the rows of the global board', () => {
    expect(boardContentOf({ tab: 'global' }).body).toEqual({ kind: 'global-message', text: 'Loading…' });
    const failed = boardContentOf({
      tab: 'global',
      global: { status: 'failed', problem: 'unreachable', reason: 'x' },
    });
    expect(failed.state).toBe('global:unreachable');
    expect(bodyOf(failed.body, 'global-failed')).toMatchObject({
      ...GLOBAL_FAILURE_COPY.unreachable,
      retry: { id: 'retry-global' },
    });
    const empty = boardContentOf({
      tab: 'global',
      global: { status: 'ready', entries: [], youOpenId: null },
    });
    expect(empty.body).toEqual({ kind: 'global-message', text: 'No scores yet. Be the first!' });
    const rows = bodyOf(boardContentOf({ tab: 'global', global: READY }).body, 'global-rows');
    expect(rows.rows.map((row) => [row.rank, row.name, row.score, row.isYou])).toEqual([
      [1, 'Ava', '12,000', false],
      [2, 'You', '3,000', true],
      [3, 'Player', '900', false],
    ]);
    expect(rows.hint).toBe('Everyone who plays lands here. Play on to climb!');
  });

  it('says why your row is below your best while a run waits for the game server', () => {
    const hint = (unsentBest: number | null, global = READY) =>
      bodyOf(boardContentOf({ tab: 'global', global }, { unsentBest }).body, 'global-rows').hint;
    expect(hint(5_000)).toBe('Your 5,000 isn’t here yet: it goes once the game server has it');
    // Not above your row: the board is current, and a short board says who lands here.
    expect(hint(3_000)).toBe('Everyone who plays lands here. Play on to climb!');
    expect(hint(null)).toBe('Everyone who plays lands here. Play on to climb!');
    // Not on the board at all yet.
    const entries = [{ rank: 1, openId: 'a', displayName: 'Ava', score: 12_000 }];
    expect(hint(800, { status: 'ready', youOpenId: 'new', entries })).toBe(
      'Your 800 isn’t here yet: it goes once the game server has it',
    );
  });

  it('truncates long names and marks yours', () => {
    const global = {
      status: 'ready' as const,
      youOpenId: 'me',
      entries: [{ rank: 4, openId: 'me', displayName: 'A very long display name indeed', score: 1_234_567 }],
    };
    expect(globalRows(global)).toEqual([
      { rank: 4, name: 'A very long display n… (you)', score: '1,234,567', isYou: true, afterGap: false },
    ]);
    expect(globalRows({ status: 'loading' })).toEqual([]);
  });
});

describe('global rows', () => {
  it('marks the row after skipped ranks: the top, then the rows around yours', () => {
    const global = globalAtRanks([1, 78, 79, 80, 81], 80);
    expect(globalRows(global).map((row) => [row.rank, row.afterGap])).toEqual([
      [1, false],
      [78, true],
      [79, false],
      [80, false],
      [81, false],
    ]);
    const top = globalAtRanks([1, 2, 3], 2);
    expect(globalRows(top).some((row) => row.afterGap)).toBe(false);
  });
});

describe('play and consent content', () => {
  it('offers pause while playing, and resume or quit while paused', () => {
    const play = testGame.startLevel(1, 1);
    const running = contentOf({ name: 'play', play, paused: false });
    const paused = contentOf({ name: 'play', play, paused: true });
    if (running.name !== 'play' || paused.name !== 'play') throw new Error('expected play content');
    expect(running.buttons.map((button) => button.action)).toEqual([{ kind: 'pause' }]);
    expect(paused.pausedTitle).toBe('Paused');
    expect(paused.buttons.map((button) => [button.id, button.action])).toEqual([
      ['resume', { kind: 'resume' }],
      ['quit', { kind: 'menu' }],
    ]);
  });

  it('asks with Continue and Not now', () => {
    const consent = contentOf({ name: 'consent' });
    if (consent.name !== 'consent') throw new Error('expected consent content');
    expect([consent.goOn.action, consent.notNow.action]).toEqual([
      { kind: 'consent', goOn: true },
      { kind: 'consent', goOn: false },
    ]);
  });
});

describe('words by cause', () => {
  it('says the device is offline, not that TikTok failed, when the device said so', () => {
    const failed = { kind: 'failed', reason: 'no answer' } as const;
    const online = bodyOf(boardContentOf({ outcome: failed }).body, 'friends-alternative');
    const offline = bodyOf(
      boardContentOf({ outcome: failed }, { offline: true }).body,
      'friends-alternative',
    );
    expect(online.title).toBe('Couldn’t reach TikTok');
    expect(offline.title).toBe('You’re offline');
  });

  it('gives the global board its own words for each cause, and none promises a tap it does not need', () => {
    const titles = (['offline', 'login', 'unreachable', 'refused'] as const).map((problem) => {
      const body = bodyOf(
        boardContentOf({ tab: 'global', global: { status: 'failed', problem, reason: 'x' } }).body,
        'global-failed',
      );
      expect(body.body).toMatch(/by itself/);
      return body.title;
    });
    expect(titles).toEqual([
      'You’re offline',
      'Couldn’t reach TikTok',
      'Game server unavailable',
      'Server trouble',
    ]);
  });

  it('tells a run waiting for the device from one waiting for the game server', () => {
    const waiting = (problem: 'offline' | 'unreachable' | 'login') =>
      resultsContentOf(RESULT, { delivery: { kind: 'waiting', reason: 'x', problem } }).delivery.text;
    expect(waiting('offline')).toBe('Global board: will send when you’re online');
    expect(waiting('unreachable')).toBe('Global board: will send when the game server is back');
    expect(waiting('login')).toBe('Global board: will send once TikTok signs you in');
  });

  it('never promises that TikTok asks again after "Don\'t allow"', () => {
    const declined = bodyOf(boardContentOf({ outcome: { kind: 'declined' } }).body, 'friends-alternative');
    expect(declined.body).toContain('won’t ask again');
    expect(declined.retry.label).toBe('I turned it on');
    const withPage = bodyOf(
      boardContentOf({ outcome: { kind: 'declined' } }, { canOpenSettings: true }).body,
      'friends-alternative',
    );
    expect(withPage.retry.label).toBe('Open settings');
  });
});
