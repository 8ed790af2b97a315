/** The layout of each screen's content, by screen: the Cocos edition's counterpart of minigame/screens/. */
import type { ScreenContent } from '../shell/index';
import { consentModel } from './consentModel';
import { leaderboardModel } from './leaderboardModel';
import { menuModel } from './menuModel';
import { playModel } from './playModel';
import { resultsModel } from './resultsModel';
import type { ScreenModel } from './screenModel';

export function modelOf(content: ScreenContent): ScreenModel {
  switch (content.name) {
    case 'menu':
      return menuModel(content);
    case 'play':
      return playModel(content);
    case 'results':
      return resultsModel(content);
    case 'leaderboard':
      return leaderboardModel(content);
    case 'consent':
      return consentModel(content);
  }
}
