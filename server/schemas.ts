import { z } from 'zod';
import { isGameScore, scoreProblem } from '../assets/scripts/games/scoreLimit';
import { OPEN_ID_PATTERN } from './leaderboards/order';
import { PERIODS } from './leaderboards/periods';
import { DEFAULT_ZONE, ZONE_PATTERN } from './leaderboards/zones';

/** Every request body, query and path parameter the server accepts, validated before any handler. */

/** Platform codes are opaque; printable ASCII and bounded is all we can demand. */
const PlatformCode = z
  .string()
  .regex(/^[\x21-\x7e]{1,512}$/, 'code must be 1 to 512 printable ASCII characters');

export const CodeBody = z.strictObject({ code: PlatformCode });

/** Which zone's boards (see leaderboards/zones.ts); absent means `default`, as in Douyin's rank API. */
const ZoneName = z
  .string()
  .regex(ZONE_PATTERN, 'zone must be 1 to 32 of a-z, 0-9 and "-" (default, test, or one set in BOARD_ZONES)');

/** A run as submitted: its claim within the game's score limit, in the words every check of it uses. */
export const runBody = (scoreLimit: number) =>
  z.strictObject({
    zone: ZoneName.default(DEFAULT_ZONE),
    run: z.looseObject({
      claimedScore: z.custom<number>((score) => isGameScore(score, scoreLimit), {
        error: (issue) => scoreProblem(issue.input, scoreLimit) ?? 'invalid score',
      }),
      openId: z.string().regex(OPEN_ID_PATTERN).optional(),
    }),
  });

export const BoardParams = z.strictObject({ board: z.enum(PERIODS) });

export const MAX_PAGE_SIZE = 100;

export const BoardQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  cursor: z.string().min(1).max(300).optional(),
  around: z.literal('me').optional(),
  zone: ZoneName.default(DEFAULT_ZONE),
});

/** The game queues up to 200 events (assets/scripts/shell/analytics.ts) and may flush them in one batch. */
export const MAX_EVENTS_PER_REQUEST = 200;

export const EventsBody = z.strictObject({
  events: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'event names are snake_case, at most 64 characters'),
        entryPoint: z
          .string()
          .regex(/^[A-Za-z0-9_.:-]{1,64}$/)
          .optional(),
        at: z.int().min(0),
      }),
    )
    .min(1)
    .max(MAX_EVENTS_PER_REQUEST),
});

export type CodeBody = z.infer<typeof CodeBody>;
export type RunBody = z.infer<ReturnType<typeof runBody>>;
export type BoardParams = z.infer<typeof BoardParams>;
export type BoardQuery = z.infer<typeof BoardQuery>;
export type EventsBody = z.infer<typeof EventsBody>;
