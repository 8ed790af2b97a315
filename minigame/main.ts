/**
 * The Canvas 2D edition's entry (bundled to game.js). It only wires things together: the platform
 * wrapper, the shell around the registered game, the screen canvas and the app. The player can play at
 * once: login and the server session settle in the background, and authorization is asked only when the
 * player opens the friend board.
 */
import { game } from '../assets/scripts/games/registered';
import { createGamePlatform } from '../assets/scripts/platform/index';
import { createSample } from '../assets/scripts/shell/index';
import { App } from './app';
import { createView } from './view';

const platform = createGamePlatform();
new App(platform, createView(platform), createSample(platform, game)).start();
