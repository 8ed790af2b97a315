import { describe, expect, it } from 'vitest';
import {
  completionBonus,
  STARTING_LIVES,
  starPoints,
} from '../../../../assets/scripts/games/starLanes/scoring';
import {
  createGame,
  type GameState,
  INVULNERABLE_TICKS,
  laneCenterX,
  PLAYER_Y,
  step,
} from '../../../../assets/scripts/games/starLanes/simulation';

/** Puts an object right above the ship so the next tick moves it onto the ship. */
function dropOnShip(game: GameState, kind: 'rock' | 'star'): void {
  game.objects.push({
    kind,
    lane: game.targetLane,
    row: 1000 + game.tick,
    y: PLAYER_Y - game.level.fallSpeed,
  });
}

describe('scoring rules', () => {
  it('multiplies star points by the streak, up to five times', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(starPoints)).toEqual([10, 20, 30, 40, 50, 50, 50]);
  });

  it('adds 100 per level and 100 per life left on completion', () => {
    expect(completionBonus(1, 3)).toBe(400);
    expect(completionBonus(5, 1)).toBe(600);
  });

  it('scores consecutive stars with a growing streak, and a rock resets the streak and costs a life', () => {
    const game = createGame(1, 1);
    game.objects = [];
    dropOnShip(game, 'star');
    step(game);
    dropOnShip(game, 'star');
    step(game);
    expect(game.score).toBe(10 + 20);
    expect(game.streak).toBe(2);
    dropOnShip(game, 'rock');
    step(game);
    expect(game.lives).toBe(STARTING_LIVES - 1);
    expect(game.streak).toBe(0);
    expect(game.events).toContainEqual({
      type: 'rockHit',
      lane: game.targetLane,
      livesLeft: STARTING_LIVES - 1,
    });
    dropOnShip(game, 'star');
    step(game);
    expect(game.score).toBe(10 + 20 + 10);
  });

  it('lets rocks pass through for a second after a hit, then hits again', () => {
    const game = createGame(1, 1);
    game.objects = [];
    dropOnShip(game, 'rock');
    step(game);
    dropOnShip(game, 'rock');
    step(game);
    expect(game.lives).toBe(STARTING_LIVES - 1);
    // Once the window is over, a rock hits again.
    const hitAt = game.invulnerableUntil - INVULNERABLE_TICKS;
    while (game.tick < hitAt + INVULNERABLE_TICKS) step(game);
    dropOnShip(game, 'rock');
    step(game);
    expect(game.lives).toBe(STARTING_LIVES - 2);
  });

  it('misses a star in another lane', () => {
    const game = createGame(1, 1);
    game.objects.push({ kind: 'star', lane: 0, row: 99, y: PLAYER_Y - game.level.fallSpeed });
    expect(game.playerX).toBe(laneCenterX(1));
    step(game);
    expect(game.score).toBe(0);
  });
});
