/**
 * The messages the game sends to the open data context, and the one validator both sides trust.
 *
 * The context cannot answer (the platform only routes game → context), so every message carries
 * what the context needs to act alone: where it is drawn, who "you" are, which score a level just ended
 * with. The context, the one side that can read the player's cloud storage, decides whether that score
 * is a new best and writes it (social/keepBest.ts).
 */
import { scoreProblem } from '../games/scoreLimit';
import {
  between,
  count,
  type Fields,
  isRecord,
  isText,
  oneOf,
  type Rule,
  type Rules,
  readFields,
  rule,
} from './fieldRules';

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

/** A best-score candidate as both score messages carry it. */
export interface BestFields {
  score: number;
  level: number;
  achievedAt: number;
}

// Validation is one table per message, typed by the message's interface above, so the two cannot drift:
// every field has a rule, and a rule's reason is written once and names the field it refused
// ("show.rect.width must be …"). A parsed message holds the table's fields only, nothing else sent.

// Generous bounds: a phone viewport is a few thousand CSS px; anything beyond is a bug or an attack.
const MAX_COORDINATE = 100_000;
const coordinate = between(-MAX_COORDINATE, MAX_COORDINATE, 'a finite number');
const extent = between(1, MAX_COORDINATE, 'a positive finite number');
/** A pointer's frame time may have a fraction; a score's `achievedAt` is whole (Date.now()). */
const frameTime = between(0, Number.MAX_SAFE_INTEGER, 'a time in ms');
const time = count(0, Number.MAX_SAFE_INTEGER, 'a time in ms');
const RECT: Rules<Rect> = { x: coordinate, y: coordinate, width: extent, height: extent };

/** The score's own rule and words (games/scoreLimit.ts), so every check of a score refuses it alike. */
const score: Rule<number> = {
  passes: (value, scoreLimit): value is number => scoreProblem(value, scoreLimit) === null,
  // The shared words start with the field's name: "score must be a whole number from 0 to …".
  refusal: (_field, value, scoreLimit) => scoreProblem(value, scoreLimit) ?? '',
};

const BEST: Rules<BestFields> = { score, level: count(1, 10_000, 'a whole number ≥ 1'), achievedAt: time };

const POINTER_PHASES: readonly PointerPhase[] = ['down', 'move', 'up', 'cancel'];

type Body<Message> = Omit<Message, 'v' | 'type'>;

const MESSAGE_RULES: {
  [Type in Exclude<ContextMessage, EngineViewportMessage>['type']]: Rules<
    Body<Extract<ContextMessage, { type: Type }>>
  >;
} = {
  show: {
    view: oneOf(SURFACE_VIEWS),
    rect: RECT,
    viewport: { width: extent, height: extent },
    pixelRatio: between(0.5, 8, 'between 0.5 and 8'),
    you: { openId: rule((value) => value === null || isText(value, 256), 'null or a non-empty string') },
    authorized: rule((value) => typeof value === 'boolean', 'a boolean'),
  },
  hide: {},
  refresh: {},
  prefetch: {},
  levelEnd: {
    runId: rule((value) => isText(value, 64), 'a non-empty string of at most 64 characters'),
    ...BEST,
  },
  resumeBest: BEST,
  pointer: { phase: oneOf(POINTER_PHASES), x: coordinate, y: coordinate, time: frameTime },
};

const ENGINE_VIEWPORT: Rules<Omit<EngineViewportMessage, 'type' | 'event'>> = RECT;

/**
 * Validates anything that arrives through `onMessage`. Never throws. A score above the game's score
 * limit is refused with the words every other check of it uses (games/scoreLimit.ts).
 */
export function parseContextMessage(value: unknown, scoreLimit: number): ParseResult {
  if (!isRecord(value)) return { ok: false, reason: 'message is not an object' };
  const type = value.type;
  let body: Fields | string;
  if (type === 'engine') {
    if (value.event !== 'viewport')
      return { ok: false, reason: `engine event "${String(value.event)}" is not handled` };
    body = readFields(ENGINE_VIEWPORT, value, 'engine', scoreLimit);
    return typeof body === 'string' ? { ok: false, reason: body } : ok({ type, event: 'viewport', ...body });
  }
  if (value.v !== PROTOCOL_VERSION)
    return { ok: false, reason: `unsupported protocol version ${String(value.v)}` };
  if (typeof type !== 'string' || !Object.hasOwn(MESSAGE_RULES, type))
    return { ok: false, reason: `unknown message type ${JSON.stringify(type)}` };
  body = readFields(MESSAGE_RULES[type as keyof typeof MESSAGE_RULES], value, type, scoreLimit);
  return typeof body === 'string' ? { ok: false, reason: body } : ok({ v: 1, type, ...body });
}

/** The table above has checked every field of the message its type names. */
function ok(message: Fields): ParseResult {
  return { ok: true, message: message as unknown as ContextMessage };
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
