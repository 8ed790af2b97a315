import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../simulator/server/errors';
import type { Domain } from '../../../simulator/server/platform';
import { utf8Length } from '../../../simulator/server/validate';
import { makeWorld, type World } from './world';

/** Bad calls: each fails with both documented shapes and a clear reason, and stores nothing. */

let world: World;
beforeAll(() => {
  world = makeWorld();
  world.store.grant('sim-ava', ['user.info.basic', 'user.friends.mutual']);
});
afterAll(() => world.dispose());

const card = { imageUrl: 'http://localhost:9527/share-images/default.png', title: 'Beat me' };
// The seeded player already holds 4 keys (the best and its metadata in the default and test zones).
const manyKeys = Array.from({ length: 125 }, (_, index) => ({ key: `k${index}`, value: 'x' }));

interface BadCall {
  name: string;
  domain: Domain;
  api: string;
  args: unknown;
  errNo: number;
  reason: RegExp;
}

const badCalls: BadCall[] = [
  {
    name: 'options not an object',
    domain: 'game',
    api: 'setUserCloudStorage',
    args: 'highScore=1',
    errNo: ErrorCode.invalidArgument,
    reason: /^options must be an object, got string$/,
  },
  {
    name: 'data missing',
    domain: 'game',
    api: 'setUserCloudStorage',
    args: {},
    errNo: ErrorCode.invalidArgument,
    reason: /^data must be an array of \{key, value\}, got undefined$/,
  },
  {
    name: 'data empty',
    domain: 'context',
    api: 'setUserCloudStorage',
    args: { data: [] },
    errNo: ErrorCode.invalidArgument,
    reason: /^data must not be empty$/,
  },
  {
    name: 'item not an object',
    domain: 'game',
    api: 'setUserCloudStorage',
    args: { data: ['highScore'] },
    errNo: ErrorCode.invalidArgument,
    reason: /^data\[0\] must be an object/,
  },
  {
    name: 'key empty',
    domain: 'game',
    api: 'setUserCloudStorage',
    args: { data: [{ key: '', value: '1' }] },
    errNo: ErrorCode.invalidArgument,
    reason: /^data\[0\]\.key must not be empty$/,
  },
  {
    name: 'key not a string',
    domain: 'game',
    api: 'setUserCloudStorage',
    args: { data: [{ key: 7, value: '1' }] },
    errNo: ErrorCode.invalidArgument,
    reason: /^data\[0\]\.key must be a string, got number$/,
  },
  {
    name: 'key of 129 characters',
    domain: 'game',
    api: 'setUserCloudStorage',
    args: { data: [{ key: 'k'.repeat(129), value: '1' }] },
    errNo: ErrorCode.keyTooLong,
    reason: /^key longer than 128 characters \(129\)$/,
  },
  {
    name: 'value of 2049 characters',
    domain: 'game',
    api: 'setUserCloudStorage',
    args: { data: [{ key: 'highScore', value: '9'.repeat(2049) }] },
    errNo: ErrorCode.valueTooLong,
    reason: /^value longer than 2048 characters \(key highScore\)$/,
  },
  {
    name: 'number value',
    domain: 'game',
    api: 'setUserCloudStorage',
    args: { data: [{ key: 'highScore', value: 5000 }] },
    errNo: ErrorCode.valueNotString,
    reason: /^value must be a string \(key highScore\), got number$/,
  },
  {
    name: 'null value',
    domain: 'context',
    api: 'setUserCloudStorage',
    args: { data: [{ key: 'highScore', value: null }] },
    errNo: ErrorCode.valueNotString,
    reason: /got null$/,
  },
  {
    name: 'Date value (marked by the frame)',
    domain: 'game',
    api: 'setUserCloudStorage',
    args: { data: [{ key: 'highScore', value: { unsupported: '[object Date]' } }] },
    errNo: ErrorCode.valueNotString,
    reason: /got an object$/,
  },
  {
    name: 'one good and one bad item',
    domain: 'game',
    api: 'setUserCloudStorage',
    args: {
      data: [
        { key: 'highScore', value: '999999' },
        { key: 'level', value: 3 },
      ],
    },
    errNo: ErrorCode.valueNotString,
    reason: /key level/,
  },
  {
    name: 'more than 128 keys',
    domain: 'game',
    api: 'setUserCloudStorage',
    args: { data: manyKeys },
    errNo: ErrorCode.tooManyKeys,
    reason: /^more than 128 keys for this player \(129\)$/,
  },
  {
    name: 'remove without keyList',
    domain: 'game',
    api: 'removeUserCloudStorage',
    args: { keys: ['highScore'] },
    errNo: ErrorCode.invalidArgument,
    reason: /^keyList must be an array of strings/,
  },
  {
    name: 'remove with empty keyList',
    domain: 'context',
    api: 'removeUserCloudStorage',
    args: { keyList: [] },
    errNo: ErrorCode.invalidArgument,
    reason: /^keyList must not be empty$/,
  },
  {
    name: 'read with a non-string key',
    domain: 'context',
    api: 'getUserCloudStorage',
    args: { keyList: [123] },
    errNo: ErrorCode.invalidArgument,
    reason: /^keyList\[0\] must be a string, got number$/,
  },
  {
    name: 'share to an unknown openid',
    domain: 'context',
    api: 'shareToUser',
    args: { ...card, openid: 'nobody' },
    errNo: ErrorCode.unknownOpenId,
    reason: /^unknown openid nobody/,
  },
  {
    name: 'share to a user who is not a mutual follower',
    domain: 'context',
    api: 'shareToUser',
    args: { ...card, openid: 'sim-noah' },
    errNo: ErrorCode.unknownOpenId,
    reason: /not a mutual follower/,
  },
  {
    name: 'templateType 3',
    domain: 'context',
    api: 'shareToUser',
    args: { ...card, openid: 'sim-leo', templateType: 3 },
    errNo: ErrorCode.invalidArgument,
    reason: /^templateType must be 1 or 2 \(or '1' or '2'\), got 3$/,
  },
  {
    name: "templateType '3' (a string)",
    domain: 'game',
    api: 'shareAppMessage',
    args: { ...card, templateType: '3' },
    errNo: ErrorCode.invalidArgument,
    reason: /^templateType must be 1 or 2 \(or '1' or '2'\), got "3"$/,
  },
  {
    name: 'shareToUser without imageUrl (the guide requires it)',
    domain: 'context',
    api: 'shareToUser',
    args: { title: 'x', openid: 'sim-leo' },
    errNo: ErrorCode.invalidArgument,
    reason: /^imageUrl is required/,
  },
  {
    name: 'share with a javascript: imageUrl',
    domain: 'context',
    api: 'shareToUser',
    args: { imageUrl: 'javascript:alert(1)', openid: 'sim-leo' },
    errNo: ErrorCode.invalidArgument,
    reason: /absolute http\(s\) URL/,
  },
  {
    name: 'friend data from the game domain',
    domain: 'game',
    api: 'getFriendCloudStorage',
    args: { keyList: ['highScore'] },
    errNo: ErrorCode.wrongDomain,
    reason: /^getFriendCloudStorage is only available in the open data context$/,
  },
  {
    name: 'cloud write of a login from the context',
    domain: 'context',
    api: 'login',
    args: {},
    errNo: ErrorCode.wrongDomain,
    reason: /only available in the game domain$/,
  },
  {
    name: 'get_status_only not a boolean',
    domain: 'game',
    api: 'authorizeOpenContext',
    args: { get_status_only: 'yes' },
    errNo: ErrorCode.invalidArgument,
    reason: /^get_status_only must be a boolean, got string$/,
  },
  {
    name: 'analytics event without a name',
    domain: 'game',
    api: 'reportAnalytics',
    args: { eventName: '', data: {} },
    errNo: ErrorCode.invalidArgument,
    reason: /^eventName must be/,
  },
  {
    name: 'unknown API',
    domain: 'game',
    api: 'getFriendsRanking',
    args: {},
    errNo: ErrorCode.invalidArgument,
    reason: /^unknown API getFriendsRanking$/,
  },
];

