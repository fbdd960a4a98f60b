// The activities as an iCalendar feed (RFC 5545), for a phone or desktop calendar to
// subscribe to. Written by hand: the format is small, and its traps are known ones —
// lines fold at 75 octets (not characters, and never inside a UTF-8 sequence), text
// escapes \ ; , and newlines, UIDs stay the same across fetches, and an all-day event's
// DTEND is the exclusive next day.
import type { Activity, ActivityQuery } from '../contracts/activities';
import { addDays, addMonths, type Clock, todayIn, utcToSecond } from '../domain/time';
import { listActivities } from './activities';
import type { ServiceContext } from './context';

/** Without a range, a feed covers what a subscriber cares about: three months back, a year ahead. */
export function defaultFeedRange(timeZone: string, clock: Clock): { start: string; end: string } {
  const today = todayIn(timeZone, clock);
  return { start: addMonths(today, -3), end: addDays(addMonths(today, 12), 1) };
}

export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line into chunks of at most 75 octets, each continuation starting with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const chunks: string[] = [];
  let chunk = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    // The first line holds 75 octets; continuations hold 74 after their leading space.
    const limit = chunks.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      chunks.push(chunk);
      chunk = '';
      octets = 0;
    }
    chunk += character;
    octets += size;
  }
  chunks.push(chunk);
  return chunks.join('\r\n ');
}

const basicDate = (date: string) => date.replaceAll('-', '');

/** A timed instant as UTC in iCalendar's basic form: 20250730T010000Z. */
function basicUtc(isoWithOffset: string): string {
  return utcToSecond(isoWithOffset).replace(/[-:]/g, '');
}

const statusOf: Record<Activity['status'], string> = {
  planned: 'TENTATIVE',
  confirmed: 'CONFIRMED',
  done: 'CONFIRMED',
  postponed: 'TENTATIVE',
  cancelled: 'CANCELLED',
};

function eventLines(activity: Activity, uidDomain: string): string[] {
  const times = activity.allDay
    ? [`DTSTART;VALUE=DATE:${basicDate(activity.start)}`, `DTEND;VALUE=DATE:${basicDate(activity.end)}`]
    : [`DTSTART:${basicUtc(activity.start)}`, `DTEND:${basicUtc(activity.end)}`];
  const stamp = basicUtc(activity.updatedAt);
  return [
    'BEGIN:VEVENT',
    `UID:activity-${activity.id}@${uidDomain}`,
    `DTSTAMP:${stamp}`,
    `LAST-MODIFIED:${stamp}`,
    `SEQUENCE:${activity.version - 1}`,
    ...times,
    `SUMMARY:${escapeText(activity.title)}`,
    ...(activity.description ? [`DESCRIPTION:${escapeText(activity.description)}`] : []),
    ...(activity.venue ? [`LOCATION:${escapeText(activity.venue)}`] : []),
    `STATUS:${statusOf[activity.status]}`,
    'END:VEVENT',
  ];
}

export function calendarFeed(
  ctx: ServiceContext,
  query: Omit<ActivityQuery, 'start' | 'end'> & { start?: string | undefined; end?: string | undefined },
  uidDomain: string,
): string {
  const range =
    query.start || query.end
      ? { start: query.start, end: query.end }
      : defaultFeedRange(ctx.timeZone, ctx.now);
  const { items } = listActivities(ctx, { ...query, ...range });
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Lich truyen thong PCMBN//Communication campaign calendar//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText('Lịch truyền thông phòng, chống mua bán người')}`,
    `X-WR-TIMEZONE:${ctx.timeZone}`,
    ...items.flatMap((activity) => eventLines(activity, uidDomain)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
