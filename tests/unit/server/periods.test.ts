import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../server/config';
import { Boards } from '../../../server/leaderboards/boards';
import { addDays, type LocalDate, TimeZoneCalendar } from '../../../server/leaderboards/calendar';
import { type BoardsApp, startBoardsApp } from './boardsApp';
import { TEST_ENV } from './harness';
import { useBothBackends } from './redisServer';

const HOUR = 60 * 60 * 1000;
const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);

/** The board id and next reset of each period at `now`. */
function schedule(boards: Boards, now: number) {
  return (['daily', 'weekly', 'monthly'] as const).map((period) => {
    const { board, nextResetAt } = boards.target('default', period, now);
    return `${board} until ${new Date(nextResetAt ?? 0).toISOString()}`;
  });
}

describe('periods in UTC (the default)', () => {
  const boards = new Boards();

  it('a day ends at midnight, a week on Monday, a month on the 1st: across Jan 31 → Feb 1', () => {
    const last = utc(2026, 1, 31, 23, 59) + 59_999; // Saturday 31 January, the last millisecond
    expect(schedule(boards, last)).toEqual([
      'daily:2026-01-31 until 2026-02-01T00:00:00.000Z',
      'weekly:2026-01-26 until 2026-02-02T00:00:00.000Z',
      'monthly:2026-01 until 2026-02-01T00:00:00.000Z',
    ]);
    expect(schedule(boards, last + 1)).toEqual([
      'daily:2026-02-01 until 2026-02-02T00:00:00.000Z',
      'weekly:2026-01-26 until 2026-02-02T00:00:00.000Z',
      'monthly:2026-02 until 2026-03-01T00:00:00.000Z',
    ]);
    // Sunday's last millisecond, then Monday.
    expect(schedule(boards, utc(2026, 2, 2) - 1)[1]).toBe('weekly:2026-01-26 until 2026-02-02T00:00:00.000Z');
    expect(schedule(boards, utc(2026, 2, 2))[1]).toBe('weekly:2026-02-02 until 2026-02-09T00:00:00.000Z');
  });

  it('February has 28 days in 2026 and 29 in 2028; December rolls into the next year', () => {
    expect(schedule(boards, utc(2026, 2, 28, 12))).toEqual([
      'daily:2026-02-28 until 2026-03-01T00:00:00.000Z',
      'weekly:2026-02-23 until 2026-03-02T00:00:00.000Z',
      'monthly:2026-02 until 2026-03-01T00:00:00.000Z',
    ]);
    expect(schedule(boards, utc(2028, 2, 28, 12))[0]).toBe('daily:2028-02-28 until 2028-02-29T00:00:00.000Z');
    expect(schedule(boards, utc(2028, 2, 29))).toEqual([
      'daily:2028-02-29 until 2028-03-01T00:00:00.000Z',
      'weekly:2028-02-28 until 2028-03-06T00:00:00.000Z',
      'monthly:2028-02 until 2028-03-01T00:00:00.000Z',
    ]);
    expect(schedule(boards, utc(2026, 12, 31, 23, 59))).toEqual([
      'daily:2026-12-31 until 2027-01-01T00:00:00.000Z',
      'weekly:2026-12-28 until 2027-01-04T00:00:00.000Z',
      'monthly:2026-12 until 2027-01-01T00:00:00.000Z',
    ]);
    expect(boards.target('default', 'global', utc(2026, 12, 31))).toEqual({
      board: 'global',
      nextResetAt: null,
    });
  });
});

