import { writeFileSync } from 'node:fs';
import { parse, required } from '../args.js';
import { type CliIo, UsageError, parseJsonInput, printJson, readInput } from '../io.js';
import { withVault } from '../vault-access.js';
import { certificatePdf, listCertificates } from '../../features/retention/certificate.js';
import { secureDispose } from '../../features/retention/disposal.service.js';
import type { PolicyInput } from '../../features/retention/retention.js';
import { disposalSchedule, getPolicy, listHolds, placeHold, releaseHold, reviewQueue, setPolicy } from '../../features/retention/retention.service.js';

const USAGE = `retention: expected one of policy, set-policy, schedule, queue, holds, hold, release, dispose, certificates, certificate
  sanctum retention policy [--json]
  sanctum retention set-policy [FILE|-] [--json]           (JSON: adultYears, minorUntilBirthday, minorUntilBirthdayAt17, processNotesYears, reason)
  sanctum retention schedule [--json]                      (every closed case and its disposal date)
  sanctum retention queue [--json]                         (cases whose date has come, with holds)
  sanctum retention holds [--case CODE] [--json]
  sanctum retention hold --case CODE --kind litigation|information_request|subject_access|breach_investigation|other --reason TEXT [--json]
  sanctum retention release --hold ID
  sanctum retention dispose --case CODE --confirm CODE [--scope whole_record|process_notes] [--json]
  sanctum retention certificates [--json]
  sanctum retention certificate --id ID --out FILE.pdf
Every command takes --data DIR (or DATABASE_URL) and needs the vault passphrase.`;

const common = { data: { type: 'string' as const }, json: { type: 'boolean' as const } };
type Row = { caseCode: string; retainUntil: string; processNotesUntil: string | null; due: boolean; holds: { reason: string }[] };
const caseLine = (c: Row) => `${c.caseCode}  ${c.retainUntil}${c.due ? ' DUE' : '    '}  ${c.processNotesUntil ? `process notes ${c.processNotesUntil}  ` : ''}${c.holds.length ? `HELD: ${c.holds.map((h) => h.reason).join(' ')}` : ''}`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'policy': {
      const { values: v } = parse('retention policy', rest, common);
      const { policy } = await withVault(io, v.data, (ctx, op) => getPolicy(ctx, op));
      if (v.json) printJson(io, policy);
      else io.stdout(`${policy.jurisdiction}: adults ${policy.adultYears} years after the last contact; children until their ${policy.minorUntilBirthday}th birthday (${policy.minorUntilBirthdayAt17}th if 17 at the end)${policy.processNotesYears !== null ? `; process notes ${policy.processNotesYears} years` : ''}${policy.isDefault ? ' (default)' : ` — ${policy.reason}`}\n`);
      return 0;
    }
    case 'set-policy': {
      const { values: v, positionals } = parse('retention set-policy', rest, common, true);
      const input = parseJsonInput(await readInput(io, positionals[0], 'retention set-policy'), 'retention set-policy') as PolicyInput;
      const out = await withVault(io, v.data, (ctx, op) => setPolicy(ctx, op, input));
      if (v.json) printJson(io, out);
      else io.stdout('Saved the retention policy.\n');
      return 0;
    }
    case 'schedule':
    case 'queue': {
      const { values: v } = parse(`retention ${sub}`, rest, common);
      const list = await withVault(io, v.data, async (ctx, op) => (sub === 'queue' ? reviewQueue(ctx, op) : (await disposalSchedule(ctx, op)).cases));
      if (v.json) printJson(io, list);
      else for (const c of list) io.stdout(caseLine(c) + '\n');
      return 0;
    }
    case 'holds': {
      const { values: v } = parse('retention holds', rest, { ...common, case: { type: 'string' } });
      const list = await withVault(io, v.data, (ctx, op) => listHolds(ctx, op, v.case));
      if (v.json) printJson(io, list);
      else for (const h of list) io.stdout(`${h.caseCode}  ${h.kind}  ${h.reason}\n`);
      return 0;
    }
    case 'hold': {
      const { values: v } = parse('retention hold', rest, { ...common, case: { type: 'string' }, kind: { type: 'string' }, reason: { type: 'string' } });
      const input = { caseCode: required('retention hold', v.case, 'case'), kind: required('retention hold', v.kind, 'kind'), reason: required('retention hold', v.reason, 'reason') };
      const out = await withVault(io, v.data, (ctx, op) => placeHold(ctx, op, input));
      if (v.json) printJson(io, out);
      else io.stdout(`Placed hold ${out.id} on ${input.caseCode}\n`);
      return 0;
    }
    case 'release': {
      const { values: v } = parse('retention release', rest, { ...common, hold: { type: 'string' } });
      const id = required('retention release', v.hold, 'hold');
      await withVault(io, v.data, (ctx, op) => releaseHold(ctx, op, id));
      if (v.json) printJson(io, { id, released: true });
      else io.stdout(`Released hold ${id}\n`);
      return 0;
    }
    case 'dispose': {
      const { values: v } = parse('retention dispose', rest, { ...common, case: { type: 'string' }, confirm: { type: 'string' }, scope: { type: 'string' } });
      const caseCode = required('retention dispose', v.case, 'case');
      const confirm = required('retention dispose', v.confirm, 'confirm');
      if (v.scope !== undefined && v.scope !== 'whole_record' && v.scope !== 'process_notes') throw new UsageError('retention dispose: field "scope": expected one of whole_record, process_notes');
      const cert = await withVault(io, v.data, (ctx, op) => secureDispose(ctx, op, caseCode, { confirm, scope: v.scope as 'whole_record' | 'process_notes' | undefined }));
      if (v.json) printJson(io, cert);
      else io.stdout(`Destroyed ${cert.scope === 'whole_record' ? 'case' : 'the process notes of'} ${caseCode}; certificate ${cert.number} (id ${cert.id})\n`);
      return 0;
    }
    case 'certificates': {
      const { values: v } = parse('retention certificates', rest, common);
      const list = await withVault(io, v.data, (ctx, op) => listCertificates(ctx, op));
      if (v.json) printJson(io, list);
      else for (const c of list) io.stdout(`${c.number}  ${c.caseCode}  ${c.scope}  ${c.destroyedAt}  ${c.id}\n`);
      return 0;
    }
    case 'certificate': {
      const { values: v } = parse('retention certificate', rest, { ...common, id: { type: 'string' }, out: { type: 'string' } });
      const id = required('retention certificate', v.id, 'id');
      const out = required('retention certificate', v.out, 'out');
      const pdf = await withVault(io, v.data, (ctx, op) => certificatePdf(ctx, op, id));
      writeFileSync(out, pdf);
      if (v.json) printJson(io, { out, bytes: pdf.length });
      else io.stdout(`Wrote the certificate to ${out}\n`);
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
