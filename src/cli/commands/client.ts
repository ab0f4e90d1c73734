import { parse, required } from '../args.js';
import { type CliIo, UsageError, printJson } from '../io.js';
import { withVault } from '../vault-access.js';
import { createClient, eraseClient, getClient, listCaseload } from '../../features/clients/clients.service.js';
import { listUsers } from '../../features/auth/auth.repository.js';

const USAGE = 'client: expected "add", "list", "show" or "erase"';

export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'add': {
      const { values: v } = parse('client add', rest, {
        data: { type: 'string' }, name: { type: 'string' }, dob: { type: 'string' }, email: { type: 'string' }, phone: { type: 'string' },
        address: { type: 'string' }, gp: { type: 'string' }, practitioner: { type: 'string' }, json: { type: 'boolean' },
      });
      const name = required('client add', v.name, 'name');
      const out = await withVault(io, v.data, async (ctx, op) => {
        const practitioners = (await listUsers(ctx.db.kysely, op.practiceId)).filter((u) => u.roles.includes('practitioner'));
        const chosen = v.practitioner ? practitioners.find((u) => u.email === v.practitioner?.toLowerCase()) : practitioners.length === 1 ? practitioners[0] : undefined;
        if (v.practitioner && !chosen) throw new UsageError(`client add: field "practitioner": no practitioner with that email`);
        return createClient(ctx, op, { name, dob: v.dob, email: v.email, phone: v.phone, address: v.address, gp: v.gp }, chosen?.id ?? null);
      });
      if (v.json) printJson(io, out);
      else io.stdout(`Added client ${out.id} (case ${out.caseCode})\n`);
      return 0;
    }
    case 'list': {
      const { values: v } = parse('client list', rest, { data: { type: 'string' }, json: { type: 'boolean' } });
      const list = await withVault(io, v.data, (ctx, op) => listCaseload(ctx, op));
      if (v.json) printJson(io, list);
      else for (const c of list) io.stdout(`${c.id}  ${c.caseCode}  ${c.status.padEnd(6)}  ${c.name}\n`);
      return 0;
    }
    case 'show': {
      const { values: v } = parse('client show', rest, { data: { type: 'string' }, client: { type: 'string' }, json: { type: 'boolean' } });
      const id = required('client show', v.client, 'client');
      const record = await withVault(io, v.data, (ctx, op) => getClient(ctx, op, id, 'operator'));
      if (v.json) printJson(io, record);
      else io.stdout(`${record.identity.name} (case ${record.caseCode}, ${record.status})\n`);
      return 0;
    }
    case 'erase': {
      const { values: v } = parse('client erase', rest, { data: { type: 'string' }, client: { type: 'string' }, json: { type: 'boolean' } });
      const id = required('client erase', v.client, 'client');
      const out = await withVault(io, v.data, (ctx, op) => eraseClient(ctx, op, id, 'operator_erasure'));
      if (v.json) printJson(io, { id, caseCode: out.caseCode, erased: true, destroyedKeys: out.destroyedKeys });
      else io.stdout(`Destroyed the keys of client ${id} (case ${out.caseCode}); their records can no longer be read anywhere.\n`);
      return 0;
    }
    default:
      throw new UsageError(USAGE);
  }
}
