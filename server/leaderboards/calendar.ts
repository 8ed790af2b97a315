/**
 * Local dates and local midnights in one IANA time zone, with nothing but Intl: the offset of a zone
 * at an instant is read from Intl.DateTimeFormat, so daylight-saving changes come from the same tz
 * database the runtime uses, and a day around a change is 23 or 25 hours long as it is on the clock.
 */

export interface LocalDate {
  year: number;
  /** 1 to 12. */
  month: number;
  /** 1 to 31. */
  day: number;
}

const HOUR_MS = 60 * 60 * 1000;

/** Throws a RangeError naming the setting when `timeZone` is not a zone this runtime knows. */
export function assertTimeZone(timeZone: string, setting = 'the time zone'): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(
      `${setting} must be an IANA time zone name such as UTC, Europe/Berlin or America/New_York, not ${JSON.stringify(timeZone)}`,
    );
  }
}

/** Calendar arithmetic on plain dates (no zone involved): the date `days` after `date`. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** 0 = Monday ... 6 = Sunday (ISO order: weeks start on Monday). */
export function isoWeekday(date: LocalDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

export function formatDate(date: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.year).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}`;
}

function sameDate(a: LocalDate, b: LocalDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

export class TimeZoneCalendar {
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    assertTimeZone(timeZone);
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The wall-clock time at `instant`, written as if it were UTC (so offset = result - instant). */
  private wallClock(instant: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(instant)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
    // Whole seconds: Intl drops the milliseconds, so they are put back from the instant itself.
    return Date.UTC(year, month - 1, day, hour, minute, second) + (((instant % 1000) + 1000) % 1000);
  }

  dateAt(instant: number): LocalDate {
    const wall = new Date(this.wallClock(instant));
    return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
  }

  /**
   * The first instant of `date` in this zone: its 00:00, or, in the few zones that move their clocks at
   * midnight, the moment the clock jumps past the missing midnight.
   */
  startOfDay(date: LocalDate): number {
    const midnight = Date.UTC(date.year, date.month - 1, date.day);
    // Two rounds: the offset at a first guess, then the offset at the instant that guess gives.
    let instant = midnight - (this.wallClock(midnight) - midnight);
    instant = midnight - (this.wallClock(instant) - instant);
    if (sameDate(this.dateAt(instant), date) && !sameDate(this.dateAt(instant - 1), date)) return instant;
    // The midnight falls in a gap (or a repeated hour): the day starts at the first instant that is on
    // it, found by bisection within the few hours an offset change can move it.
    let low = midnight - 15 * HOUR_MS; // not yet on `date` anywhere on Earth
    let high = midnight + 15 * HOUR_MS; // on `date` or later everywhere
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      const at = this.dateAt(mid);
      if (Date.UTC(at.year, at.month - 1, at.day) < midnight) low = mid;
      else high = mid;
    }
    return high;
  }

  /** Milliseconds in `date` (24 hours, or 23 or 25 on a daylight-saving change). */
  dayLength(date: LocalDate): number {
    return this.startOfDay(addDays(date, 1)) - this.startOfDay(date);
  }
}
