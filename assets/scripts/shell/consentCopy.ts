/**
 * The words of the game's own explanation before TikTok's authorization prompt, for both editions.
 */
import type { Copy } from './boardCopy';

export function consentCopy(gameName: string): Copy {
  return {
    title: 'Play against your friends',
    body:
      'TikTok will ask you to share your name, avatar and the friends you follow each other with. ' +
      `${gameName} uses them only to show your friends’ scores next to yours.`,
  };
}
