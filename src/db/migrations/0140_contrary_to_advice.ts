import type { Kysely } from 'kysely';

/**
 * A signed-off decision that went against the triage advice is flagged in plain columns (the
 * reasons themselves are inside the signed, encrypted decision), so the register can mark it and a
 * clinical lead's review queue can list such decisions without decrypting anything. Existing
 * decisions predate the acknowledgement: 0 with no recorded basis.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('request_decisions').addColumn('contrary_to_advice', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('request_decisions').addColumn('advice_basis', 'text').execute();
  await db.schema.createIndex('request_decisions_contrary').on('request_decisions').columns(['contrary_to_advice', 'signed_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
