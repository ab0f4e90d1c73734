import type { Principal } from '../../core/access.js';
import { can } from '../../core/access.js';
import { conflict, forbidden, invalidInput, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit } from '../../audit/audit.service.js';
import { type Executor, writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../clients/case-access.js';
import { builtinTemplates } from './templates.builtin.js';
import { type TemplateVersion, checkTemplateText, contentHash, parseTemplateKey } from './templates.js';
import * as repo from './templates.repository.js';

const seeded = new Set<string>();

/**
 * The built-in templates become the practice's version 1 the first time templates are used. When
 * a later release changes a built-in text, the changed text becomes a new version — unless the
 * practice has published its own wording for that template, which is never overtaken.
 */
export async function ensureBuiltins(ctx: AppContext, practiceId: string): Promise<void> {
  if (seeded.has(practiceId)) return;
  const at = ctx.clock.now().toISOString();
  await writeTx(ctx.db, async (trx) => {
    const existing = await repo.allVersions(trx, practiceId);
    let added = 0;
    for (const b of builtinTemplates()) {
      const mine = existing.filter((v) => v.templateKey === b.key);
      const latest = mine.at(-1);
      const hash = contentHash(b.body);
      if (latest && (latest.source !== 'builtin' || latest.contentHash === hash || mine.some((v) => v.source === 'builtin' && v.contentHash === hash))) continue;
      await repo.insertVersion(trx, practiceId, {
        id: newId(), templateKey: b.key, jurisdiction: b.jurisdiction, setting: b.setting, audience: b.audience, version: (latest?.version ?? 0) + 1,
        title: b.title, body: b.body, contentHash: hash, status: 'published', source: 'builtin', createdBy: 'system', createdAt: at, publishedAt: at,
      });
      added++;
    }
    if (added) await appendAudit(trx, ctx.clock, { id: 'system' }, { action: 'consent.template.seed', targetType: 'practice', targetId: practiceId, details: { versions: added } });
  });
  seeded.add(practiceId);
}

function mayRead(p: Principal): void {
  if (!can(p, 'caseload.list') && !can(p, 'practice.manage')) throw forbidden('Only practice staff can read agreement templates.');
}

export type TemplateSummary = Omit<TemplateVersion, 'body'>;

export async function listTemplates(ctx: AppContext, p: Principal): Promise<TemplateSummary[]> {
  mayRead(p);
  await ensureBuiltins(ctx, p.practiceId);
  return (await repo.allVersions(ctx.db.kysely, p.practiceId)).map(({ body: _body, ...rest }) => rest);
}

export async function getVersion(ctx: AppContext, p: Principal, id: string): Promise<TemplateVersion> {
  mayRead(p);
  const v = await repo.versionById(ctx.db.kysely, id);
  if (!v || v.practiceId !== p.practiceId) throw notFound('template version');
  const { practiceId: _p, ...version } = v;
  return version;
}

/** The newest published version of a template: what a new agreement uses. */
export async function currentVersion(ctx: AppContext, db: Executor, practiceId: string, key: string): Promise<TemplateVersion> {
  parseTemplateKey(key);
  await ensureBuiltins(ctx, practiceId);
  const v = (await repo.versionsOf(db, practiceId, key)).filter((x) => x.status === 'published').at(-1);
  if (!v) throw invalidInput('templateKey', 'There is no published version of that template.');
  return v;
}

export interface NewVersion {
  title: string;
  body: string;
  publish?: boolean;
}

/**
 * Write the practice's own wording. A published version never changes: new wording is always a new
 * version number. An unpublished draft on top is edited in place until it is published.
 */
export async function writeVersion(ctx: AppContext, p: Principal, key: string, input: NewVersion): Promise<TemplateVersion> {
  if (!can(p, 'practice.manage')) throw forbidden('Only a practice administrator can write agreement templates.');
  const parsed = parseTemplateKey(key);
  checkTemplateText(input.title, input.body);
  await ensureBuiltins(ctx, p.practiceId);
  const at = ctx.clock.now().toISOString();
  const hash = contentHash(input.body);
  return writeTx(ctx.db, async (trx) => {
    const latest = (await repo.versionsOf(trx, p.practiceId, key)).at(-1);
    const publish = input.publish === true;
    let v: TemplateVersion;
    if (latest?.status === 'draft') {
      await repo.updateDraft(trx, latest.id, input.title.trim(), input.body, hash);
      v = { ...latest, title: input.title.trim(), body: input.body, contentHash: hash };
    } else {
      v = {
        id: newId(), templateKey: key, ...parsed, version: (latest?.version ?? 0) + 1, title: input.title.trim(), body: input.body, contentHash: hash,
        status: 'draft', source: 'practice', createdBy: p.userId, createdAt: at, publishedAt: null,
      };
      await repo.insertVersion(trx, p.practiceId, v);
    }
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'consent.template.write', targetType: 'agreement_version', targetId: v.id, details: { key, version: v.version, hash } });
    if (publish) {
      await repo.markPublished(trx, v.id, at);
      await appendAudit(trx, ctx.clock, actorOf(p), { action: 'consent.template.publish', targetType: 'agreement_version', targetId: v.id, details: { key, version: v.version, hash } });
      v = { ...v, status: 'published', publishedAt: at };
    }
    return v;
  });
}

export async function publishVersion(ctx: AppContext, p: Principal, id: string): Promise<TemplateVersion> {
  if (!can(p, 'practice.manage')) throw forbidden('Only a practice administrator can publish agreement templates.');
  const v = await getVersion(ctx, p, id);
  const at = ctx.clock.now().toISOString();
  await writeTx(ctx.db, async (trx) => {
    if (!(await repo.markPublished(trx, id, at))) throw conflict('That version is already published; write a new version to change the wording.');
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'consent.template.publish', targetType: 'agreement_version', targetId: id, details: { key: v.templateKey, version: v.version, hash: v.contentHash } });
  });
  return { ...v, status: 'published', publishedAt: at };
}
