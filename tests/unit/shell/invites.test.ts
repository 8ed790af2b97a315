import { describe, expect, it } from 'vitest';
import type { ShareAppMessageOptions } from '../../../assets/scripts/platform/index';
import { PlatformError } from '../../../assets/scripts/platform/index';
import {
  type AnalyticsEvent,
  createInvites,
  parseLaunchQuery as parseQuery,
  SHARE_IMAGE_URL,
} from '../../../assets/scripts/shell/index';
import { challengeGreeting } from '../../../assets/scripts/social/challenge';
import { testGame } from '../testGame';

const { words, scoreLimit } = testGame.info;
const parseLaunchQuery = (query: unknown) => parseQuery(query, scoreLimit);

/** What a receiver's launch options hold: the card's query, decoded into fields. */
function queryFields(query: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(query));
}

describe('invites', () => {
  it('shares a card whose query names the inviter and the score, which the receiver reads back', async () => {
    const shared: ShareAppMessageOptions[] = [];
    const tracked: AnalyticsEvent[] = [];
    const invites = createInvites(
      { shareAppMessage: async (o) => void shared.push(o), shareToStory: async () => {} },
      { track: (e) => tracked.push(e) },
      words,
    );
    expect(await invites.inviteFriends({ displayName: 'Ada 🚀', openId: 'open-ada', best: 1450 })).toEqual({
      sent: true,
    });
    expect(shared[0]?.imageUrl).toBe(SHARE_IMAGE_URL);
    expect(shared[0]?.title).toBe('Beat my 1,450 points!');
    const intent = parseLaunchQuery(queryFields(shared[0]?.query ?? ''));
    expect(intent.challenge).toEqual({
      challengerName: 'Ada 🚀',
      challengerOpenId: 'open-ada',
      scoreToBeat: 1450,
    });
    expect(
      challengeGreeting(
        intent.challenge ?? { challengerName: '', challengerOpenId: null, scoreToBeat: 0 },
        words.name,
      ),
    ).toBe('Ada 🚀 challenges you: beat 1,450 points!');
    expect(tracked).toEqual([{ name: 'invite_sent', channel: 'share_app_message' }]);
  });

  it('counts an invite only when the share went out', async () => {
    const tracked: AnalyticsEvent[] = [];
    const invites = createInvites(
      {
        shareAppMessage: async () => {
          throw new PlatformError('shareAppMessage', 'failed', 'cancelled');
        },
        shareToStory: async () => {},
      },
      { track: (e) => tracked.push(e) },
      words,
    );
    expect(await invites.inviteFriends({ displayName: null, openId: null, best: null })).toEqual({
      sent: false,
      reason: 'shareAppMessage failed: cancelled',
    });
    expect(await invites.shareToStory()).toEqual({ sent: true });
    expect(tracked).toEqual([{ name: 'invite_sent', channel: 'share_to_story' }]);
  });
});

describe('parseLaunchQuery', () => {
  it('reads the test mode flag', () => {
    expect(parseLaunchQuery({ autoplay: '1' })).toEqual({ challenge: null, autoplay: true, seed: null });
    expect(parseLaunchQuery({ autoplay: 'yes' }).autoplay).toBe(false);
  });

  it('reads a fixed seed and ignores a malformed one', () => {
    expect(parseLaunchQuery({ seed: '4242' }).seed).toBe(4242);
    expect(parseLaunchQuery({ seed: '4294967296' }).seed).toBeNull();
    expect(parseLaunchQuery({ seed: '-1' }).seed).toBeNull();
    expect(parseLaunchQuery({ seed: '12abc' }).seed).toBeNull();
  });

  it.each([
    ['no query', undefined],
    ['a string query', 'beat=5'],
    ['a negative score', { beat: '-5' }],
    ['an exponent', { beat: '1e9' }],
    ['leading zeros', { beat: '007' }],
    ["a score above the game's score limit", { beat: '50001' }],
    ['a score that is not a string', { beat: 5 }],
    ['only unrelated fields', { utm: 'x' }],
  ])('finds no invitation in %s', (_name, query) => {
    expect(parseLaunchQuery(query).challenge).toBeNull();
  });

  it('keeps the sender but drops a malformed score', () => {
    expect(parseLaunchQuery({ from: 'open-ada', beat: '1e9' }).challenge).toEqual({
      challengerName: 'A friend',
      challengerOpenId: 'open-ada',
      scoreToBeat: null,
    });
  });

  it('reads a plain invitation from a player with no score yet', async () => {
    const shared: ShareAppMessageOptions[] = [];
    const invites = createInvites(
      { shareAppMessage: async (o) => void shared.push(o), shareToStory: async () => {} },
      { track: () => {} },
      words,
    );
    await invites.inviteFriends({ displayName: null, openId: 'open-new', best: null });
    expect(shared[0]?.query).toBe('from=open-new');
    expect(shared[0]?.title).toBe('Play Tally with me!');
    const challenge = parseLaunchQuery(queryFields(shared[0]?.query ?? '')).challenge;
    expect(challenge && challengeGreeting(challenge, words.name)).toBe('A friend invited you to play Tally!');
  });

  it('cleans a hostile challenger name and drops a malformed open id', () => {
    const intent = parseLaunchQuery({
      beat: '10',
      challenger: '\u202Eevil\u0000 name that goes on and on forever',
      from: '<script>',
    });
    expect(intent.challenge?.challengerName).toBe('evil name that goes on…');
    expect(intent.challenge?.challengerOpenId).toBeNull();
    expect(parseLaunchQuery({ beat: '10' }).challenge?.challengerName).toBe('A friend');
    expect(parseLaunchQuery({ beat: '10', challenger: '' }).challenge?.challengerName).toBe('Player');
  });
});
