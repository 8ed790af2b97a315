import { describe, expect, it } from 'vitest';
import { scoreKeysFor } from '../../../assets/scripts/social/zones';
import { FriendStore } from '../../../openDataContext/src/friendStore';
import { newPlayerTag, PLAYER_TAG_KEY, PlayerTag } from '../../../openDataContext/src/playerTag';
import { entry, fakeHost } from './fakes';

const RULES = { keys: scoreKeysFor('default'), scoreLimit: 1_000_000 };
const TAG = 'a1b2c3d4e5f60718';

/** A friend row as the platform returns it, with a player tag among its keys. */
function tagged(openId: string, name: string, score: string, tag: string) {
  const row = entry(openId, name, score);
  return { ...row, data: [...row.data, { key: PLAYER_TAG_KEY, value: tag }] };
}

describe('the player tag', () => {
  it('writes a tag once, where there is none, and reads it back after', async () => {
    const host = fakeHost();
    const first = await new PlayerTag(host, () => 0.5).get();
    expect(first).toBe('8888888888888888');
    expect(host.cloudWrites).toEqual([[{ key: PLAYER_TAG_KEY, value: first }]]);
    expect(await new PlayerTag(host).get()).toBe(first);
    expect(host.cloudWrites).toHaveLength(1);
  });

  it('answers null when the platform fails, and asks again the next time', async () => {
    const host = fakeHost();
    let down = true;
    host.readCloud = async () => {
      if (down) throw new Error('getUserCloudStorage failed: network error');
    };
    const tag = new PlayerTag(host);
    expect(await tag.get()).toBeNull();
    down = false;
    expect(await tag.get()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('replaces a stored value that is no tag', async () => {
    const host = fakeHost();
    host.cloud = [{ key: PLAYER_TAG_KEY, value: '<script>' }];
    expect(await new PlayerTag(host, () => 0).get()).toBe('0000000000000000');
    expect(newPlayerTag(() => 0.999)).toBe('ffffffffffffffff');
  });
});

describe('who "you" are on the friend board', () => {
  it('is the row that carries your tag, without the game telling: no challenge on it', async () => {
    const host = fakeHost([tagged('me', 'Me', '240', TAG), entry('ava', 'Ava', '3000')]);
    const store = new FriendStore(host, RULES, { get: async () => TAG }, () => {});
    await store.ensureFresh();
    expect(store.you()).toBe('me');
    if (store.state.kind !== 'ready') throw new Error('not ready');
    expect(store.state.players.map((player) => [player.openId, player.mine])).toEqual([
      ['me', true],
      ['ava', false],
    ]);
  });

  it("trusts the platform's tag over the open id the game sends", async () => {
    const host = fakeHost([tagged('me', 'Me', '240', TAG), entry('ava', 'Ava', '3000')]);
    const store = new FriendStore(host, RULES, { get: async () => TAG }, () => {});
    store.setYou('ava');
    await store.ensureFresh();
    expect(store.you()).toBe('me');
  });

  it('takes the open id the game sends when the platform gave no tag', async () => {
    const host = fakeHost([entry('me', 'Me', '240'), entry('ava', 'Ava', '3000')]);
    const store = new FriendStore(host, RULES, { get: async () => null }, () => {});
    store.setYou('me');
    await store.ensureFresh();
    expect(store.you()).toBe('me');
  });

  it('names nobody when a friend copied your tag and the game says nothing, and challenges neither row', async () => {
    const host = fakeHost([tagged('me', 'Me', '240', TAG), tagged('copycat', 'Copy', '500', TAG)]);
    const store = new FriendStore(host, RULES, { get: async () => TAG }, () => {});
    await store.ensureFresh();
    expect(store.you()).toBeNull();
    if (store.state.kind !== 'ready') throw new Error('not ready');
    expect(store.state.players.every((player) => player.mine)).toBe(true);
    store.setYou('me');
    expect(store.you()).toBe('me');
  });
});
