import type { Content } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../pdf/render.js';
import type { SharingRecord } from './share.service.js';

/**
 * The shared material as a PDF: the anonymised text under neutral part labels, with the purpose
 * and recipient it was prepared for on every page. No case code, client id or note date appears:
 * anything that could link the text back to the record stays in Sanctum.
 */
export async function sharingPdf(r: SharingRecord & { text: string }): Promise<Buffer> {
  const date = r.sharedAt.slice(0, 10);
  const blocks: Content[] = [];
  for (const para of r.text.split(/\n{2,}/)) {
    if (/^(?:Note \d+|Summary)$/.test(para.trim())) blocks.push({ text: para.trim(), style: 'h3' });
    else blocks.push({ text: para, margin: [0, 0, 0, 6] });
  }
  const content: Content[] = [
    { text: 'Anonymised case material', style: 'title' },
    { text: `Prepared for: ${r.recipientKindLabel} — ${r.recipient}`, style: 'meta' },
    { text: `Purpose: ${r.purpose}`, style: 'meta' },
    { text: `Date: ${date}`, style: 'meta', margin: [0, 0, 0, 10] },
    ...blocks,
    { text: 'Names, places, dates, contact details and other identifiers have been replaced. Use this material only for the purpose above and do not pass it on.', style: 'small', margin: [0, 16, 0, 0] },
  ];
  return renderPdf(content, { title: 'Anonymised case material', watermark: `Anonymised · ${r.recipientKindLabel} · ${date}`, footer: `Anonymised for ${r.recipientKindLabel.toLowerCase()}, ${date}` });
}
