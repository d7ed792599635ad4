/**
 * A minimal RFC 5545 writer: enough for a subscribable meeting feed. Times are written as Asia/Shanghai wall-clock
 * time with TZID and a VTIMEZONE (China keeps +08:00 all year), DTSTAMP in UTC.
 */
export type IcsEvent = {
  uid: string; sequence: number; stamp: Date; start: Date; end: Date; summary: string; location?: string;
  description?: string; url?: string; cancelled?: boolean;
};

const TZ = 'Asia/Shanghai';
const VTIMEZONE = ['BEGIN:VTIMEZONE', `TZID:${TZ}`, 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0800', 'TZNAME:CST', 'END:STANDARD', 'END:VTIMEZONE'];

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (d: Date, offsetMs: number, z: boolean) => {
  const t = new Date(d.getTime() + offsetMs);
  return `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}T${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}${z ? 'Z' : ''}`;
};
const local = (d: Date) => stamp(d, 8 * 3_600_000, false);
const utc = (d: Date) => stamp(d, 0, true);
export const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function fold(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

export function renderIcs(name: string, events: IcsEvent[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Liaison//Meetings//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(name)}`, `X-WR-TIMEZONE:${TZ}`, ...VTIMEZONE];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT', `UID:${e.uid}`, `SEQUENCE:${e.sequence}`, `DTSTAMP:${utc(e.stamp)}`,
      `DTSTART;TZID=${TZ}:${local(e.start)}`, `DTEND;TZID=${TZ}:${local(e.end)}`, `SUMMARY:${escapeText(e.summary)}`,
      ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []), ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.url ? [`URL:${e.url}`] : []), `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
