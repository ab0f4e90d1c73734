/**
 * Synthetic clients and session notes for a demonstration practice. Every name, place and event is
 * invented; notes are composed from fragments so months of work read plausibly.
 */
export interface DemoClient {
  name: string;
  dob: string;
  email: string;
  phone: string;
  gp: string;
  presenting: string;
  modality: 'in_person' | 'video' | 'phone';
  address?: string;
}

export const DEMO_CLIENTS: DemoClient[] = [
  { name: 'Amara Okafor', dob: '1987-03-14', email: 'amara.okafor@example.com', phone: '07700 900101', gp: 'Dr Hale, Meadowbank Surgery', presenting: 'low mood after redundancy', modality: 'in_person', address: '4 Anchor Lane, Portside' },
  { name: 'Tomasz Wiśniewski', dob: '1975-11-02', email: 't.wisniewski@example.net', phone: '07700 900102', gp: 'Dr Osei, Harbour Lane Practice', presenting: 'bereavement following the death of his father', modality: 'video', address: '17 Willow Crescent, Portside' },
  { name: 'Eleanor Price', dob: '1952-06-23', email: 'eleanor.price@example.org', phone: '01632 960103', gp: 'Dr Fenwick, Stonegate Medical Centre', presenting: 'anxiety about health and isolation since moving', modality: 'in_person', address: '2 Chapel Row, Eastfield' },
  { name: 'Jamie Rees', dob: '2004-09-30', email: 'jamie.rees@example.com', phone: '07700 900104', gp: 'Dr Patel, Riverside Health Centre', presenting: 'exam stress and friendship difficulties', modality: 'in_person', address: '31 Mill Street, Portside' },
  { name: 'Priya Raman', dob: '1991-01-19', email: 'priya.r@example.com', phone: '07700 900105', gp: 'Dr Hale, Meadowbank Surgery', presenting: 'panic attacks on the commute', modality: 'video', address: '9 Orchard Close, Westbury' },
  { name: 'Callum MacLeod', dob: '1983-08-08', email: 'callum.macleod@example.net', phone: '07700 900106', gp: 'Dr Byrne, Castlegate Surgery', presenting: 'anger and relationship strain', modality: 'in_person', address: '56 Station Road, Eastfield' },
  { name: 'Sofia Marquez', dob: '1996-04-27', email: 'sofia.marquez@example.org', phone: '07700 900107', gp: 'Dr Osei, Harbour Lane Practice', presenting: 'disordered eating and perfectionism', modality: 'phone', address: '12 Ropewalk, Portside' },
  { name: 'Graham Whitfield', dob: '1964-12-11', email: 'g.whitfield@example.com', phone: '01632 960108', gp: 'Dr Fenwick, Stonegate Medical Centre', presenting: 'work-related burnout', modality: 'in_person', address: '8 Beacon Terrace, Westbury' },
  { name: 'Hannah Cohen', dob: '1979-02-05', email: 'hannah.cohen@example.net', phone: '07700 900109', gp: 'Dr Patel, Riverside Health Centre', presenting: 'postnatal low mood', modality: 'video', address: '23 Tannery Yard, Portside' },
  { name: 'Kwame Mensah', dob: '2001-10-16', email: 'kwame.m@example.org', phone: '07700 900110', gp: 'Dr Byrne, Castlegate Surgery', presenting: 'loneliness in the first year of university', modality: 'in_person', address: '5 Quay Steps, Portside' },
  { name: 'Rosa Delgado', dob: '1969-07-03', email: 'rosa.delgado@example.com', phone: '07700 900111', gp: 'Dr Hale, Meadowbank Surgery', presenting: 'caring for a parent with dementia', modality: 'phone', address: '41 Hillside Drive, Eastfield' },
  { name: 'Oliver Brandt', dob: '1988-05-21', email: 'oliver.brandt@example.net', phone: '07700 900112', gp: 'Dr Osei, Harbour Lane Practice', presenting: 'trauma symptoms after a road accident', modality: 'in_person', address: '3 Harbour View, Portside' },
];

