import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, bool, date, idParams, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { BREAK_GLASS_CATEGORIES, BREAK_GLASS_MAX_HOURS } from './organisation.js';
import type { RelationshipKind } from './organisation.tables.js';
import {
  type BreakGlassInput, addRelationship, assignTeam, createTeam, endBreakGlass, endRelationship, listBreakGlass, listRelationships, listTeams, setTeamMembers,
  startBreakGlass,
} from './organisation.service.js';

const team = obj({ id: str(), name: str(), memberIds: arr(str()) });
const relationship = obj({
  id: str(), kind: strEnum(['cover', 'supervision']), holderId: str(), holderName: nullable(str()), subjectId: str(), subjectName: nullable(str()),
  startsOn: str(), endsOn: nullable(str()), reason: str(), inForce: bool(), endedAt: nullable(str()),
});
const breakGlass = obj({
  id: str(), userId: str(), userName: nullable(str()), clientId: str(), caseCode: str(), category: strEnum(BREAK_GLASS_CATEGORIES), categoryWords: str(),
  reason: str(), startedAt: str(), expiresAt: str(), endedAt: nullable(str()), active: bool(),
});
const id = (req: FastifyRequest) => (req.params as { id: string }).id;
const fullSession = (req: FastifyRequest): AuthenticatedSession => {
  principal(req);
  return req.auth as AuthenticatedSession;
};

/** Teams, cover, supervision and emergency access: who reaches whose cases, and why. */
export async function organisationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/teams', {
    schema: { summary: 'The practice’s teams (services) and who is in each', response: { 200: arr(team) } },
  }, async (req) => listTeams(ctx, principal(req)));

  app.post('/api/teams', {
    schema: { summary: 'Set up a team (admins)', body: obj({ name: str({ minLength: 1, maxLength: 120 }) }), response: { 201: team } },
  }, async (req, reply) => reply.status(201).send(await createTeam(ctx, principal(req), req.body as { name: string })));

  app.put('/api/teams/:id/members', {
    schema: { summary: 'Who is in a team: the list replaces the old one (admins)', params: idParams, body: obj({ userIds: arr(str({ maxLength: 100 }), { maxItems: 2000 }) }), response: { 200: team } },
  }, async (req) => setTeamMembers(ctx, principal(req), id(req), (req.body as { userIds: string[] }).userIds));

  app.put('/api/clients/:id/team', {
    schema: { summary: 'Put a client in a team, or in none (admins and reception)', params: idParams, body: obj({ teamId: nullable(str({ maxLength: 100 })) }), response: { 204: { type: 'null' } } },
  }, async (req, reply) => {
    await assignTeam(ctx, principal(req), id(req), (req.body as { teamId: string | null }).teamId);
    return reply.status(204).send();
  });

  for (const kind of ['cover', 'supervision'] as RelationshipKind[]) {
    const holder = kind === 'cover' ? 'the covering colleague' : 'the supervisor';
    const subject = kind === 'cover' ? 'the colleague covered' : 'the supervisee';
    app.get(`/api/${kind}`, {
      schema: { summary: `${kind === 'cover' ? 'Cover arrangements' : 'Supervision arrangements'}: all for those who arrange them, otherwise your own`, response: { 200: arr(relationship) } },
    }, async (req) => listRelationships(ctx, principal(req), kind));

    app.post(`/api/${kind}`, {
      schema: {
        summary: `Record ${kind === 'cover' ? 'cover' : 'supervision'}: holderId is ${holder}, subjectId ${subject} (admins and clinical leads)`,
        body: obj({ holderId: str({ maxLength: 100 }), subjectId: str({ maxLength: 100 }), startsOn: nullable(date()), endsOn: nullable(date()), reason: str({ minLength: 1, maxLength: 2000 }) }, ['startsOn', 'endsOn']),
        response: { 201: relationship },
      },
    }, async (req, reply) => reply.status(201).send(await addRelationship(ctx, principal(req), kind, req.body as Parameters<typeof addRelationship>[3])));

    app.post(`/api/${kind}/:id/end`, {
      schema: { summary: `End ${kind === 'cover' ? 'cover' : 'supervision'} now (admins and clinical leads)`, params: idParams, body: obj({}), response: { 200: relationship } },
    }, async (req) => endRelationship(ctx, principal(req), kind, id(req)));
  }

  app.get('/api/break-glass', {
    schema: { summary: 'Emergency accesses: a clinical lead’s own, or all for reviewers', response: { 200: arr(breakGlass) } },
  }, async (req) => listBreakGlass(ctx, principal(req)));

  app.post('/api/break-glass', {
    schema: {
      summary: `Emergency access to a client outside your relationships (clinical leads): your password and a current code, a category and a reason; read-only, for 1 to ${BREAK_GLASS_MAX_HOURS} hours (4 unless said), reviewed afterwards`,
      body: obj({
        caseCode: str({ minLength: 1, maxLength: 40 }), category: strEnum(BREAK_GLASS_CATEGORIES), reason: str({ minLength: 1, maxLength: 2000 }),
        hours: int({ minimum: 1, maximum: BREAK_GLASS_MAX_HOURS }), password: str({ maxLength: 1024 }), code: str({ maxLength: 20 }),
      }, ['hours']),
      response: { 201: breakGlass },
    },
  }, async (req, reply) => reply.status(201).send(await startBreakGlass(ctx, fullSession(req), req.body as BreakGlassInput)));

  app.post('/api/break-glass/:id/end', {
    schema: { summary: 'End your emergency access before it runs out', params: idParams, body: obj({}), response: { 200: breakGlass } },
  }, async (req) => endBreakGlass(ctx, principal(req), id(req)));
}
