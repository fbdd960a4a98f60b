// The activities as an iCalendar feed (RFC 5545), for a phone or desktop calendar to
// subscribe to. Written by hand: the format is small, and its traps are known ones —
// lines fold at 75 octets (not characters, and never inside a UTF-8 sequence), text
// escapes \ ; , and newlines, UIDs stay the same across fetches, and an all-day event's
// DTEND is the exclusive next day.
import { inArray } from 'drizzle-orm';
import { agencies, units } from '../../db/schema';
import type { Activity, ActivityQuery } from '../contracts/activities';
import { actsProvinceWide } from '../domain/permissions';
import { addDays, addMonths, type Clock, todayIn, utcToSecond } from '../domain/time';
import { listActivities } from './activities';
import type { ServiceContext } from './context';

/** What an event says beside its times: who leads it, where, and the address that opens it. */
type EventWords = {
  agencyName: (id: number) => string;
  unitName: (id: number) => string;
  linkOf: (activity: Activity) => string;
};

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

/** The place as a subscriber's calendar shows it: the venue, then the units it is held in. */
function placeOf(activity: Activity, words: EventWords): string {
  return [activity.venue, ...activity.unitIds.map(words.unitName)].filter(Boolean).join(', ');
}

/** The lead agency first, then the description, then the link back: a phone shows the first lines. */
function descriptionOf(activity: Activity, words: EventWords): string {
  return [
    `Cơ quan chủ trì: ${words.agencyName(activity.leadAgencyId)}`,
    ...(activity.description ? [activity.description] : []),
    words.linkOf(activity),
  ].join('\n');
}

function eventLines(activity: Activity, uidDomain: string, words: EventWords): string[] {
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
    `DESCRIPTION:${escapeText(descriptionOf(activity, words))}`,
    ...(placeOf(activity, words) ? [`LOCATION:${escapeText(placeOf(activity, words))}`] : []),
    `URL:${words.linkOf(activity)}`,
    `STATUS:${statusOf[activity.status]}`,
    'END:VEVENT',
  ];
}

/** Names by id of the agencies and units the events name, read once for the whole feed. */
function eventWords(ctx: ServiceContext, items: readonly Activity[], origin: string): EventWords {
  const agencyIds = [...new Set(items.map((activity) => activity.leadAgencyId))];
  const unitIds = [...new Set(items.flatMap((activity) => activity.unitIds))];
  const agencyNames = new Map(
    agencyIds.length === 0
      ? []
      : ctx.db
          .select({ id: agencies.id, name: agencies.name })
          .from(agencies)
          .where(inArray(agencies.id, agencyIds))
          .all()
          .map((row) => [row.id, row.name]),
  );
  const unitNames = new Map(
    unitIds.length === 0
      ? []
      : ctx.db
          .select({ id: units.id, name: units.name })
          .from(units)
          .where(inArray(units.id, unitIds))
          .all()
          .map((row) => [row.id, row.name]),
  );
  return {
    agencyName: (id) => agencyNames.get(id) ?? '',
    unitName: (id) => unitNames.get(id) ?? '',
    // The calendar opens on the activity's day with its details shown.
    linkOf: (activity) => `${origin}/?date=${activity.start.slice(0, 10)}&activity=${activity.id}`,
  };
}

/**
 * A subscriber sees their own work unless they ask otherwise: an agency's editor and a unit's
 * reporter get what their agency leads or joins and what happens in their units (`mine`).
 */
function feedScope(ctx: ServiceContext, mine: ActivityQuery['mine']): ActivityQuery['mine'] {
  if (mine !== undefined || !ctx.actor) return mine;
  return actsProvinceWide(ctx.actor.role) ? undefined : 'true';
}

export function calendarFeed(
  ctx: ServiceContext,
  query: Omit<ActivityQuery, 'start' | 'end'> & { start?: string | undefined; end?: string | undefined },
  uidDomain: string,
  origin: string,
): string {
  const range =
    query.start || query.end
      ? { start: query.start, end: query.end }
      : defaultFeedRange(ctx.timeZone, ctx.now);
  const { items } = listActivities(ctx, { ...query, ...range, mine: feedScope(ctx, query.mine) });
  const words = eventWords(ctx, items, origin);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Lich truyen thong PCMBN//Communication campaign calendar//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText('Lịch truyền thông phòng, chống mua bán người')}`,
    `X-WR-TIMEZONE:${ctx.timeZone}`,
    ...items.flatMap((activity) => eventLines(activity, uidDomain, words)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