/**
 * Two clients seen years ago, whose cases closed long since: one record past its retention period
 * and destroyed (with its certificate), and one whose last session was seven years ago today, so its
 * record has just come up for review. Six weekly sessions each, the first a week after opening.
 */
export const FORMER_CLIENTS: (DemoClient & { lastSession: (today: string) => string })[] = [
  { name: 'Margaret Lowe', dob: '1958-02-17', email: 'm.lowe@example.org', phone: '01632 960116', gp: 'Dr Fenwick, Stonegate Medical Centre', presenting: 'adjusting to retirement', modality: 'in_person', address: '7 Lantern Walk, Westbury', lastSession: (today) => yearsBefore(today, 8) },
  { name: 'Steven Park', dob: '1980-09-09', email: 'steven.park@example.net', phone: '07700 900117', gp: 'Dr Byrne, Castlegate Surgery', presenting: 'sleep problems during a divorce', modality: 'in_person', address: '19 Ferry Lane, Portside', lastSession: (today) => yearsBefore(today, 7) },
];

/** The same calendar day `years` earlier (28 February for 29 February). */
export const yearsBefore = (iso: string, years: number): string => {
  const [y, m, d] = iso.split('-');
  return `${Number(y) - years}-${m}-${m === '02' && d === '29' ? '28' : d}`;
};

const OPENINGS = [
  'Arrived on time and settled quickly.',
  'Arrived a few minutes late, apologetic and a little flustered.',
  'Seemed tired today and took a while to settle.',
  'Came in brighter than last week.',
  'Joined the call from a quiet room at home.',
  'Was quiet at the start and spoke more as the session went on.',
];

const THEMES = [
  'We returned to {presenting}, and looked at what had been hardest since we last met.',
  'We spent most of the session on {presenting}, noticing the patterns that come up when things feel out of control.',
  'Explored how {presenting} shows up in everyday routines: sleep, meals and getting out of the house.',
  'Talked about the week, which led back to {presenting} and the feelings underneath it.',
  'Reviewed progress against the goals we agreed at assessment, with {presenting} still the main focus.',
];

const WORK = [
  'Practised a grounding exercise together; reported feeling calmer afterwards.',
  'Worked on noticing early warning signs and what helps at those moments.',
  'Looked at a recent difficult conversation and what might have been said differently.',
  'Explored self-criticism and tried a kinder way of describing the same events.',
  'Named some of the losses involved and allowed time for them.',
  'Reflected on support available outside the sessions and who could be asked for help.',
];

const RISK = [
  'No current risk to self or others disclosed. Reminded of how to reach crisis support between sessions.',
  'Risk reviewed: no thoughts of self-harm reported this week.',
  'No risk concerns raised today.',
];

const PLANS = [
  'Plan: keep a brief diary of low points and bring it next week.',
  'Plan: try the breathing exercise once a day and notice what changes.',
  'Plan: continue weekly sessions; review goals in four weeks.',
  'Plan: think about whether to raise the issue at work before next session.',
];

const PROCESS = [
  'I noticed a pull to reassure rather than stay with the distress; worth taking to supervision.',
  'Felt protective in the room and a little anxious when the session ended; possible countertransference.',
  'Struck by how quickly the subject changed when family came up. Hold this lightly.',
];

/** A small seeded generator so the demo is the same every time. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)];

const YOUNG_PLANS = [
  'Plan: keep a brief diary of low points and bring it next week.',
  'Plan: try the breathing exercise before lessons and notice what changes.',
  'Plan: think about which adult at school she could go to on a hard day.',
  'Plan: continue weekly sessions in school time; review goals in four weeks.',
];

/** Fragments that fit the client: no call for someone seen in the room, no job for a school pupil. */
export function progressNote(r: () => number, c: DemoClient, young = false): string {
  const openings = c.modality === 'in_person' ? OPENINGS.filter((o) => !o.includes('call')) : OPENINGS;
  return [pick(r, openings), pick(r, THEMES).replace('{presenting}', c.presenting), pick(r, WORK), pick(r, RISK), pick(r, young ? YOUNG_PLANS : PLANS)].join(' ');
}

export const processNote = (r: () => number): string => pick(r, PROCESS);
