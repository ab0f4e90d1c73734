import { writeFileSync } from 'node:fs';
import { parse, required } from '../args.js';
import { type CliIo, UsageError, parseJsonInput, printJson, readInput } from '../io.js';
import { withVault } from '../vault-access.js';
import { breachDrafts, clientLetterPdf, registerCsv, registerPdf } from '../../features/breaches/breach-documents.js';
import { type NewBreach, addContainment, assessBreach, getBreach, reportBreach } from '../../features/breaches/breaches.service.js';
import { type NotificationInput, closeBreach, recordNotification } from '../../features/breaches/notify.service.js';
import { breachDeadlines, breachFromAudit, listRegister } from '../../features/breaches/register.service.js';
import type { AssessmentInput } from '../../features/breaches/risk.js';

const USAGE = `breach: expected one of list, add, show, from-audit, assess, contain, notify, close, drafts, letter, report, deadlines
  sanctum breach list [--json]
  sanctum breach add [FILE|-] [--json]                    (JSON: kind, summary, reportedBy, occurredAt, discoveredAt, categories, scope?, clientIds?, containment?)
  sanctum breach show --id ID [--json]
  sanctum breach from-audit --seq N [--json]
  sanctum breach assess --id ID [FILE|-] [--json]         (JSON: likelihood, severity, outcome?, factors?, reasoning)
  sanctum breach contain --id ID --at ISO --text TEXT [--json]
  sanctum breach notify --id ID [FILE|-] [--json]         (JSON: audience, clientId?, decision, sentOn?, channel?, reason?)
  sanctum breach close --id ID [--json]
  sanctum breach drafts --id ID [--contact TEXT] [--json]
  sanctum breach letter --id ID --client CLIENT_ID --out FILE.pdf [--contact TEXT]
  sanctum breach report --format csv|pdf --out FILE
  sanctum breach deadlines [--json]
Every command takes --data DIR (or DATABASE_URL) and needs the vault passphrase.`;

const common = { data: { type: 'string' as const }, json: { type: 'boolean' as const } };

