import { chooseBotLane, type RunRecord, startPlaythrough } from '../../../assets/scripts/core/index';

/** A genuine run record: the core's autopilot plays a level, exactly as the game would record it. */
export function botRun(seed: number, level = 1): RunRecord {
  const play = startPlaythrough(seed, level);
  while (play.game.status === 'playing') {
    play.steer(chooseBotLane(play.game));
    play.advance();
  }
  return play.runRecord();
}
