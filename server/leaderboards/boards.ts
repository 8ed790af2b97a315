import type { BoardId, BoardWrite } from '../storage/types';
import { TimeZoneCalendar } from './calendar';
import {
  type Period,
  type PeriodSpan,
  periodAt,
  RESETTING_PERIODS,
  RETENTION_MS,
  type ResettingPeriod,
} from './periods';
import { DEFAULT_ZONE, zoneList } from './zones';

export interface BoardSettings {
  /** Extra zones beside `default` and `test`. */
  zones?: readonly string[];
  /** IANA name of the time zone whose midnights reset the daily, weekly and monthly boards. */
  timeZone?: string;
}

/** The board a read goes to, and when it resets (null: never). */
export interface BoardTarget {
  board: BoardId;
  nextResetAt: number | null;
}

/**
 * Storage-level board ids. In the `default` zone they are the ids boards had before zones existed
 * (`global`, `weekly:2026-11-23` for the week of that Monday, `daily:2026-11-25`, `monthly:2026-11`),
 * so a live game's boards keep their data; every other zone puts its name and a slash in front
 * (`test/global`, `test/weekly:2026-11-23`). A zone name cannot hold a slash and a period id never
 * does, so no two zones can share a key, a row or a rank index.
 */
export function boardId(zone: string, period: Period, periodKey?: string): BoardId {
  const id = period === 'global' ? 'global' : `${period}:${periodKey}`;
  return zone === DEFAULT_ZONE ? id : `${zone}/${id}`;
}

/**
 * Which boards exist for a zone at a given time: the configured zones and the calendar of resets. The
 * current span of each period is computed once and reused until it ends, so a request costs no Intl call.
 */
export class Boards {
  readonly zones: readonly string[];
  readonly calendar: TimeZoneCalendar;
  private readonly spans = new Map<ResettingPeriod, PeriodSpan>();

  constructor(settings: BoardSettings = {}) {
    this.zones = zoneList(settings.zones ?? []);
    this.calendar = new TimeZoneCalendar(settings.timeZone ?? 'UTC');
  }

  hasZone(zone: string): boolean {
    return this.zones.includes(zone);
  }

  span(period: ResettingPeriod, now: number): PeriodSpan {
    const cached = this.spans.get(period);
    if (cached && cached.startsAt <= now && now < cached.endsAt) return cached;
    const span = periodAt(period, now, this.calendar);
    this.spans.set(period, span);
    return span;
  }

  /** The board of `period` in `zone` that is current at `now`. */
  target(zone: string, period: Period, now: number): BoardTarget {
    if (period === 'global') return { board: boardId(zone, 'global'), nextResetAt: null };
    const span = this.span(period, now);
    return { board: boardId(zone, period, span.key), nextResetAt: span.endsAt };
  }

  /**
   * Every board a run accepted at `now` counts on: the zone's all-time board first (its outcome is the
   * one a submission reports), then the current day, week and month, each with the time it may be
   * deleted (its end plus its retention).
   */
  boardsForRun(zone: string, now: number): BoardWrite[] {
    const writes: BoardWrite[] = [{ board: boardId(zone, 'global'), expiresAt: null }];
    for (const period of RESETTING_PERIODS) {
      const span = this.span(period, now);
      writes.push({ board: boardId(zone, period, span.key), expiresAt: span.endsAt + RETENTION_MS[period] });
    }
    return writes;
  }
}
