/** The layout of each screen's content, by screen: the Canvas 2D edition's counterpart of cocos/models.ts. */
import type { ScreenContent } from '../../assets/scripts/shell/index';
import type { ScreenLayout } from '../screen';
import type { View } from '../view';
import { layoutConsent } from './consent';
import { layoutBoard } from './leaderboard';
import { layoutMenu } from './menu';
import { layoutPlay } from './play';
import { layoutResults } from './results';

export function layoutOf(content: ScreenContent, view: View): ScreenLayout {
  switch (content.name) {
    case 'menu':
      return layoutMenu(content, view);
    case 'play':
      return layoutPlay(content, view);
    case 'results':
      return layoutResults(content, view);
    case 'leaderboard':
      return layoutBoard(content, view);
    case 'consent':
      return layoutConsent(content, view);
  }
}
