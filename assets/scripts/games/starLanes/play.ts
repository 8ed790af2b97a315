/**
 * A level of Star Lanes as the shell plays it (the contract's LevelPlay): the playthrough records what
 * the player steered, the view draws it, the bot steers in test mode.
 */
import type { AreaSize, LevelPlay, PlayPointerPhase } from '../contract';
import type { Painter } from '../painter';
import type { RunRecord } from '../runRecord';
import { chooseBotLane } from './bot';
import { startPlaythrough } from './playthrough';
import { FieldView, laneAt } from './view';

export function playLevel(seed: number, level: number): LevelPlay {
  const run = startPlaythrough(seed, level);
  const { game } = run;
  const view = new FieldView();
  return {
    level,
    get status() {
      return game.status;
    },
    get score() {
      return game.score;
    },
    get tick() {
      return game.tick;
    },
    advance() {
      run.advance();
      view.noteEvents(game, game.events);
    },
    botTurn() {
      run.steer(chooseBotLane(game));
    },
    pointer(phase: PlayPointerPhase, x: number, _y: number, area: AreaSize) {
      if (phase === 'down' || phase === 'move') run.steer(laneAt(game, area, x));
    },
    draw(painter: Painter, area: AreaSize) {
      view.draw(painter, game, area);
    },
    runRecord: (): RunRecord => run.runRecord(),
    summary: () => `${game.starsCollected} ${game.starsCollected === 1 ? 'star' : 'stars'} caught`,
  };
}
