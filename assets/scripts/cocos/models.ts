/** The layout of each screen's content, by screen: the Cocos edition's counterpart of minigame/screens/. */
import type { ScreenContent } from '../shell/index';
import { consentModel } from './consentModel';
import { leaderboardModel } from './leaderboardModel';
import { menuModel } from './menuModel';
import { playModel } from './playModel';
import { resultsModel } from './resultsModel';
import { DESIGN_SCREEN, type ScreenModel, type ScreenSize } from './screenModel';

/** `screen`: the visible screen in design units (GameBootstrap reads it from the engine's view). */
export function modelOf(content: ScreenContent, screen: ScreenSize = DESIGN_SCREEN): ScreenModel {
  switch (content.name) {
    case 'menu':
      return menuModel(content, screen);
    case 'play':
      return playModel(content, screen);
    case 'results':
      return resultsModel(content, screen);
    case 'leaderboard':
      return leaderboardModel(content, screen);
    case 'consent':
      return consentModel(content, screen);
  }
}