describe('periods in a time zone with daylight saving', () => {
  it('America/New_York: the spring-forward day is 23 hours, the fall-back day 25, each reset at local midnight', () => {
    const boards = new Boards({ timeZone: 'America/New_York' });
    // Sunday 8 March 2026, 02:00 EST becomes 03:00 EDT: the day runs 05:00 to 04:00 UTC.
    expect(schedule(boards, utc(2026, 3, 8, 5))).toEqual([
      'daily:2026-03-08 until 2026-03-09T04:00:00.000Z',
      'weekly:2026-03-02 until 2026-03-09T04:00:00.000Z',
      'monthly:2026-03 until 2026-04-01T04:00:00.000Z',
    ]);
    expect(schedule(boards, utc(2026, 3, 8, 5) - 1)[0]).toBe(
      'daily:2026-03-07 until 2026-03-08T05:00:00.000Z',
    );
    expect(schedule(boards, utc(2026, 3, 9, 4) - 1)[0]).toBe(
      'daily:2026-03-08 until 2026-03-09T04:00:00.000Z',
    );
    expect(schedule(boards, utc(2026, 3, 9, 4))).toEqual([
      'daily:2026-03-09 until 2026-03-10T04:00:00.000Z',
      'weekly:2026-03-09 until 2026-03-16T04:00:00.000Z',
      'monthly:2026-03 until 2026-04-01T04:00:00.000Z',
    ]);
    // Sunday 1 November 2026, 02:00 EDT becomes 01:00 EST: the day runs 04:00 to 05:00 UTC the next day.
    expect(schedule(boards, utc(2026, 11, 1, 4))).toEqual([
      'daily:2026-11-01 until 2026-11-02T05:00:00.000Z',
      'weekly:2026-10-26 until 2026-11-02T05:00:00.000Z',
      'monthly:2026-11 until 2026-12-01T05:00:00.000Z',
    ]);
    expect(schedule(boards, utc(2026, 11, 1, 4) - 1)[2]).toBe(
      'monthly:2026-10 until 2026-11-01T04:00:00.000Z',
    );
    const calendar = new TimeZoneCalendar('America/New_York');
    expect(calendar.dayLength({ year: 2026, month: 3, day: 8 })).toBe(23 * HOUR);
    expect(calendar.dayLength({ year: 2026, month: 11, day: 1 })).toBe(25 * HOUR);
    expect(calendar.dayLength({ year: 2026, month: 11, day: 2 })).toBe(24 * HOUR);
  });

  it('Europe/Berlin: 29 March 2026 is 23 hours, 25 October 25 hours, and months end at local midnight', () => {
    const boards = new Boards({ timeZone: 'Europe/Berlin' });
    expect(schedule(boards, utc(2026, 3, 28, 23))).toEqual([
      'daily:2026-03-29 until 2026-03-29T22:00:00.000Z',
      'weekly:2026-03-23 until 2026-03-29T22:00:00.000Z',
      'monthly:2026-03 until 2026-03-31T22:00:00.000Z',
    ]);
    expect(schedule(boards, utc(2026, 3, 28, 23) - 1)[0]).toBe(
      'daily:2026-03-28 until 2026-03-28T23:00:00.000Z',
    );
    expect(schedule(boards, utc(2026, 10, 24, 22))).toEqual([
      'daily:2026-10-25 until 2026-10-25T23:00:00.000Z',
      'weekly:2026-10-19 until 2026-10-25T23:00:00.000Z',
      'monthly:2026-10 until 2026-10-31T23:00:00.000Z',
    ]);
    const calendar = new TimeZoneCalendar('Europe/Berlin');
    expect(calendar.dayLength({ year: 2026, month: 3, day: 29 })).toBe(23 * HOUR);
    expect(calendar.dayLength({ year: 2026, month: 10, day: 25 })).toBe(25 * HOUR);
  });

  it('every local midnight is the first instant of its date, across two years in five zones', () => {
    // Brute force: step a minute at a time to where the local date changes.
    for (const zone of [
      'UTC',
      'America/New_York',
      'Europe/Berlin',
      'Australia/Lord_Howe',
      'America/Santiago',
    ]) {
      const calendar = new TimeZoneCalendar(zone);
      let date: LocalDate = { year: 2026, month: 1, day: 1 };
      for (let i = 0; i < 730; i += 3, date = addDays(date, 3)) {
        const start = calendar.startOfDay(date);
        expect(calendar.dateAt(start), `${zone} ${JSON.stringify(date)}`).toEqual(date);
        expect(calendar.dateAt(start - 1), `${zone} ${JSON.stringify(date)}`).toEqual(addDays(date, -1));
      }
    }
  });

  it('America/Santiago skips midnight itself: the day starts at 01:00', () => {
    // Chile moves its clocks from 24:00 on Saturday 5 September 2026 to 01:00 (UTC-4 to UTC-3).
    const calendar = new TimeZoneCalendar('America/Santiago');
    expect(new Date(calendar.startOfDay({ year: 2026, month: 9, day: 6 })).toISOString()).toBe(
      '2026-09-06T04:00:00.000Z',
    );
    expect(calendar.dayLength({ year: 2026, month: 9, day: 5 })).toBe(24 * HOUR);
    expect(calendar.dayLength({ year: 2026, month: 9, day: 6 })).toBe(23 * HOUR);
  });

  it('RESET_TIME_ZONE is UTC by default, and a name the runtime does not know stops the start', () => {
    expect(resolveConfig({}, TEST_ENV).resetTimeZone).toBe('UTC');
    expect(resolveConfig({}, { ...TEST_ENV, RESET_TIME_ZONE: 'Asia/Tokyo' }).resetTimeZone).toBe(
      'Asia/Tokyo',
    );
    expect(() => resolveConfig({}, { ...TEST_ENV, RESET_TIME_ZONE: 'Mars/Olympus' })).toThrow(
      'RESET_TIME_ZONE must be an IANA time zone name such as UTC, Europe/Berlin or America/New_York, not "Mars/Olympus"',
    );
  });
});

