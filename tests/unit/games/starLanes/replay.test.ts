import { describe, expect, it } from 'vitest';
import { parseRunRecord } from '../../../../assets/scripts/games/runRecord';
import { chooseBotLane } from '../../../../assets/scripts/games/starLanes/bot';
import { game } from '../../../../assets/scripts/games/starLanes/index';
import { LEVELS, levelConfig } from '../../../../assets/scripts/games/starLanes/levels';
import { startPlaythrough } from '../../../../assets/scripts/games/starLanes/playthrough';
import { replayRun } from '../../../../assets/scripts/games/starLanes/replay';
import { createRng } from '../../../../assets/scripts/games/starLanes/rng';

describe('replayRun', () => {
  it('replays 1,000 random runs to the score and outcome the player saw', () => {
    // The test's own RNG picks seeds, levels and a thumb (random, or the bot with random slips),
    // so a failure is reproducible.
    const dice = createRng(20_240_601);
    let completed = 0;
    let failed = 0;
    for (let run = 0; run < 1000; run += 1) {
      const play = startPlaythrough(dice.nextUint32(), 1 + dice.nextInt(LEVELS.length));
      const changeEvery = 5 + dice.nextInt(60);
      const slipPercent = dice.nextInt(2) === 0 ? 100 : dice.nextInt(4);
      while (play.game.status === 'playing') {
        if (dice.nextInt(100) >= slipPercent) play.steer(chooseBotLane(play.game));
        else if (dice.nextInt(changeEvery) === 0) play.steer(dice.nextInt(play.game.level.lanes));
        play.advance();
      }
      const record = play.runRecord();
      expect(record.claimedScore).toBe(play.game.score);
      const viaJson = parseRunRecord(JSON.parse(JSON.stringify(record)), game);
      if (!viaJson.ok) throw new Error(viaJson.error);
      expect(replayRun(viaJson.run)).toEqual({
        score: play.game.score,
        completed: play.game.status === 'completed',
      });
      if (play.game.status === 'completed') completed += 1;
      else failed += 1;
    }
    // Both outcomes must be exercised for the check to mean anything.
    expect(completed).toBeGreaterThan(50);
    expect(failed).toBeGreaterThan(50);
  });

  it('gives a different score when the inputs differ', () => {
    const play = startPlaythrough(77, 1);
    while (play.game.status === 'playing') {
      play.steer(chooseBotLane(play.game));
      play.advance();
    }
    const record = play.runRecord();
    const stillRecord = { ...record, inputs: [] };
    expect(replayRun(stillRecord).score).not.toBe(record.claimedScore);
  });

  it('records only the ticks where the lane changed', () => {
    const play = startPlaythrough(1, 1);
    play.steer(0);
    play.advance();
    play.steer(0);
    play.advance();
    play.steer(2);
    play.steer(1);
    play.advance();
    expect(play.runRecord().inputs).toEqual([
      [0, 0],
      [2, 1],
    ]);
  });
});

describe('the bot', () => {
  it('finishes level 1 with every life on several seeds', () => {
    for (const seed of [1, 2, 3, 4, 5, 123_456_789]) {
      const play = startPlaythrough(seed, 1);
      while (play.game.status === 'playing') {
        play.steer(chooseBotLane(play.game));
        play.advance();
      }
      expect(play.game.status).toBe('completed');
      expect(play.game.tick).toBe(levelConfig(1).lengthTicks);
      expect(play.game.starsCollected).toBeGreaterThan(10);
      expect(replayRun(play.runRecord())).toEqual({ score: play.game.score, completed: true });
    }
  });

  it('finishes every level on one seed', () => {
    for (const level of LEVELS) {
      const play = startPlaythrough(31_337, level.number);
      while (play.game.status === 'playing') {
        play.steer(chooseBotLane(play.game));
        play.advance();
      }
      expect(play.game.status).toBe('completed');
    }
  });
});
