import { addDays, formatDate, isoWeekday, type LocalDate, type TimeZoneCalendar } from './calendar';

/**
 * The boards' periods, like Douyin's rank API (day, week, month, all): `global` never resets; `daily`,
 * `weekly` (from Monday) and `monthly` reset at local midnight in the server's configured time zone.
 */
export const PERIODS = ['global', 'daily', 'weekly', 'monthly'] as const;
export type Period = (typeof PERIODS)[number];
export type ResettingPeriod = Exclude<Period, 'global'>;
export const RESETTING_PERIODS: readonly ResettingPeriod[] = ['daily', 'weekly', 'monthly'];

/** One period of a resetting board: its name in board ids and its local start and end. */
export interface PeriodSpan {
  /** `2026-11-25` (daily), `2026-11-23` (weekly: its Monday), `2026-11` (monthly). */
  key: string;
  startsAt: number;
  endsAt: number;
}

/**
 * How long a finished period is kept after it ends (Redis expiry, SQLite clean-up): long enough for an
 * operator to look back at last week's or last month's winners, short enough that boards do not pile up.
 */
export const RETENTION_MS: Record<ResettingPeriod, number> = {
  daily: 2 * 24 * 60 * 60 * 1000,
  weekly: 14 * 24 * 60 * 60 * 1000,
  monthly: 62 * 24 * 60 * 60 * 1000,
};

function firstAndNext(period: ResettingPeriod, today: LocalDate): [LocalDate, LocalDate, string] {
  if (period === 'daily') return [today, addDays(today, 1), formatDate(today)];
  if (period === 'weekly') {
    const monday = addDays(today, -isoWeekday(today));
    return [monday, addDays(monday, 7), formatDate(monday)];
  }
  const first = { year: today.year, month: today.month, day: 1 };
  const next =
    today.month === 12 ? { year: today.year + 1, month: 1, day: 1 } : { ...first, month: today.month + 1 };
  return [first, next, formatDate(first).slice(0, 7)];
}

/** The period of `period` that holds the instant `now`. */
export function periodAt(period: ResettingPeriod, now: number, calendar: TimeZoneCalendar): PeriodSpan {
  const [first, next, key] = firstAndNext(period, calendar.dateAt(now));
  return { key, startsAt: calendar.startOfDay(first), endsAt: calendar.startOfDay(next) };
}
