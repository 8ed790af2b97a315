import { describe, expect, it } from 'vitest';
import { chooseBotLane } from '../../../../assets/scripts/games/starLanes/bot';
import { LEVELS, levelConfig, TICKS_PER_SECOND } from '../../../../assets/scripts/games/starLanes/levels';
import { startPlaythrough } from '../../../../assets/scripts/games/starLanes/playthrough';
import { completionBonus } from '../../../../assets/scripts/games/starLanes/scoring';
import { createGame, step } from '../../../../assets/scripts/games/starLanes/simulation';

describe('levels', () => {
  it('has at least five levels of rising difficulty, each 20-40 seconds long', () => {
    expect(LEVELS.length).toBeGreaterThanOrEqual(5);
    LEVELS.forEach((level, index) => {
      expect(level.number).toBe(index + 1);
      expect(level.lengthTicks / TICKS_PER_SECOND).toBeGreaterThanOrEqual(20);
      expect(level.lengthTicks / TICKS_PER_SECOND).toBeLessThanOrEqual(40);
      const previous = LEVELS[index - 1];
      if (previous) {
        expect(level.fallSpeed).toBeGreaterThan(previous.fallSpeed);
        expect(level.rowEvery).toBeLessThan(previous.rowEvery);
        expect(level.rockPercent).toBeGreaterThanOrEqual(previous.rockPercent);
      }
    });
  });

  it('rejects level numbers outside the list', () => {
    expect(() => levelConfig(0)).toThrow(RangeError);
    expect(() => levelConfig(LEVELS.length + 1)).toThrow(RangeError);
    expect(() => levelConfig(1.5)).toThrow(RangeError);
  });

  it('completes a level when its time runs out, adding the completion bonus once', () => {
    const run = startPlaythrough(2024, 1);
    let scoreBeforeLastTick = 0;
    while (run.game.status === 'playing') {
      scoreBeforeLastTick = run.game.score;
      run.steer(chooseBotLane(run.game));
      run.advance();
    }
    expect(run.game.status).toBe('completed');
    expect(run.game.tick).toBe(levelConfig(1).lengthTicks);
    expect(run.game.score - scoreBeforeLastTick).toBe(completionBonus(1, run.game.lives));
    expect(run.game.events).toContainEqual({ type: 'levelEnded', completed: true, score: run.game.score });
    const ticksAtEnd = run.game.tick;
    run.advance();
    expect(run.game.tick).toBe(ticksAtEnd);
  });

  it('fails a level when the last life is lost, without a completion bonus', () => {
    const game = createGame(5, 5);
    let starPointsEarned = 0;
    while (game.status === 'playing') {
      step(game);
      for (const event of game.events) if (event.type === 'starCollected') starPointsEarned += event.points;
    }
    // Standing still in the middle lane of level 5 meets a rock long before the time runs out.
    expect(game.status).toBe('failed');
    expect(game.lives).toBe(0);
    expect(game.tick).toBeLessThan(levelConfig(5).lengthTicks);
    // Exactly the star points: no bonus of any size was added.
    expect(game.score).toBe(starPointsEarned);
    expect(game.events.at(-1)).toEqual({ type: 'levelEnded', completed: false, score: game.score });
  });

  it('always leaves at least one lane of each row free of rocks', () => {
    for (const level of LEVELS) {
      const game = createGame(99, level.number);
      game.lives = Number.POSITIVE_INFINITY;
      const rockLanesPerRow = new Map<number, Set<number>>();
      while (game.status === 'playing') {
        step(game);
        for (const object of game.objects) {
          if (object.kind !== 'rock') continue;
          const lanes = rockLanesPerRow.get(object.row) ?? new Set<number>();
          rockLanesPerRow.set(object.row, lanes.add(object.lane));
        }
      }
      expect(game.rowsSpawned).toBeGreaterThan(20);
      const mostRocksInARow = Math.max(...[...rockLanesPerRow.values()].map((lanes) => lanes.size));
      expect(mostRocksInARow).toBe(level.lanes - 1);
    }
  });
});
