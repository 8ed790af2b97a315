import { describe, expect, it } from 'vitest';
import { rankPlayers } from '../../../assets/scripts/social/ranking';
import { scoreKeysFor } from '../../../assets/scripts/social/zones';
import { FRIENDS_TTL_MS, FriendStore, toPlayer } from '../../../openDataContext/src/friendStore';
import { authFailure, entry, fakeHost, meta } from './fakes';

const KEYS = { keys: scoreKeysFor('default'), scoreLimit: 1_000_000 };
// A platform that never answers with a tag: "you" is whoever the game says.
const NO_TAG = { get: async () => null };

const readyPlayers = (store: FriendStore) => {
  if (store.state.kind !== 'ready') throw new Error(`store is ${store.state.kind}`);
  return store.state.players;
};

describe('FriendStore', () => {
  it('asks the platform once, then again only after the time to live', async () => {
    const host = fakeHost([entry('a', 'Ana', '10')]);
    const store = new FriendStore(host, KEYS, NO_TAG, () => {});
    await Promise.all([store.ensureFresh(), store.ensureFresh()]);
    await store.ensureFresh();
    expect(host.friendCalls).toBe(1);
    host.clock += FRIENDS_TTL_MS - 1;
    await store.ensureFresh();
    expect(host.friendCalls).toBe(1);
    host.clock += 1;
    await store.ensureFresh();
    expect(host.friendCalls).toBe(2);
  });

  it("counts only its own zone's scores: a test build's score never reaches a default build's board", async () => {
    const testBuildScore = {
      openId: 'kenji',
      displayName: 'Kenji',
      avatarUrl: '',
      data: [
        { key: 'highScore', value: '2500' },
        { key: 'highScore_test', value: '9000' },
      ],
    };
    const onlyTested = { ...testBuildScore, openId: 'zoe', data: [{ key: 'highScore_test', value: '700' }] };
    const host = fakeHost([testBuildScore, onlyTested]);
    const defaultBoard = new FriendStore(host, KEYS, NO_TAG, () => {});
    await defaultBoard.ensureFresh();
    expect(readyPlayers(defaultBoard).map((player) => [player.openId, player.best?.score ?? null])).toEqual([
      ['kenji', 2500],
      ['zoe', null],
    ]);
    const testBoard = new FriendStore(host, { ...KEYS, keys: scoreKeysFor('test') }, NO_TAG, () => {});
    await testBoard.ensureFresh();
    expect(readyPlayers(testBoard).map((player) => [player.openId, player.best?.score ?? null])).toEqual([
      ['kenji', 9000],
      ['zoe', 700],
    ]);
  });

  it('shows your stored best even when the friend data still has the old one', async () => {
    const host = fakeHost([entry('you', 'Me', '100', meta(5)), entry('a', 'Ana', '150', meta(5))]);
    const store = new FriendStore(host, KEYS, NO_TAG, () => {});
    store.setYou('you');
    await store.ensureFresh();
    store.applyOwnBest({ score: 200, achievedAt: 99 });
    const rows = rankPlayers(readyPlayers(store), 'you');
    expect(rows.map((row) => [row.openId, row.best?.score, row.rank])).toEqual([
      ['you', 200, 1],
      ['a', 150, 2],
    ]);
    // A later, lagging fetch does not bring the old score back.
    host.clock += FRIENDS_TTL_MS;
    await store.ensureFresh();
    expect(readyPlayers(store).find((player) => player.openId === 'you')?.best?.score).toBe(200);
  });

  it('keeps a higher cloud score, and adds you when the platform left you out', async () => {
    const host = fakeHost([entry('you', 'Me', '500')]);
    const store = new FriendStore(host, KEYS, NO_TAG, () => {});
    store.setYou('you');
    store.applyOwnBest({ score: 300, achievedAt: 1 });
    await store.ensureFresh();
    expect(readyPlayers(store)[0]?.best?.score).toBe(500);

    const empty = new FriendStore(fakeHost([]), KEYS, NO_TAG, () => {});
    empty.setYou('you');
    empty.applyOwnBest({ score: 42, achievedAt: 7 });
    await empty.ensureFresh();
    expect(readyPlayers(empty)).toEqual([
      { openId: 'you', name: 'You', avatarUrl: '', best: { score: 42, achievedAt: 7 }, mine: true },
    ]);
  });

  it('tells a missing friend scope apart from other failures, and recovers on refresh', async () => {
    const host = fakeHost([entry('a', 'Ana', '1')]);
    host.answer = () => Promise.reject(authFailure());
    const store = new FriendStore(host, KEYS, NO_TAG, () => {});
    await store.ensureFresh();
    expect(store.state).toMatchObject({ kind: 'error', problem: 'unauthorized' });

    host.answer = () => Promise.reject(new Error('network down'));
    await store.refresh();
    expect(store.state).toMatchObject({ kind: 'error', problem: 'failed', message: 'network down' });

    host.answer = async () => ({ friends: [entry('a', 'Ana', '1')], dropped: 0 });
    await store.refresh();
    expect(readyPlayers(store).map((player) => player.openId)).toEqual(['a']);
  });
});

