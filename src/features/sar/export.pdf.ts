/** The readable export: a cover letter, contents, the records themselves and the redaction summary. */
import type { Content } from 'pdfmake/interfaces.js';
import { formatDate, formatDateTime, formatInstantDate, zoneName } from '../../core/datetime.js';
import { renderPdf } from '../../pdf/render.js';
import type { ExportView } from './export.view.js';
import { textOf } from './export.view.js';

const RIGHT_WORDS: Record<string, string> = {
  access: 'your request for a copy of your records', portability: 'your request to receive your records in a portable form',
  erasure: 'your request', rectification: 'your request', restriction: 'your request', objection: 'your request',
};

function coverLetter(v: ExportView, generatedOn: string): Content[] {
  const { a } = v;
  const longDate = (d: string) => formatDate(d, a.practice.zone.locale);
  const uk = a.request.regime === 'uk-gdpr';
  const law = uk ? 'Article 15 of the UK General Data Protection Regulation' : 'your right of access under HIPAA (45 CFR §164.524)';
  const out: Content[] = [
    { text: a.practice.name, style: 'meta' },
    { text: longDate(generatedOn), style: 'meta', margin: [0, 0, 0, 16] },
    { text: `Dear ${a.client.identity.name},`, margin: [0, 0, 0, 8] },
    { text: `Your records: ${RIGHT_WORDS[a.request.right] ?? 'your request'}`, style: 'title' },
    { text: `We received ${RIGHT_WORDS[a.request.right] ?? 'your request'} on ${longDate(a.request.receivedOn)}. This pack contains the personal information we hold about you, provided under ${law}. There is no charge for it.` },
    { text: 'It sets out your contact details as we hold them, the dates of your sessions, the notes written about your work together, letters and documents on your file, the agreements and consents you gave, any occasions on which information about you was shared with someone else, and a log of each time your record was opened.', margin: [0, 6, 0, 0] },
  ];
  if (v.withheld.length) {
    out.push({ text: 'A small amount of information has been left out, mostly because it is about other people — for example a partner who came to joint sessions — and they have a right to privacy too. Each place where something was left out is marked in the text with [withheld: …], and the last section lists the reasons in full.', margin: [0, 6, 0, 0] });
  }
  if (a.excludedProcessNotes) {
    out.push({ text: uk
      ? 'Some process notes have not been included because an exemption applies; the reason is given in the last section.'
      : 'Psychotherapy notes kept separately from your record are not included: the HIPAA right of access does not extend to them. You are welcome to ask your therapist about them.', margin: [0, 6, 0, 0] });
  }
  out.push({ text: uk
    ? 'If anything here is wrong or incomplete, tell us and we will correct it or add your own statement. If you are unhappy with how we dealt with your request, please tell us; you can also complain to the Information Commissioner’s Office (ico.org.uk, 0303 123 1113).'
    : 'If anything here is wrong or incomplete, you may ask us to amend it. If you believe your rights have not been respected, you can complain to us or to the U.S. Department of Health and Human Services, Office for Civil Rights (hhs.gov/ocr).', margin: [0, 6, 0, 0] });
  out.push({ text: 'With best wishes,', margin: [0, 12, 0, 0] }, { text: a.practice.name });
  return out;
}

const h2 = (text: string): Content => ({ text, style: 'h2', tocItem: true });

export interface ExportPdfOptions {
  /** Encrypt with AES-256 under this password (the client's copy); none for the sealed bundle inside Sanctum's own format. */
  encrypt?: { userPassword: string; ownerPassword: string };
}

