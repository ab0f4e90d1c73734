/** The disclosure pack as a PDF: a cover sheet, then exactly the chosen items. */
import { renderPdf } from '../../pdf/render.js';

type Content = Parameters<typeof renderPdf>[0];

export interface PackItem {
  title: string;
  date: string | null;
  kind: 'progress note' | 'process note' | 'extract';
  text: string;
  addenda: { date: string; text: string }[];
}

export interface PackCover {
  practiceName: string;
  reference: string;
  recipient: string;
  purpose: string;
  date: string;
  legalBasis: string;
  subject: string;
}

export const watermarkFor = (c: Pick<PackCover, 'recipient' | 'purpose' | 'date'>) =>
  `Disclosed to ${c.recipient} · Purpose: ${c.purpose} · ${c.date}`;

export async function renderPack(cover: PackCover, items: PackItem[]): Promise<Buffer> {
  const content: Content = [
    { text: 'Disclosure of confidential records', style: 'title' },
    { text: cover.practiceName, style: 'meta', margin: [0, 0, 0, 12] },
    {
      table: {
        widths: [120, '*'],
        body: [
          ['Disclosed to', cover.recipient],
          ['Purpose', cover.purpose],
          ['Date', cover.date],
          ['Legal basis', cover.legalBasis],
          ['Concerning', cover.subject],
          ['Reference', cover.reference],
          ['Items', String(items.length)],
        ].map(([k, v]) => [{ text: k, bold: true }, v]),
      },
      layout: 'lightHorizontalLines',
    },
    { text: 'Contents', style: 'h2' },
    { ol: items.map((i) => `${i.title}${i.date ? ` (${i.date})` : ''}`) },
    {
      text: 'This pack holds only the items listed above, chosen as the minimum needed for the stated purpose. It is confidential and is provided for that purpose only: do not copy it, pass it on or use it for anything else, and destroy it securely when it is no longer needed.',
      margin: [0, 14, 0, 0],
    },
  ];
  items.forEach((item, n) => {
    content.push({ text: `${n + 1}. ${item.title}`, style: 'h2', pageBreak: 'before' });
    content.push({ text: [item.kind, item.date].filter(Boolean).join(' · '), style: 'meta', margin: [0, 0, 0, 8] });
    content.push({ text: item.text });
    for (const a of item.addenda) {
      content.push({ text: `Addendum, ${a.date}`, style: 'h3' });
      content.push({ text: a.text });
    }
  });
  return renderPdf(content, { title: 'Disclosure pack', watermark: watermarkFor(cover), footer: `Confidential · ${cover.reference}` });
}
