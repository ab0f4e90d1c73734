import { NO_RELATIONS, type Relations, type Role } from '../../core/access.js';
import type { AppContext } from '../../context.js';
import { civilDateIn } from '../deadlines/civil-date.js';
import { getPractice } from '../practice/practice.service.js';
import { relationsOf } from './relations.repository.js';

/** Roles that can hold a relationship reaching other people's cases. */
const HOLDING_ROLES: readonly Role[] = ['practitioner', 'supervisor', 'clinical_lead'];

/** The practice's calendar date now, for dated relationships. */
export async function practiceToday(ctx: AppContext): Promise<string> {
  const practice = await getPractice(ctx);
  return civilDateIn(ctx.clock.now(), practice?.timeZone ?? 'UTC');
}

/** What this person holds right now; nothing to load for roles that cannot hold any. */
export async function currentRelations(ctx: AppContext, userId: string, roles: readonly Role[]): Promise<Relations> {
  if (!roles.some((r) => HOLDING_ROLES.includes(r))) return NO_RELATIONS;
  return relationsOf(ctx.db.kysely, userId, await practiceToday(ctx), ctx.clock.now().toISOString());
}