async function jsonInput(io: CliIo, file: string | undefined, command: string): Promise<Record<string, unknown>> {
  const value = parseJsonInput(await readInput(io, file, command), command);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${command}: input must be a JSON object`);
  return value as Record<string, unknown>;
}

type Shown = { reference: string; status: string; affectedCount: number; clocks: { audience: string; due: string; state: string }[] };
const line = (b: Shown) => `${b.reference}  ${b.status.padEnd(6)}  ${String(b.affectedCount).padStart(5)} affected  ${b.clocks.map((c) => `${c.audience} ${c.state === 'overdue' ? 'OVERDUE' : c.state} (${c.due})`).join('; ')}`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const show = (v: { json?: boolean }, value: Shown) => (v.json ? printJson(io, value) : io.stdout(line(value) + '\n'));
  switch (sub) {
    case 'list': {
      const { values: v } = parse('breach list', rest, common);
      const list = await withVault(io, v.data, (ctx, op) => listRegister(ctx, op));
      if (v.json) printJson(io, list);
      else for (const b of list) io.stdout(line(b) + '\n');
      return 0;
    }
    case 'add': {
      const { values: v, positionals } = parse('breach add', rest, common, true);
      const input = await jsonInput(io, positionals[0], 'breach add');
      show(v, await withVault(io, v.data, (ctx, op) => reportBreach(ctx, op, input as unknown as NewBreach)));
      return 0;
    }
    case 'show': {
      const { values: v } = parse('breach show', rest, { ...common, id: { type: 'string' } });
      const id = required('breach show', v.id, 'id');
      const b = await withVault(io, v.data, (ctx, op) => getBreach(ctx, op, id));
      if (v.json) printJson(io, b);
      else io.stdout(`${line(b as unknown as Shown)}\n${b.summary}\n`);
      return 0;
    }
    case 'from-audit': {
      const { values: v } = parse('breach from-audit', rest, { ...common, seq: { type: 'string' } });
      const seq = Number(required('breach from-audit', v.seq, 'seq'));
      if (!Number.isInteger(seq) || seq < 1) throw new UsageError('breach from-audit: field "seq": expected an audit entry number');
      show(v, await withVault(io, v.data, (ctx, op) => breachFromAudit(ctx, op, seq)));
      return 0;
    }
    case 'assess': {
      const { values: v, positionals } = parse('breach assess', rest, { ...common, id: { type: 'string' } }, true);
      const id = required('breach assess', v.id, 'id');
      const input = await jsonInput(io, positionals[0], 'breach assess');
      show(v, await withVault(io, v.data, (ctx, op) => assessBreach(ctx, op, id, input as unknown as AssessmentInput)));
      return 0;
    }
    case 'contain': {
      const { values: v } = parse('breach contain', rest, { ...common, id: { type: 'string' }, at: { type: 'string' }, text: { type: 'string' } });
      const [id, at, text] = [required('breach contain', v.id, 'id'), required('breach contain', v.at, 'at'), required('breach contain', v.text, 'text')];
      show(v, await withVault(io, v.data, (ctx, op) => addContainment(ctx, op, id, { at, text })));
      return 0;
    }
    case 'notify': {
      const { values: v, positionals } = parse('breach notify', rest, { ...common, id: { type: 'string' } }, true);
      const id = required('breach notify', v.id, 'id');
      const input = await jsonInput(io, positionals[0], 'breach notify');
      show(v, await withVault(io, v.data, (ctx, op) => recordNotification(ctx, op, id, input as unknown as NotificationInput)));
      return 0;
    }
    case 'close': {
      const { values: v } = parse('breach close', rest, { ...common, id: { type: 'string' } });
      const id = required('breach close', v.id, 'id');
      show(v, await withVault(io, v.data, (ctx, op) => closeBreach(ctx, op, id)));
      return 0;
    }
    case 'drafts': {
      const { values: v } = parse('breach drafts', rest, { ...common, id: { type: 'string' }, contact: { type: 'string' } });
      const id = required('breach drafts', v.id, 'id');
      const d = await withVault(io, v.data, (ctx, op) => breachDrafts(ctx, op, id, v.contact));
      if (v.json) printJson(io, d);
      else for (const draft of [d.regulator, d.individual]) io.stdout(`${draft.title}\n\n${draft.sections.map((s) => `${s.heading}\n${s.text}`).join('\n\n')}\n\n`);
      return 0;
    }
    case 'letter': {
      const { values: v } = parse('breach letter', rest, { ...common, id: { type: 'string' }, client: { type: 'string' }, out: { type: 'string' }, contact: { type: 'string' } });
      const [id, client, out] = [required('breach letter', v.id, 'id'), required('breach letter', v.client, 'client'), required('breach letter', v.out, 'out')];
      const pdf = await withVault(io, v.data, (ctx, op) => clientLetterPdf(ctx, op, id, client, v.contact));
      writeFileSync(out, pdf, { mode: 0o600 });
      if (v.json) printJson(io, { out, bytes: pdf.length });
      else io.stdout(`Wrote the notification letter to ${out}\n`);
      return 0;
    }
    case 'report': {
      const { values: v } = parse('breach report', rest, { ...common, format: { type: 'string' }, out: { type: 'string' } });
      const format = required('breach report', v.format, 'format');
      const out = required('breach report', v.out, 'out');
      if (format !== 'csv' && format !== 'pdf') throw new UsageError('breach report: field "format": expected one of csv, pdf');
      const body: string | Buffer = await withVault<string | Buffer>(io, v.data, (ctx, op) => (format === 'csv' ? registerCsv(ctx, op) : registerPdf(ctx, op)));
      writeFileSync(out, body, { mode: 0o600 });
      if (v.json) printJson(io, { out, format });
      else io.stdout(`Wrote the breach register (${format}) to ${out}\n`);
      return 0;
    }
    case 'deadlines': {
      const { values: v } = parse('breach deadlines', rest, common);
      const list = await withVault(io, v.data, (ctx, op) => breachDeadlines(ctx, op));
      if (v.json) printJson(io, list);
      else for (const d of list) io.stdout(`${d.state === 'overdue' ? 'OVERDUE ' : ''}${d.due}  ${d.label}\n`);
      return 0;
    }
    case undefined:
    case '--help':
    case 'help':
      io.stdout(USAGE + '\n');
      return sub ? 0 : 2;
    default:
      throw new UsageError(USAGE.split('\n')[0]);
  }
}