export async function exportPdf(v: ExportView, generatedOn: string, progress: (done: number) => void = () => {}, opts: ExportPdfOptions = {}): Promise<Buffer> {
  const { a } = v;
  const z = a.practice.zone;
  const longDate = (d: string) => formatDate(d, z.locale);
  const instantDate = (iso: string) => formatInstantDate(iso, z);
  const idn = a.client.identity;
  const content: Content[] = [...coverLetter(v, generatedOn), { toc: { title: { text: 'Contents', style: 'h2' } }, pageBreak: 'before' }];
  content.push({ ...(h2('1. Your details') as object), pageBreak: 'before' } as Content);
  const details: [string, string | undefined][] = [['Name', idn.name], ['Date of birth', idn.dob ? longDate(idn.dob) : undefined], ['Email', idn.email], ['Phone', idn.phone], ['Address', idn.address], ['GP', idn.gp], ['Emergency contact', idn.emergencyContact], ['Pronouns', idn.pronouns], ['Record reference', a.client.caseCode], ['Record opened', instantDate(a.client.openedAt)]];
  content.push({ table: { widths: [120, '*'], body: details.filter(([, v2]) => v2).map(([k, v2]) => [{ text: k, bold: true }, v2 as string]) }, layout: 'lightHorizontalLines' });

  content.push(h2('2. Sessions'));
  // Long lists are set as lines of one text block: a table row per session or access costs
  // far more layout time in pdfmake and reads no better.
  content.push(a.sessions.length
    ? { text: a.sessions.map((s) => `${longDate(s.date)} · ${s.durationMinutes} minutes · ${s.modality.replace('_', ' ')} · ${s.attendance.replace(/_/g, ' ')}${s.jointWith ? ' · joint session' : ''}`).join('\n'), fontSize: 9 }
    : { text: 'No sessions are recorded.' });

  content.push(h2('3. Notes'));
  if (!a.notes.length) content.push({ text: 'No notes are recorded.' });
  const sessionDate = new Map(a.sessions.map((s) => [s.id, s.date]));
  a.notes.forEach((n, i) => {
    const when = n.sessionId && sessionDate.has(n.sessionId) ? `session of ${longDate(sessionDate.get(n.sessionId) as string)}` : instantDate(n.createdAt);
    content.push({ text: `${n.kind === 'process' ? 'Process note' : 'Progress note'} — ${when}${n.status === 'draft' ? ' (draft)' : ''}`, style: 'h3' });
    content.push({ text: textOf(v, n.id, n.text), preserveLeadingSpaces: true });
    for (const ad of n.addenda) content.push({ text: `Addendum, ${instantDate(ad.createdAt)}: ${textOf(v, ad.id, ad.text)}`, italics: true, margin: [12, 4, 0, 0] });
    if (i % 50 === 49) progress(i + 1);
  });

  content.push(h2('4. Letters and documents'));
  if (!a.documents.length) content.push({ text: 'There are no letters or documents on your file.' });
  for (const d of a.documents) {
    content.push({ text: `${d.title} — ${instantDate(d.createdAt)}`, style: 'h3' });
    content.push(d.text !== null ? { text: textOf(v, d.id, d.text) } : { text: `(${d.mediaType} file "${d.fileName}", included in the data package)`, style: 'meta' });
  }

  content.push(h2('5. Agreements and consents'));
  content.push(a.consents.items.length
    ? { ul: a.consents.items.map((c) => `${c.title} — ${c.status}${c.date ? `, ${c.date.length > 10 ? instantDate(c.date) : longDate(c.date)}` : ''}`) }
    : { text: 'No agreements or consents are recorded.' });
  // The words of each agreement as signed: the client agreed to these, not to a summary.
  for (const c of a.consents.items.filter((x) => x.text)) content.push({ text: `${c.title}, as signed`, style: 'h3' }, { text: c.text as string, fontSize: 9 });

  content.push(h2('6. Information shared with others'));
  content.push(a.disclosures.items.length
    ? {
        table: {
          headerRows: 1, widths: [70, '*', '*', '*'],
          body: [
            [{ text: 'Date', style: 'tableHeader' }, { text: 'Shared with', style: 'tableHeader' }, { text: 'What', style: 'tableHeader' }, { text: 'Why, and on what basis', style: 'tableHeader' }],
            ...a.disclosures.items.map((d) => [longDate(d.date), d.recipient, d.what, d.basis ? `${d.purpose}. ${d.basis}` : d.purpose]),
          ],
        },
        layout: 'lightHorizontalLines',
      }
    : { text: 'There is no record of information about you being shared with anyone else.' });

  content.push(h2('7. Who opened your record'));
  content.push({ text: `Times are ${zoneName(z, new Date(generatedOn))}. Each line: when, who, and what was done (with why, where a reason was given, and whether it was refused).`, style: 'meta', margin: [0, 0, 0, 4] });
  content.push(a.accessLog.length
    ? { text: a.accessLog.map((e) => `${formatDateTime(e.at, z)} · ${e.who} · ${e.description}`).join('\n'), fontSize: 8 }
    : { text: 'No accesses are recorded.' });

  content.push(h2('8. Information withheld and why'));
  if (!v.withheld.length && !a.excludedProcessNotes) content.push({ text: 'Nothing has been withheld.' });
  if (v.grounds.length) {
    content.push({ ul: v.grounds.map((g) => `${g.reason}: ${g.count} ${g.count === 1 ? 'passage' : 'passages'}`) });
    content.push({ text: 'Where:', style: 'h3' }, { ul: v.withheld.map((w) => `${w.source} — ${w.reason}`), fontSize: 9 });
  }
  if (a.excludedProcessNotes) {
    content.push({ text: a.request.regime === 'uk-gdpr'
      ? `${a.excludedProcessNotes} process notes withheld under an exemption in the Data Protection Act 2018 recorded by your therapist (such as Schedule 3, paragraph 5: serious harm).`
      : `${a.excludedProcessNotes} psychotherapy notes are outside the HIPAA right of access (45 CFR §164.524(a)(1)(i)).`, margin: [0, 6, 0, 0] });
  }
  return renderPdf(content, { title: 'Your records', footer: `${a.practice.name} — confidential: for ${idn.name}`, ...(opts.encrypt ? { encrypt: opts.encrypt } : {}) });
}
