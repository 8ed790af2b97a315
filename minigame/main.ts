/**
 * The Canvas 2D edition's entry (bundled to game.js). It only wires things together: the platform
 * wrapper, the game services, the screen canvas and the app. The player can play at once: login and
 * the server session settle in the background, and authorization is asked only when the player opens
 * the friend board.
 */

import { createGamePlatform } from '../assets/scripts/platform/index';
import { createGameServices, installSampleHook } from '../assets/scripts/shell/index';
import { App } from './app';
import { installTestMode } from './testMode';
import { createView } from './view';

const platform = createGamePlatform();
const view = createView(platform);
let app: App | null = null;
const services = createGameServices({
  platform,
  scheduler: {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as number),
  },
  explainAuthorization: () => app?.explainAuthorization() ?? Promise.resolve(false),
});
app = new App(platform, view, services, installTestMode(services.launch()), installSampleHook());
app.start();