function snapshot() {
  const ids = ['sim-ava', 'sim-leo', 'sim-noah'];
  return JSON.stringify(
    ids.map((id) => [
      world.store.cloud(id),
      world.store.inbox(id),
      world.store.storyCount(id),
      world.store.grantedScopes(id),
    ]),
  );
}

describe('bad calls', () => {
  it('has at least 15 cases', () => {
    expect(badCalls.length).toBeGreaterThanOrEqual(15);
  });

  it.each(badCalls)(
    '$name: $api fails clearly and changes nothing',
    async ({ domain, api, args, errNo, reason }) => {
      const before = snapshot();
      const outcome = await world.call(domain, api, args);
      expect(outcome.kind).toBe('fail');
      if (outcome.kind !== 'fail') return;
      const { fail } = outcome;
      expect(fail.errNo).toBe(errNo);
      expect(fail.error.error_code).toBe(errNo);
      expect(fail.error.error_msg).toMatch(reason);
      expect(fail.errMsg).toBe(`${api}:fail ${fail.error.error_msg}`);
      expect(fail.error.error_extra).toEqual({});
      expect(snapshot()).toBe(before);
    },
  );

  it('accepts the limits themselves: a 128-character key with a value making 1,024 bytes', async () => {
    const outcome = await world.call('game', 'setUserCloudStorage', {
      data: [{ key: 'k'.repeat(128), value: 'v'.repeat(896) }],
    });
    expect(outcome.kind).toBe('ok');
    expect(world.store.cloud('sim-ava').find((item) => item.key === 'k'.repeat(128))?.value).toHaveLength(
      896,
    );
  });

  it('counts key plus value in UTF-8 bytes: 1,024 is stored, 1,025 is refused and stores nothing', async () => {
    // highScore is 9 bytes; é is 2 bytes in UTF-8 and one UTF-16 unit, so characters would let both pass.
    const fits = `${'é'.repeat(507)}a`;
    const over = 'é'.repeat(508);
    const ok = await world.call('game', 'setUserCloudStorage', { data: [{ key: 'byteKey', value: fits }] });
    expect(ok.kind).toBe('ok');
    const before = snapshot();
    const refused = await world.call('context', 'setUserCloudStorage', {
      data: [
        { key: 'level', value: '2' },
        { key: 'highScore', value: over },
      ],
    });
    expect(refused.kind === 'fail' && refused.fail.errNo).toBe(ErrorCode.entryTooLarge);
    expect(refused.kind === 'fail' && refused.fail.error.error_msg).toBe(
      'key plus value longer than 1024 bytes of UTF-8 (key highScore: 1025 bytes)',
    );
    expect(snapshot()).toBe(before);
  });

  it('refuses a key over 128 bytes of UTF-8 even under 128 characters', async () => {
    const outcome = await world.call('game', 'setUserCloudStorage', {
      data: [{ key: '鍵'.repeat(43), value: '1' }],
    });
    expect(outcome.kind === 'fail' && outcome.fail.error.error_msg).toBe(
      'key longer than 128 bytes of UTF-8 (129)',
    );
  });

  it('counts UTF-8 bytes as TextEncoder does, lone surrogates included', () => {
    for (const text of ['', 'abc', 'é', '佐藤', '🍣', 'a\ud800b', '\udc00', 'Léo 🎮 Martin']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});
