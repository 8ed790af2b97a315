/** The main menu: the game's title, the level choice, play, and the social entry points. */
import type { GameDefinition } from '../../games/contract';
import { type Challenge, challengeGreeting } from '../../social/challenge';
import type { MenuScreen } from '../flow/screens';
import type { LevelProgress } from '../levelProgress';
import { button, type MenuContent } from './content';
import { socialButtons } from './social';

export function menuContent(
  screen: MenuScreen,
  game: Pick<GameDefinition, 'info' | 'drawEmblem'>,
  progress: LevelProgress,
  challenge: Challenge | null,
): MenuContent {
  const unlocked = progress.unlockedLevel();
  const selected = Math.min(Math.max(1, screen.selectedLevel), unlocked);
  return {
    name: 'menu',
    title: game.info.words.title,
    tagline: game.info.words.tagline,
    drawEmblem: game.drawEmblem,
    greeting: challenge ? challengeGreeting(challenge, game.info.words.name) : null,
    levelLabel: 'Level',
    levels: Array.from({ length: progress.levelCount }, (_, index) => {
      const level = index + 1;
      return button(
        `level-${level}`,
        String(level),
        { kind: 'select-level', level },
        level === selected ? 'chip-on' : 'chip',
        level <= unlocked,
      );
    }),
    play: button('play', `Play level ${selected}`, { kind: 'play', level: selected }, 'primary'),
    social: socialButtons('main_menu'),
  };
}
