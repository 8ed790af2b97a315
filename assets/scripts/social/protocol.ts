/**
 * The messages the game sends to the open data context, and the one validator both sides trust.
 *
 * The context cannot answer (the platform only routes game → context), so every message carries
 * what the context needs to act alone: where it is drawn, who "you" are, which score a level just ended
 * with. The context, the one side that can read the player's cloud storage, decides whether that score
 * is a new best and writes it (social/keepBest.ts).
 */
import { scoreProblem } from '../games/scoreLimit';

export const PROTOCOL_VERSION = 1;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ViewportSize {
  width: number;
  height: number;
}

/** The friend board; the results screen's notice (best and "you passed"); the menu's best score line. */
export type SurfaceView = 'board' | 'notice' | 'best';
export const SURFACE_VIEWS: readonly SurfaceView[] = ['board', 'notice', 'best'];
export type PointerPhase = 'down' | 'move' | 'up' | 'cancel';

export interface ShowMessage {
  v: 1;
  type: 'show';
  view: SurfaceView;
  /** Where the shared canvas sits in the game viewport, CSS px. */
  rect: Rect;
  viewport: ViewportSize;
  pixelRatio: number;
  you: { openId: string | null };
  authorized: boolean;
}

export interface HideMessage {
  v: 1;
  type: 'hide';
}

/** The score a level just ended with: kept if it beats the stored best, and the notice tells the player. */
export interface LevelEndMessage {
  v: 1;
  type: 'levelEnd';
  /** Names this run, so a repeated message (a reload) is recognised. */
  runId: string;
  score: number;
  level: number;
  achievedAt: number;
}

/**
 * This device's best run, sent again at every start and return to the foreground, in case its write
 * never landed (the app was closed, the network failed). Kept the same way, silently.
 */
export interface ResumeBestMessage {
  v: 1;
  type: 'resumeBest';
  score: number;
  level: number;
  achievedAt: number;
}

export interface PointerMessage {
  v: 1;
  type: 'pointer';
  phase: PointerPhase;
  /** Shared-canvas CSS px, origin at the surface's top-left corner. */
  x: number;
  y: number;
  time: number;
}

export interface RefreshMessage {
  v: 1;
  type: 'refresh';
}

/**
 * The player already allowed friend access (the game's silent check, at start and on return to the
 * foreground): the context fetches friends and loads their avatars now, so the board opens at once.
 */
export interface PrefetchMessage {
  v: 1;
  type: 'prefetch';
}

/** What Cocos Creator's SubContextView posts when its node moves or resizes (CSS px, top-left origin). */
export interface EngineViewportMessage {
  type: 'engine';
  event: 'viewport';
  x: number;
  y: number;
  width: number;
  height: number;
}

export type ContextMessage =
  | ShowMessage
  | HideMessage
  | LevelEndMessage
  | ResumeBestMessage
  | PointerMessage
  | RefreshMessage
  | PrefetchMessage
  | EngineViewportMessage;

export type ParseResult = { ok: true; message: ContextMessage } | { ok: false; reason: string };

// Generous bounds: a phone viewport is a few thousand CSS px; anything beyond is a bug or an attack.
const MAX_COORDINATE = 100_000;
const MAX_PIXEL_RATIO = 8;
const MAX_OPEN_ID_LENGTH = 256;
const MAX_RUN_ID_LENGTH = 64;

type Fields = Record<string, unknown>;

/** A best-score candidate as both score messages carry it. */
export interface BestFields {
  score: number;
  level: number;
  achievedAt: number;
}

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

function isCount(value: unknown, max = Number.MAX_SAFE_INTEGER): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= max;
}

function readRect(value: unknown): Rect | null {
  if (!isRecord(value)) return null;
  const { x, y, width, height } = value;
  if (!isFiniteIn(x, -MAX_COORDINATE, MAX_COORDINATE) || !isFiniteIn(y, -MAX_COORDINATE, MAX_COORDINATE)) {
    return null;
  }
  if (!isFiniteIn(width, 1, MAX_COORDINATE) || !isFiniteIn(height, 1, MAX_COORDINATE)) return null;
  return { x, y, width, height };
}

function readShow(fields: Fields): ShowMessage | string {
  const view = SURFACE_VIEWS.find((name) => name === fields.view);
  if (view === undefined) return `show.view must be one of ${SURFACE_VIEWS.join(', ')}`;
  const rect = readRect(fields.rect);
  if (!rect) return 'show.rect must be {x, y, width, height} with finite numbers and a positive size';
  const viewport = readRect({ x: 0, y: 0, ...(isRecord(fields.viewport) ? fields.viewport : {}) });
  if (!viewport) return 'show.viewport must be {width, height} with positive finite numbers';
  if (!isFiniteIn(fields.pixelRatio, 0.5, MAX_PIXEL_RATIO))
    return 'show.pixelRatio must be between 0.5 and 8';
  if (!isRecord(fields.you)) return 'show.you must be an object';
  const openId = fields.you.openId;
  if (
    openId !== null &&
    (typeof openId !== 'string' || openId.length === 0 || openId.length > MAX_OPEN_ID_LENGTH)
  ) {
    return 'show.you.openId must be null or a non-empty string';
  }
  if (typeof fields.authorized !== 'boolean') return 'show.authorized must be a boolean';
  return {
    v: 1,
    type: 'show',
    view,
    rect,
    viewport: { width: viewport.width, height: viewport.height },
    pixelRatio: fields.pixelRatio,
    you: { openId },
    authorized: fields.authorized,
  };
}