const backends = useBothBackends('periods');

for (const [name, open] of backends) {
  describe(`period boards on the server (${name})`, () => {
    let s: BoardsApp | undefined;
    afterEach(async () => {
      await s?.close();
    });

    async function rows(period: string) {
      const answer = await (s as BoardsApp).read(period);
      return `${answer.rows.join(' ') || 'empty'} (resets ${answer.nextResetAt === null ? 'never' : new Date(answer.nextResetAt ?? 0).toISOString()})`;
    }

    it('a run counts on every current board; each resets at its Berlin midnight, the spring-forward day included', async () => {
      // Sunday 29 March 2026, 23:59 in Berlin (CEST): the last minute of the day, the week and nearly the month.
      s = await startBoardsApp(await open(), utc(2026, 3, 29, 21, 59), { timeZone: 'Europe/Berlin' });
      expect((await s.play('amy', 30)).status).toBe(200);
      expect(await rows('daily')).toBe('1:amy:30 (resets 2026-03-29T22:00:00.000Z)');
      expect(await rows('weekly')).toBe('1:amy:30 (resets 2026-03-29T22:00:00.000Z)');
      expect(await rows('monthly')).toBe('1:amy:30 (resets 2026-03-31T22:00:00.000Z)');
      expect(await rows('global')).toBe('1:amy:30 (resets never)');
      s.clock.now = utc(2026, 3, 29, 22); // Monday 00:00 in Berlin
      expect(await rows('daily')).toBe('empty (resets 2026-03-30T22:00:00.000Z)');
      expect(await rows('weekly')).toBe('empty (resets 2026-04-05T22:00:00.000Z)');
      expect(await rows('monthly')).toBe('1:amy:30 (resets 2026-03-31T22:00:00.000Z)');
      expect((await s.play('bob', 10)).status).toBe(200);
      expect(await rows('daily')).toBe('1:bob:10 (resets 2026-03-30T22:00:00.000Z)');
      expect(await rows('monthly')).toBe('1:amy:30 2:bob:10 (resets 2026-03-31T22:00:00.000Z)');
      s.clock.now = utc(2026, 3, 31, 22) - 1; // Tuesday 31 March, 23:59:59.999 in Berlin
      expect(await rows('monthly')).toBe('1:amy:30 2:bob:10 (resets 2026-03-31T22:00:00.000Z)');
      s.clock.now = utc(2026, 3, 31, 22); // 1 April 00:00
      expect(await rows('monthly')).toBe('empty (resets 2026-04-30T22:00:00.000Z)');
      expect(await rows('weekly')).toBe('1:bob:10 (resets 2026-04-05T22:00:00.000Z)');
      expect(await rows('global')).toBe('1:amy:30 2:bob:10 (resets never)');
    });

    it('in UTC, the month turns from 28 February to 1 March 2026 and a lower run still counts on the new boards', async () => {
      s = await startBoardsApp(await open(), utc(2026, 2, 28, 23, 59));
      await s.play('amy', 50);
      expect(await rows('monthly')).toBe('1:amy:50 (resets 2026-03-01T00:00:00.000Z)');
      s.clock.now = utc(2026, 3, 1);
      expect(await rows('monthly')).toBe('empty (resets 2026-04-01T00:00:00.000Z)');
      expect(await rows('daily')).toBe('empty (resets 2026-03-02T00:00:00.000Z)');
      // Below her all-time best, yet the best of the new day, week (from Monday 2 March: still the
      // old one) and month.
      expect((await s.play('amy', 20)).body).toEqual({ best: 50, rank: 1, newBest: false });
      expect(await rows('daily')).toBe('1:amy:20 (resets 2026-03-02T00:00:00.000Z)');
      expect(await rows('weekly')).toBe('1:amy:50 (resets 2026-03-02T00:00:00.000Z)');
      expect(await rows('monthly')).toBe('1:amy:20 (resets 2026-04-01T00:00:00.000Z)');
    });
  });
}
