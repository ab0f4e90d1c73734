/** Check digits and format rules for identifiers, so a random number is not taken for one. */

const digitsOf = (s: string) => s.replace(/\D/g, '');

export function luhnValid(raw: string): boolean {
  const d = digitsOf(raw);
  if (d.length < 12 || d.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/** NHS number: ten digits, modulus 11 with weights 10..2; a check value of 10 is never issued. */
export function nhsValid(raw: string): boolean {
  const d = digitsOf(raw);
  if (d.length !== 10 || /^(\d)\1{9}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === d.charCodeAt(9) - 48;
}

const NINO_BAD_PREFIX = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);

/** National Insurance number: two letters, six digits, suffix A-D (HMRC format rules). */
export function ninoValid(raw: string): boolean {
  const s = raw.replace(/\s/g, '').toUpperCase();
  const m = /^([A-Z])([A-Z])\d{6}[A-D]$/.exec(s);
  if (!m) return false;
  const [, a, b] = m;
  if ('DFIQUV'.includes(a) || 'DFIQUVO'.includes(b)) return false;
  return !NINO_BAD_PREFIX.has(a + b);
}

/** Numbers published as examples or misused so widely that they identify no one. */
const SSN_PUBLIC = new Set(['078051120', '219099999', '457555462']);

/** US SSN: area not 000, 666 or 9xx; group not 00; serial not 0000; one separator style. */
export function ssnValid(raw: string): boolean {
  const m = /^(\d{3})([- .]?)(\d{2})([- .]?)(\d{4})$/.exec(raw);
  if (!m) return false;
  const [, area, s1, group, s2, serial] = m;
  if (s1 && s2 && s1 !== s2) return false;
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (group === '00' || serial === '0000') return false;
  const d = area + group + serial;
  return !SSN_PUBLIC.has(d) && !/^(\d)\1{8}$/.test(d);
}

/** US ITIN: 9xx, then a group in 50-65, 70-88, 90-92 or 94-99. */
export function itinValid(raw: string): boolean {
  const m = /^(9\d{2})([- ]?)(\d{2})([- ]?)(\d{4})$/.exec(raw);
  if (!m) return false;
  const g = Number(m[3]);
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || g >= 94;
}

/**
 * UK (DVLA) driving licence: 5 surname characters (letters padded with 9s), decade digit, month
 * (plus 50 for women), day, year digit, two initials (9 pads), a digit, two check letters.
 */
export function ukLicenceValid(raw: string): boolean {
  const s = raw.toUpperCase();
  const m = /^([A-Z][A-Z9]{4})(\d)(\d{2})(\d{2})(\d)([A-Z9]{2})(\d)([A-Z]{2})$/.exec(s);
  if (!m) return false;
  if (!/^[A-Z]+9*$/.test(m[1])) return false;
  let month = Number(m[3]);
  if (month > 50) month -= 50;
  const day = Number(m[4]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
