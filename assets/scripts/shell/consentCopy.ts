/**
 * The words of the game's own explanation before TikTok's authorization prompt, for both editions.
 */
import type { Copy } from './boardCopy';

export const CONSENT_COPY: Copy = {
  title: 'Play against your friends',
  body:
    'TikTok will ask you to share your name, avatar and the friends you follow each other with. ' +
    'Star Lanes uses them only to show your friends’ scores next to yours.',
};
