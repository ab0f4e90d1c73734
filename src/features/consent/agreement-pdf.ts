import type { Content } from 'pdfmake/interfaces.js';
import { type DisplayZone, formatDateTime, formatInstantDate } from '../../core/datetime.js';
import { renderPdf } from '../../pdf/render.js';
import type { Agreement } from './agreements.js';
import { CHANNEL_LABELS } from './channels.js';
import type { ConsentRecord } from './consents.js';
import { type Inline, parseMarkdown } from './markdown.js';

const STYLE = { 1: 'title', 2: 'h2', 3: 'h3' } as const;
const runs = (xs: Inline[]) => xs.map((x) => (x.bold ? { text: x.text, bold: true } : x.text));
const yesNo = (b: boolean | undefined) => (b === undefined ? 'Not asked' : b ? 'Yes' : 'No');

const PLACES: Record<string, string> = { 'GB-ENG': 'England', 'GB-WLS': 'Wales', 'GB-SCT': 'Scotland', 'GB-NIR': 'Northern Ireland', 'US-CA': 'California', 'US-NY': 'New York', 'US-TX': 'Texas', 'US-FL': 'Florida' };
const SETTINGS: Record<string, string> = { private: 'private practice', organisation: 'a counselling organisation', school: 'a school', couple_family: 'couple and family work' };

/** "GB-ENG/private/adult" as a person reads it: "Adult agreement for private practice in England". */
export function templateWords(key: string): string {
  const [place, setting, audience] = key.split('/');
  const who = audience === 'young' ? 'Young person’s agreement' : 'Adult agreement';
  return `${who} for ${SETTINGS[setting] ?? (setting ?? '').replace(/_/g, ' ')}${PLACES[place] ? ` in ${PLACES[place]}` : ''}`;
}

const LONDON: DisplayZone = { locale: 'en-GB', timeZone: 'Europe/London' };

/**
 * The signed agreement as a PDF: the exact text the client read, then what they chose, who signed,
 * how and when (in the practice's time zone, named), and — in a labelled appendix, apart from what
 * the client reads — the hashes that tie this copy to the stored version.
 */
export async function agreementPdf(a: Agreement, text: string, consents: ConsentRecord[], zone: DisplayZone = LONDON): Promise<Buffer> {
  const body: Content[] = parseMarkdown(text).map((b): Content => {
    if (b.kind === 'heading') return { text: b.text, style: STYLE[b.level] };
    if (b.kind === 'list') return { ul: b.items.map((i) => ({ text: runs(i) })), margin: [0, 0, 0, 6] };
    return { text: runs(b.inline), margin: [0, 0, 0, 6] };
  });
  const mine = consents.filter((c) => c.agreementId === a.id && c.source !== 'practitioner');
  const pick = (kind: string) => mine.find((c) => c.kind === kind)?.given;
  const channelRows = a.fields.channels.map((ch) => {
    const c = mine.find((x) => x.kind === 'channel' && x.channel === ch);
    const now = consents.filter((x) => x.kind === 'channel' && x.channel === ch && x.state !== 'superseded').at(-1);
    return [CHANNEL_LABELS[ch], yesNo(c?.given), now?.state === 'withdrawn' ? `Withdrawn ${formatInstantDate(now.withdrawnAt, zone)}` : ''];
  });
  const agreed = a.fields.channels.filter((ch) => mine.find((x) => x.kind === 'channel' && x.channel === ch)?.given);
  const s = a.signature;
  const record: Content[] = [
    { text: 'Record of agreement', style: 'h2', pageBreak: 'before' },
    {
      table: {
        widths: [150, '*'],
        body: [
          ['Agreement', `${templateWords(a.templateKey)}, version ${a.version}`],
          ['Status', a.status === 'signed' ? 'Signed' : a.status === 'void' ? 'Replaced before signing' : 'Awaiting signature'],
        ],
      },
      layout: 'lightHorizontalLines',
    },
    { text: 'Choices', style: 'h3' },
    { table: { widths: [150, '*'], body: [['Keeping records', yesNo(pick('records'))], ['Supervision without identifying details', yesNo(pick('supervision'))]] }, layout: 'lightHorizontalLines' },
    { text: 'Ways of keeping in touch', style: 'h3' },
    { text: `Chosen channels: ${agreed.length ? agreed.map((c) => CHANNEL_LABELS[c]).join(', ') : 'none'}`, margin: [0, 0, 0, 4] },
    channelRows.length
      ? { table: { headerRows: 1, widths: [150, 60, '*'], body: [[{ text: 'Channel', style: 'tableHeader' }, { text: 'Agreed', style: 'tableHeader' }, { text: 'Since', style: 'tableHeader' }], ...channelRows] }, layout: 'lightHorizontalLines' }
      : { text: 'No channels were offered: contact is in person only.' },
    { text: 'Signature', style: 'h3' },
    s
      ? {
          table: {
            widths: [150, '*'],
            body: [
              ['Signed by', `${s.name} (${s.signer === 'parent' ? 'person with parental responsibility' : 'client'})`],
              ['Signature', s.method === 'drawn' ? 'Drawn by hand' : 'Typed name'],
              ['Signed at', formatDateTime(s.signedAt, zone)],
              ['Signed', a.signedVia === 'link' ? 'Online, through a single-use signing link' : 'In person, with the practitioner'],
              ['Capacity', a.withoutCapacity ? 'Recorded as NOT able to give informed consent at the time' : 'No concern recorded'],
            ],
          },
          layout: 'lightHorizontalLines',
        }
      : { text: 'Not signed yet.' },
    ...(s?.image ? [{ image: s.image, width: 200, margin: [0, 8, 0, 0] } as Content] : []),
  ];
  const appendix: Content[] = [
    { text: 'Appendix: verification', style: 'h2', pageBreak: 'before' },
    { text: 'You do not need this page to read the agreement. These fingerprints (SHA-256) let the practice, or anyone checking later, confirm that this copy matches the version stored when it was signed.', style: 'meta', margin: [0, 0, 0, 6] },
    {
      table: {
        widths: [150, '*'],
        body: [
          ['Template reference', `${a.templateKey}, version ${a.version}`],
          ['Template fingerprint', { text: a.templateHash, fontSize: 8 }],
          ['Document fingerprint', { text: a.documentHash, fontSize: 8 }],
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
  return renderPdf([...body, ...record, ...appendix], { title: a.title, footer: `Confidential · ${a.title}, version ${a.version}` });
}