describe('FriendStore and friend access', () => {
  it('drops an answer that arrives after the player lost friend access', async () => {
    const host = fakeHost([entry('a', 'Ana', '1')]);
    let answer: () => void = () => {};
    host.answer = () =>
      new Promise((resolve) => (answer = () => resolve({ friends: [entry('a', 'Ana', '1')], dropped: 0 })));
    const store = new FriendStore(host, KEYS, NO_TAG, () => {});
    const pending = store.ensureFresh();
    // The friend data is asked for once your tag is known (here: at once, none).
    await new Promise((resolve) => setTimeout(resolve, 0));
    store.markUnauthorized();
    answer();
    await pending;
    expect(store.state).toMatchObject({ kind: 'error', problem: 'unauthorized' });
  });
});

describe('friend values are hostile input', () => {
  const hostile: [string, string | null, string?][] = [
    ['missing', null],
    ['empty', ''],
    ['words', 'lots'],
    ['negative', '-5'],
    ['decimal', '12.5'],
    ['exponent', '1e9'],
    ['hex', '0x1F'],
    ['padded', ' 12 '],
    ['plus sign', '+7'],
    ['leading zeros', '007'],
    ['infinity', 'Infinity'],
    ['not a number', 'NaN'],
    ['huge', '99999999999999999999'],
    ['above the plausible maximum', '1000000001'],
    ['arabic digits', '١٢٣'],
    ['json', '{"score":5}'],
    ['trailing junk', '12abc'],
    ['very long', '9'.repeat(3_000)],
  ];

  it.each(hostile)('%s means no score, never a crash', (_name, value) => {
    expect(toPlayer(entry('x', 'X', value), KEYS).best).toBeNull();
  });

  it('ranks the valid scores correctly among hostile ones, hostile ones last and unranked', () => {
    const entries = [
      ...hostile.map(([name, value], index) => entry(`h${index}`, name, value)),
      entry('low', 'Low', '5', meta(10)),
      entry('high', 'High', '900', 'not json'),
      entry('mid', 'Mid', '50', meta(10)),
      entry('tied', 'Tied', '50', meta(3)),
    ];
    const rows = rankPlayers(
      entries.map((row) => toPlayer(row, KEYS)),
      null,
    );
    expect(rows.slice(0, 4).map((row) => [row.openId, row.rank])).toEqual([
      ['high', 1],
      ['tied', 2],
      ['mid', 2],
      ['low', 4],
    ]);
    expect(rows.slice(4).every((row) => row.rank === null && row.best === null)).toBe(true);
    expect(rows).toHaveLength(entries.length);
  });

  it('sanitizes names: controls and overrides stripped, fallback for empty', () => {
    expect(toPlayer(entry('x', '\u202Eevil\u0007', '1'), KEYS).name).toBe('evil');
    expect(toPlayer(entry('x', '   ', '1'), KEYS).name).toBe('Player');
  });
});
