import type { Executor } from '../../db/tx.js';
import type { Audience, Setting, TemplateVersion } from './templates.js';
import type { Jurisdiction } from '../practice/practice.js';
import type { AgreementVersionsTable } from './consent.tables.js';

const toVersion = (r: AgreementVersionsTable): TemplateVersion => ({
  id: r.id,
  templateKey: r.template_key,
  jurisdiction: r.jurisdiction as Jurisdiction,
  setting: r.setting as Setting,
  audience: r.audience as Audience,
  version: Number(r.version),
  title: r.title,
  body: r.body,
  contentHash: r.content_hash,
  status: r.status as TemplateVersion['status'],
  source: r.source as TemplateVersion['source'],
  createdBy: r.created_by,
  createdAt: r.created_at,
  publishedAt: r.published_at,
});

export async function insertVersion(db: Executor, practiceId: string, v: TemplateVersion): Promise<void> {
  await db.insertInto('agreement_versions').values({
    id: v.id, practice_id: practiceId, template_key: v.templateKey, jurisdiction: v.jurisdiction, setting: v.setting, audience: v.audience,
    version: v.version, title: v.title, body: v.body, content_hash: v.contentHash, status: v.status, source: v.source,
    created_by: v.createdBy, created_at: v.createdAt, published_at: v.publishedAt,
  }).execute();
}

export async function countVersions(db: Executor, practiceId: string): Promise<number> {
  const r = await db.selectFrom('agreement_versions').select((eb) => eb.fn.countAll().as('n')).where('practice_id', '=', practiceId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function allVersions(db: Executor, practiceId: string): Promise<TemplateVersion[]> {
  const rows = await db.selectFrom('agreement_versions').selectAll().where('practice_id', '=', practiceId).orderBy('template_key').orderBy('version').execute();
  return rows.map(toVersion);
}

export async function versionsOf(db: Executor, practiceId: string, key: string): Promise<TemplateVersion[]> {
  const rows = await db.selectFrom('agreement_versions').selectAll().where('practice_id', '=', practiceId).where('template_key', '=', key).orderBy('version').execute();
  return rows.map(toVersion);
}

export async function versionById(db: Executor, id: string): Promise<(TemplateVersion & { practiceId: string }) | undefined> {
  const r = await db.selectFrom('agreement_versions').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? { ...toVersion(r), practiceId: r.practice_id } : undefined;
}

/** Only a draft can change: the status condition is in the statement, so a published row never does. */
export async function updateDraft(db: Executor, id: string, title: string, body: string, hash: string): Promise<boolean> {
  const res = await db.updateTable('agreement_versions').set({ title, body, content_hash: hash }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function markPublished(db: Executor, id: string, at: string): Promise<boolean> {
  const res = await db.updateTable('agreement_versions').set({ status: 'published', published_at: at }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
