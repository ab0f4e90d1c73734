/**
 * Moves a written date by a fixed number of days and writes it back in the same style, so the
 * intervals between dates in a case survive while the real dates do not.
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const REF_YEAR = 2001; // a common year, for dates written without one

const monthIndex = (s: string) => MONTHS.findIndex((m) => m.startsWith(s.toLowerCase().slice(0, 3)));
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const ordinal = (n: number) => (n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th');

function shiftYmd(y: number, m: number, d: number, days: number): Date {
  const dt = new Date(Date.UTC(y, m, d));
  dt.setUTCDate(dt.getUTCDate() + days);
  return dt;
}

export function shiftDate(text: string, days: number): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(.*)$/s.exec(text);
  if (m) {
    const d = shiftYmd(+m[1], +m[2] - 1, +m[3], days);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}${m[4]}`;
  }
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(.*)$/s.exec(text);
  if (m) {
    const monthFirst = +m[3] > 12 && +m[1] <= 12;
    const [day, mon] = monthFirst ? [+m[3], +m[1]] : [+m[1], +m[3]];
    const y = m[4].length === 2 ? 2000 + +m[4] - (+m[4] > 50 ? 100 : 0) : +m[4];
    const d = shiftYmd(y, mon - 1, day, days);
    const dd = pad(d.getUTCDate(), m[1].length === 2 && !monthFirst ? 2 : 1);
    const mm = pad(d.getUTCMonth() + 1, (monthFirst ? m[1] : m[3]).length);
    const yy = m[4].length === 2 ? pad(d.getUTCFullYear() % 100, 2) : String(d.getUTCFullYear());
    return (monthFirst ? [mm, dd, yy] : [dd, mm, yy]).join(m[2]) + m[5];
  }
  if (/^(?:19|20)\d{2}$/.test(text)) return String(+text + Math.round(days / 365.25));
  return shiftWritten(text, days);
}

function shiftWritten(text: string, days: number): string | null {
  const day = /\b(\d{1,2})(st|nd|rd|th)?\b(?!\d)/.exec(text.replace(/\b\d{4}\b/, ''));
  const monthM = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?/i.exec(text);
  const yearM = /\b(\d{4})\b|['’](\d{2})\b/.exec(text);
  if (!monthM) return null;
  const mon = monthIndex(monthM[1]);
  const year = yearM ? (yearM[1] ? +yearM[1] : 2000 + +yearM[2]) : REF_YEAR;
  const abbreviated = monthM[0].replace('.', '').length <= 4 && monthM[0].toLowerCase() !== 'june' && monthM[0].toLowerCase() !== 'july';
  const weekday = /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?/.exec(text);
  const d = shiftYmd(year, mon, day ? +day[1] : 15, days);
  const name = MONTHS[d.getUTCMonth()];
  let monthOut = name[0].toUpperCase() + name.slice(1);
  if (abbreviated) monthOut = monthOut.slice(0, 3);
  const yearOut = yearM ? (yearM[1] ? String(d.getUTCFullYear()) : `’${pad(d.getUTCFullYear() % 100, 2)}`) : '';
  if (!day) return [monthOut, yearOut].filter(Boolean).join(' ');
  const dayOut = String(d.getUTCDate()) + (day[2] ? ordinal(d.getUTCDate()) : '');
  const monthFirst = text.indexOf(monthM[0]) < text.indexOf(day[0]);
  const core = monthFirst ? `${monthOut} ${dayOut}${yearOut ? ', ' + yearOut : ''}` : `${dayOut} ${monthOut}${yearOut ? ' ' + yearOut : ''}`;
  return (weekday ? DAYS[d.getUTCDay()] + ' ' : '') + core;
}
