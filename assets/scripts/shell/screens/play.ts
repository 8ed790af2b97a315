/** A level being played: the game draws the whole area; the shell adds its pause button and pause menu. */
import type { PlayScreen } from '../flow/screens';
import { button, type PlayContent } from './content';

export function playContent(screen: PlayScreen): PlayContent {
  return {
    name: 'play',
    play: screen.play,
    pausedTitle: screen.paused ? 'Paused' : null,
    buttons: screen.paused
      ? [
          button('resume', 'Resume', { kind: 'resume' }, 'primary'),
          button('quit', 'Quit to menu', { kind: 'menu' }, 'quiet'),
        ]
      : [button('pause', 'II', { kind: 'pause' }, 'icon')],
  };
}
