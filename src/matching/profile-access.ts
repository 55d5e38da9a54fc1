import { GraphQLError } from 'graphql';
import { hasRole } from '../access/callers.js';
import { NotFoundError } from '../errors.js';
import type { HubContext } from '../graphql/context.js';
import { type ProfileRow, readProfile } from './profile-store.js';

/** Access to jobseeker profiles: the counsellor who made one, or an admin; every read, and every refused attempt, recorded in the audit trail. */

/** Audit events about a profile name it by its random id, never by the person's reference or pseudonym. */
export const auditSubject = (id: string) => `jobseeker:${id}`;

/** The profile, if the caller may see it; the read is audited. */
export async function profileFor(context: HubContext, id: string, action: string): Promise<ProfileRow> {
  const profile = await readProfile({ run: (cypher, params) => context.graph.read(cypher, params) }, id);
  if (!profile) throw new NotFoundError(`jobseeker profile '${id}'`);
  if (profile.counsellor !== context.caller.name && !hasRole(context.caller, 'admin')) {
    // An attempt on someone else's profile is on record too.
    await context.auditRead({
      actor: context.caller.name,
      action: `${action} refused`,
      subject: auditSubject(id),
      detail: 'the profile belongs to another counsellor',
    });
    throw new GraphQLError(`jobseeker profile '${id}' belongs to another counsellor`, {
      extensions: { code: 'FORBIDDEN' },
    });
  }
  // Nothing of the profile is returned before the read is on record.
  await context.auditRead({
    actor: context.caller.name,
    action,
    subject: auditSubject(id),
    detail: `${profile.skills.length} skill(s), ${profile.workHistory.length} occupation(s)`,
  });
  return profile;
}