function readBestFields(type: string, fields: Fields, scoreLimit: number): BestFields | string {
  const problem = scoreProblem(fields.score, scoreLimit);
  if (problem !== null) return `${type}.${problem}`;
  if (!isCount(fields.level, 10_000) || fields.level < 1) return `${type}.level must be a whole number ≥ 1`;
  if (!isCount(fields.achievedAt)) return `${type}.achievedAt must be a time in ms`;
  return { score: fields.score as number, level: fields.level, achievedAt: fields.achievedAt };
}

function readLevelEnd(fields: Fields, scoreLimit: number): LevelEndMessage | string {
  const runId = fields.runId;
  if (typeof runId !== 'string' || runId.length === 0 || runId.length > MAX_RUN_ID_LENGTH) {
    return `levelEnd.runId must be a non-empty string of at most ${MAX_RUN_ID_LENGTH} characters`;
  }
  const best = readBestFields('levelEnd', fields, scoreLimit);
  return typeof best === 'string' ? best : { v: 1, type: 'levelEnd', runId, ...best };
}

function readResumeBest(fields: Fields, scoreLimit: number): ResumeBestMessage | string {
  const best = readBestFields('resumeBest', fields, scoreLimit);
  return typeof best === 'string' ? best : { v: 1, type: 'resumeBest', ...best };
}

function readPointer(fields: Fields): PointerMessage | string {
  const phase = fields.phase;
  if (phase !== 'down' && phase !== 'move' && phase !== 'up' && phase !== 'cancel') {
    return 'pointer.phase must be down, move, up or cancel';
  }
  if (
    !isFiniteIn(fields.x, -MAX_COORDINATE, MAX_COORDINATE) ||
    !isFiniteIn(fields.y, -MAX_COORDINATE, MAX_COORDINATE)
  ) {
    return 'pointer.x and pointer.y must be finite numbers';
  }
  if (!isFiniteIn(fields.time, 0, Number.MAX_SAFE_INTEGER)) return 'pointer.time must be a time in ms';
  return { v: 1, type: 'pointer', phase, x: fields.x, y: fields.y, time: fields.time };
}

function readEngineViewport(fields: Fields): EngineViewportMessage | string {
  if (fields.event !== 'viewport') return `engine event "${String(fields.event)}" is not handled`;
  const rect = readRect(fields);
  if (!rect) return 'engine viewport must carry finite x, y and a positive width and height';
  return { type: 'engine', event: 'viewport', ...rect };
}

/**
 * Validates anything that arrives through `onMessage`. Never throws. A score above the game's score
 * limit is refused with the words every other check of it uses (games/scoreLimit.ts).
 */
export function parseContextMessage(value: unknown, scoreLimit: number): ParseResult {
  if (!isRecord(value)) return { ok: false, reason: 'message is not an object' };
  if (value.type === 'engine') return wrap(readEngineViewport(value));
  if (value.v !== PROTOCOL_VERSION)
    return { ok: false, reason: `unsupported protocol version ${String(value.v)}` };
  switch (value.type) {
    case 'show':
      return wrap(readShow(value));
    case 'hide':
      return { ok: true, message: { v: 1, type: 'hide' } };
    case 'refresh':
    case 'prefetch':
      return { ok: true, message: { v: 1, type: value.type } };
    case 'levelEnd':
      return wrap(readLevelEnd(value, scoreLimit));
    case 'resumeBest':
      return wrap(readResumeBest(value, scoreLimit));
    case 'pointer':
      return wrap(readPointer(value));
    default:
      return { ok: false, reason: `unknown message type ${JSON.stringify(value.type)}` };
  }
}

function wrap(result: ContextMessage | string): ParseResult {
  return typeof result === 'string' ? { ok: false, reason: result } : { ok: true, message: result };
}

// Builders, so the game never assembles a message by hand.

export function showMessage(fields: Omit<ShowMessage, 'v' | 'type'>): ShowMessage {
  return { v: 1, type: 'show', ...fields };
}

export function hideMessage(): HideMessage {
  return { v: 1, type: 'hide' };
}

export function refreshMessage(): RefreshMessage {
  return { v: 1, type: 'refresh' };
}

export function prefetchMessage(): PrefetchMessage {
  return { v: 1, type: 'prefetch' };
}

export function levelEndMessage(fields: Omit<LevelEndMessage, 'v' | 'type'>): LevelEndMessage {
  return { v: 1, type: 'levelEnd', ...fields };
}

export function resumeBestMessage(fields: BestFields): ResumeBestMessage {
  return { v: 1, type: 'resumeBest', ...fields };
}

export function pointerMessage(fields: Omit<PointerMessage, 'v' | 'type'>): PointerMessage {
  return { v: 1, type: 'pointer', ...fields };
}

/** Maps a point in game viewport CSS px into the coordinates of a surface placed at `rect`. */
export function toSurfacePoint(rect: Rect, x: number, y: number): { x: number; y: number; inside: boolean } {
  const local = { x: x - rect.x, y: y - rect.y };
  const inside = local.x >= 0 && local.y >= 0 && local.x < rect.width && local.y < rect.height;
  return { ...local, inside };
}
