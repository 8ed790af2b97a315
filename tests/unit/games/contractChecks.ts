/**
 * What every game behind the contract must hold, as tests: run for the registered game (whatever was
 * swapped in) and for the test game. A game that fails here would break the shell, the server's replay
 * or the open data context, not just itself.
 */
import { describe, expect, it } from 'vitest';
import { type GameDefinition, PAUSE_CORNER } from '../../../assets/scripts/games/contract';
import { parseRunRecord } from '../../../assets/scripts/games/runRecord';
import { MAX_SCORE } from '../../../server/leaderboards/order';
import { botRun } from '../testGame';
import { recordingPainter } from './recordingPainter';

const AREA = { width: 360, height: 640 };

export function checkGameContract(name: string, game: GameDefinition): void {
  describe(`${name} keeps the game contract`, () => {
    it('names its storage keys, levels and score limit within what the shell and the boards can hold', () => {
      expect(game.info.storagePrefix).toMatch(/^[A-Za-z][A-Za-z0-9]{0,31}$/);
      expect(Number.isInteger(game.info.levelCount) && game.info.levelCount >= 1).toBe(true);
      expect(Number.isInteger(game.info.scoreLimit) && game.info.scoreLimit >= 1).toBe(true);
      expect(game.info.scoreLimit).toBeLessThanOrEqual(MAX_SCORE);
      for (const words of Object.values(game.info.words)) expect(words.trim().length).toBeGreaterThan(0);
    });

    it('plays every level with its bot to a run the server accepts and replays to the same score', () => {
      for (let level = 1; level <= game.info.levelCount; level += 1) {
        const run = botRun(game, 1234 + level, level);
        const parsed = parseRunRecord(JSON.parse(JSON.stringify(run)), game);
        expect(parsed).toEqual({ ok: true, run });
        expect(game.replay(run).score).toBe(run.claimedScore);
        expect(run.claimedScore).toBeLessThanOrEqual(game.info.scoreLimit);
      }
    });

    it('replays the same run to the same score every time', () => {
      const run = botRun(game, 99, 1);
      expect(game.replay(run)).toEqual(game.replay(run));
    });

    it('stops at the end of a level and says how it went', () => {
      const play = game.startLevel(5, 1);
      expect(play.status).toBe('playing');
      for (let tick = 0; tick < game.levelBounds(1).ticks + 10 && play.status === 'playing'; tick += 1) {
        play.botTurn();
        play.advance();
      }
      expect(play.status).not.toBe('playing');
      const ended = play.tick;
      play.advance();
      expect(play.tick).toBe(ended);
      expect(play.summary().length).toBeGreaterThan(0);
    });

    it('draws its play area and emblem, and leaves the pause corner to the shell', () => {
      const play = game.startLevel(7, 1);
      const painter = recordingPainter();
      play.draw(painter, AREA);
      expect(painter.calls.length).toBeGreaterThan(0);
      const texts = painter.calls.filter((call) => call.kind === 'text');
      for (const text of texts) {
        const inCorner = text.x > AREA.width - PAUSE_CORNER.width && text.y < PAUSE_CORNER.height;
        expect(inCorner, `"${text.value}" is under the pause button`).toBe(false);
      }
      const emblem = recordingPainter();
      game.drawEmblem(emblem, 50, 50, 52);
      expect(emblem.calls.length).toBeGreaterThan(0);
    });
  });
}
