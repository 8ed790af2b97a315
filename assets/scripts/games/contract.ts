/**
 * The game contract: everything the leaderboard shell knows of the game it runs, and all a game must
 * provide. A game is one folder under games/ whose index.ts exports `game` (a GameDefinition);
 * games/registered.ts names the folder the sample runs. Engine-free: both editions, the game server's
 * replay and the open data context read it.
 */
import type { Painter } from './painter';
import type { LevelBounds, RunRecord } from './runRecord';

export type { LevelBounds };

/** What the open data context and the server's limits need of a game, without its rules. */
export interface GameInfo {
  /** Prefix of the game's local storage keys ("starLanes" makes "starLanes.outbox"): letters and digits. */
  readonly storagePrefix: string;
  readonly words: GameWords;
  /** Levels are numbered from 1 to levelCount. */
  readonly levelCount: number;
  /**
   * The highest score a run of this game can reach. A run, a board entry, a friend's cloud value or a
   * message above it is refused everywhere, with the same reason (scoreLimit.ts).
   */
  readonly scoreLimit: number;
}

/** The game's own words; the shell's words (buttons, boards, notices) stay the shell's. */
export interface GameWords {
  /** The name inside sentences: "Ava invited you to play Star Lanes!". */
  readonly name: string;
  /** The menu's title, as drawn. */
  readonly title: string;
  /** The line under the title. */
  readonly tagline: string;
  /** The invite card's second line; its first names the best to beat. */
  readonly inviteLine: string;
}

export type LevelStatus = 'playing' | 'completed' | 'failed';

export type PlayPointerPhase = 'down' | 'move' | 'up' | 'cancel';

/** The play area's size in its own units: about a phone's CSS px (the editions scale it to the screen). */
export interface AreaSize {
  readonly width: number;
  readonly height: number;
}

/** One level being played. The shell steps it at the game's tick rate and draws it every frame. */
export interface LevelPlay {
  readonly level: number;
  readonly status: LevelStatus;
  readonly score: number;
  /** Ticks simulated so far. */
  readonly tick: number;
  /** Simulates one tick; does nothing once the level has ended. */
  advance(): void;
  /** Test mode: the built-in bot makes the player's move for the next tick. */
  botTurn(): void;
  /** The player's pointer over the play area, in area units (origin top-left, y down). */
  pointer(phase: PlayPointerPhase, x: number, y: number, area: AreaSize): void;
  /**
   * Draws the whole play area: the field and the game's own heads-up display. The shell draws its pause
   * button over the top-right corner (PAUSE_CORNER) and nothing else.
   */
  draw(painter: Painter, area: AreaSize): void;
  /** The run so far, as the game server replays it. */
  runRecord(): RunRecord;
  /** The results screen's line under the score, e.g. "12 stars caught". */
  summary(): string;
}

export interface GameDefinition {
  /**
   * Its name, words, levels and limits. A field of its own, not spread in, so that a bundle which
   * reads only `gameInfo` (the open data context) leaves the rules out.
   */
  readonly info: GameInfo;
  /** Simulation steps per second: the shell steps a level at this rate, whatever the display does. */
  readonly ticksPerSecond: number;
  startLevel(seed: number, level: number): LevelPlay;
  /** Draws the game's emblem centred at (x, y), about `size` tall: the menu shows it under the title. */
  drawEmblem(painter: Painter, x: number, y: number, size: number): void;
  levelBounds(level: number): LevelBounds;
  /**
   * Replays a run that passed parseRunRecord, from its seed and inputs alone: the same run must give the
   * same score on every machine. The game server calls it for every run it receives.
   */
  replay(run: RunRecord): { readonly score: number; readonly completed: boolean };
}

/** The corner of the play area the shell's pause button covers (area units, from the top-right). */
export const PAUSE_CORNER = { width: 64, height: 56 } as const;
