/**
 * Star Tap's play screen, in place of `minigame/screens/play.ts`: tap anywhere to catch a star. In test
 * mode the built-in bot taps every tenth tick and the level runs many ticks a frame.
 */
import type { Screen } from '../../minigame/screen';
import type { ScreenContext } from '../../minigame/screenContext';
import { colors } from '../../minigame/theme';
import { drawBackdrop, drawText } from '../../minigame/ui';
import { LEVEL_TICKS, startPlaythrough, TICKS_PER_SECOND } from './core';

const TICK_MS = 1000 / TICKS_PER_SECOND;
const BOT_TAPS_EVERY = 10;
const AUTOPLAY_TICKS_PER_FRAME = 120;

export function playScreen(app: ScreenContext, level: number): Screen {
  const run = startPlaythrough(app.services.runSeed(app.testMode.seed), level);
  const { game } = run;
  let owedMs = 0;
  const tick = (): void => {
    if (app.testMode.autoplay === true && game.tick % BOT_TAPS_EVERY === 0) run.tap();
    run.advance();
  };
  return {
    name: 'play',
    buttons: () => [],
    pointer(phase) {
      if (phase === 'down' && app.testMode.autoplay === false) run.tap();
    },
    update(elapsedMs) {
      owedMs += elapsedMs;
      const ticks = app.testMode.autoplay === false ? Math.floor(owedMs / TICK_MS) : AUTOPLAY_TICKS_PER_FRAME;
      owedMs -= app.testMode.autoplay === false ? ticks * TICK_MS : owedMs;
      for (let i = 0; i < ticks && game.status === 'playing'; i += 1) tick();
      if (game.status === 'completed') app.finishLevel(run);
    },
    draw(ctx) {
      const { width, height } = app.view;
      drawBackdrop(ctx, width, height);
      const secondsLeft = Math.ceil((LEVEL_TICKS - game.tick) / TICKS_PER_SECOND);
      drawText(ctx, `${secondsLeft}s`, width / 2, 80, { size: 18, align: 'center', color: colors.muted });
      drawText(ctx, String(game.score), width / 2, height / 2, { size: 64, weight: 800, align: 'center' });
      drawText(ctx, 'Tap to catch stars!', width / 2, height / 2 + 60, { size: 18, align: 'center' });
    },
  };
}
