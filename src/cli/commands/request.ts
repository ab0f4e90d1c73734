import { writeFileSync } from 'node:fs';
import { parse, required } from '../args.js';
import { type CliIo, UsageError, parseJsonInput, printJson, readInput } from '../io.js';
import { withVault } from '../vault-access.js';
import { accountingFor, accountingPdf } from '../../features/disclosures/accounting.service.js';
import { LETTER_KINDS } from '../../features/requests/letters.js';
import { buildLetter, letterPdf } from '../../features/requests/letters.service.js';
import { getRequest } from '../../features/requests/request-view.js';
import type { NewRequest } from '../../features/requests/requests.js';
import { listRequests, logRequest } from '../../features/requests/requests.service.js';
import type { DecisionInput, StepInput } from '../../features/requests/workflow.js';
import { recordStep, saveDecision, signOffDecision } from '../../features/requests/workflow.service.js';

const USAGE = 'request: expected "log", "list", "show", "decide", "letter" or "accounting"';
const LOG_KEYS = ['requesterType', 'requester', 'asks', 'asked', 'authority', 'receivedOn', 'dueOn', 'clientId', 'concerns', 'emergency', 'consent', 'competent', 'hasCapacity', 'notes'];
const DECIDE_KEYS = ['steps', 'outcome', 'factors', 'reasons', 'scope', 'doNotInformClient', 'contraryToAdvice', 'contraryReasons'];

function objectInput(text: string, command: string, allowed: string[]): Record<string, unknown> {
  const v = parseJsonInput(text, command);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new UsageError(`${command}: input must be a JSON object`);
  const extra = Object.keys(v).find((k) => !allowed.includes(k));
  if (extra) throw new UsageError(`${command}: field "${extra}": unknown field (expected ${allowed.join(', ')})`);
  return v as Record<string, unknown>;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'log': {
      const { values: v, positionals } = parse('request log', rest, { data: { type: 'string' }, json: { type: 'boolean' } }, true);
      const input = objectInput(await readInput(io, positionals[0], 'request log'), 'request log', LOG_KEYS);
      const out = await withVault(io, v.data, async (ctx, op) => {
        const logged = await logRequest(ctx, op, input as unknown as NewRequest);
        const view = await getRequest(ctx, op, logged.id);
        return { id: logged.id, status: logged.status, reference: view.reference, triage: view.triage };
      });
      if (v.json) printJson(io, out);
      else io.stdout(`Logged request ${out.id} (${out.reference}): ${out.triage.basis}, recommend ${out.triage.recommendation}; status ${out.status}\n`);
      return 0;
    }
    case 'list': {
      const { values: v } = parse('request list', rest, { data: { type: 'string' }, status: { type: 'string' }, json: { type: 'boolean' } });
      const list = await withVault(io, v.data, (ctx, op) => listRequests(ctx, op, { status: v.status }));
      if (v.json) printJson(io, list);
      else for (const r of list) io.stdout(`${r.id}  ${r.receivedOn}  due ${r.dueOn ?? '—'}  ${r.status.padEnd(16)} ${r.requesterType.padEnd(12)} ${r.basis}${r.restricted ? '  [restricted]' : ''}\n`);
      return 0;
    }
    case 'show': {
      const { values: v } = parse('request show', rest, { data: { type: 'string' }, id: { type: 'string' }, json: { type: 'boolean' } });
      const id = required('request show', v.id, 'id');
      const view = await withVault(io, v.data, (ctx, op) => getRequest(ctx, op, id));
      if (v.json) printJson(io, view);
      else {
        io.stdout(`${view.reference}  ${view.status}  ${view.requesterType} (${view.requester.organisation || 'no organisation'})\nBasis: ${view.triage.basis}; recommendation: ${view.triage.recommendation}\n`);
        for (const c of view.checklist) io.stdout(`  [${c.latest ? 'x' : ' '}] ${c.step}${c.bySignOff ? ' (at sign-off)' : ''}\n`);
        if (view.decision) io.stdout(`Decision: ${view.decision.outcome} (${view.decision.status})\n`);
      }
      return 0;
    }
    case 'decide': {
      const { values: v, positionals } = parse('request decide', rest, { data: { type: 'string' }, id: { type: 'string' }, sign: { type: 'boolean' }, json: { type: 'boolean' } }, true);
      const id = required('request decide', v.id, 'id');
      const input = objectInput(await readInput(io, positionals[0], 'request decide'), 'request decide', DECIDE_KEYS);
      const steps = input.steps ?? [];
      if (!Array.isArray(steps)) throw new UsageError('request decide: field "steps": expected an array of step records');
      const view = await withVault(io, v.data, async (ctx, op) => {
        for (const s of steps) await recordStep(ctx, op, id, s as StepInput);
        if (input.outcome !== undefined) await saveDecision(ctx, op, id, input as unknown as DecisionInput);
        if (v.sign) await signOffDecision(ctx, op, id, { contraryToAdvice: input.contraryToAdvice as boolean | undefined, contraryReasons: input.contraryReasons as string | undefined });
        return getRequest(ctx, op, id);
      });
      if (v.json) printJson(io, { id, status: view.status, decision: view.decision, checklist: view.checklist.map((c) => ({ step: c.step, done: c.latest !== null || c.bySignOff })) });
      else io.stdout(`Request ${id}: ${view.status}${view.decision ? `, decision ${view.decision.outcome} (${view.decision.status})` : ''}\n`);
      return 0;
    }
    case 'letter': {
      const { values: v } = parse('request letter', rest, { data: { type: 'string' }, id: { type: 'string' }, kind: { type: 'string' }, pdf: { type: 'string' }, json: { type: 'boolean' } });
      const id = required('request letter', v.id, 'id');
      const kind = required('request letter', v.kind, 'kind');
      if (!(LETTER_KINDS as readonly string[]).includes(kind)) throw new UsageError(`request letter: field "kind": expected one of ${LETTER_KINDS.join(', ')}`);
      const letter = await withVault(io, v.data, (ctx, op) => buildLetter(ctx, op, id, kind));
      if (v.pdf) writeFileSync(v.pdf, await letterPdf(letter), { mode: 0o600 });
      if (v.json) printJson(io, letter);
      else if (!v.pdf) io.stdout(letter.text + '\n');
      return 0;
    }
    case 'accounting': {
      const { values: v } = parse('request accounting', rest, {
        data: { type: 'string' }, client: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, pdf: { type: 'string' }, json: { type: 'boolean' },
      });
      const client = required('request accounting', v.client, 'client');
      const { accounting, pdf } = await withVault(io, v.data, async (ctx, op) => {
        const a = await accountingFor(ctx, op, client, { from: v.from, to: v.to });
        return { accounting: a, pdf: v.pdf ? await accountingPdf(ctx, a) : null };
      });
      if (v.pdf && pdf) writeFileSync(v.pdf, pdf, { mode: 0o600 });
      if (v.json) printJson(io, accounting);
      else {
        io.stdout(`Disclosures for case ${accounting.caseCode}, ${accounting.period.from} to ${accounting.period.to}: ${accounting.disclosures.length}\n`);
        for (const d of accounting.disclosures) io.stdout(`${d.disclosedOn}  ${d.recipient}  ${d.what}  ${d.purpose}  ${d.legalBasis}\n`);
      }
      return 0;
    }
    default:
      throw new UsageError(USAGE);
  }
}
