/**
 * Texts of every card the sample sends: the game's invite (`shareAppMessage`) and the open data
 * context's challenge and "I passed you" cards (`shareToUser`). Pure, so the wording can be tested and
 * translated in one place. Each is written for its receiver: "I" is the sender, "you" the friend who
 * reads it. Names are shortened: a share card has room for a few words.
 */
import type { GameWords } from '../games/contract';
import { formatScore, truncateGraphemes } from './displayName';

export interface ShareCardText {
  readonly title: string;
  readonly subtitle: string;
}

const NAME_IN_CARD = 20;

/** A row's challenge: names the score the friend has to beat (yours), or invites when you have none. */
export function challengeCard(
  yourBest: number | null,
  friendName: string,
  friendBest: number | null,
): ShareCardText {
  const name = truncateGraphemes(friendName, NAME_IN_CARD);
  if (yourBest === null) {
    return friendBest === null
      ? { title: 'Play with me!', subtitle: `${name}, let's see who scores higher.` }
      : {
          title: `Your ${formatScore(friendBest)} is my target`,
          subtitle: `${name}, I'm starting now. Watch out!`,
        };
  }
  if (friendBest === null) {
    return {
      title: `Beat my ${formatScore(yourBest)} points!`,
      subtitle: `${name}, you haven't set a score yet.`,
    };
  }
  if (friendBest > yourBest) {
    return {
      title: `I'm ${formatScore(friendBest - yourBest + 1)} points from passing you`,
      subtitle: `${name}, your ${formatScore(friendBest)} won't last.`,
    };
  }
  return {
    title: `Beat my ${formatScore(yourBest)} points!`,
    subtitle: `${name}, your best is ${formatScore(friendBest)}.`,
  };
}

/** "Tell them" after passing a friend: names the new score they now have to beat. */
export function passedCard(newBest: number, friendName: string): ShareCardText {
  return {
    title: `I just passed you with ${formatScore(newBest)}!`,
    subtitle: `${truncateGraphemes(friendName, NAME_IN_CARD)}, beat ${formatScore(newBest)} to take it back.`,
  };
}

/** The game's "Invite friends" card: the inviter's best to beat, once they have one. */
export function inviteCard(
  inviterBest: number | null,
  words: Pick<GameWords, 'name' | 'inviteLine'>,
): ShareCardText {
  return inviterBest === null
    ? { title: `Play ${words.name} with me!`, subtitle: words.inviteLine }
    : { title: `Beat my ${formatScore(inviterBest)} points!`, subtitle: words.inviteLine };
}
