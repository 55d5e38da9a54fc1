import { MicroCredentialRef } from '../../catalogue/schema/micro-credential.js';
import { builder } from '../../graphql/builder.js';
import { type HubContext, loadExisting } from '../../graphql/context.js';
import { Occupation, Skill } from '../../taxonomy/schema/concepts.js';
import type { TaxonomySnapshot } from '../../taxonomy/snapshot.js';
import type { AnyConceptRow, SkillRow } from '../../taxonomy/store.js';
import {
  RELEVANCE_METHOD,
  type Transition,
  microCredentialRelevance,
  occupationRelevance,
  skillRelevance,
} from '../relevance.js';

function relevanceInSnapshot(snapshot: TaxonomySnapshot, skill: SkillRow, transition: Transition): number {
  const around = (direction: 'up' | 'down') =>
    snapshot
      .neighbours(direction, skill.uri)
      .filter((c) => c.kind === 'Skill')
      .map((c) => ({ collections: (c as SkillRow).collections ?? [] }));
  return skillRelevance(
    { collections: skill.collections ?? [], broader: around('up'), narrower: around('down') },
    transition,
  );
}

const perSnapshot = new WeakMap<TaxonomySnapshot, Record<Transition, Map<string, number>>>();

/** Every current skill's relevance, computed once per taxonomy snapshot (it changes only with the release). */
function snapshotRelevance(snapshot: TaxonomySnapshot, transition: Transition): Map<string, number> {
  let both = perSnapshot.get(snapshot);
  if (!both) {
    const compute = (which: Transition) =>
      new Map(snapshot.currentSkills().map(({ skill }) => [skill.uri, relevanceInSnapshot(snapshot, skill, which)]));
    both = { green: compute('green'), digital: compute('digital') };
    perSnapshot.set(snapshot, both);
  }
  return both[transition];
}

/** Builds the snapshot's relevance tables now (at start), so the first answer that needs them does not pay for them. */
export function warmRelevanceTables(snapshot: TaxonomySnapshot): void {
  snapshotRelevance(snapshot, 'green');
}

/** Relevance of each skill: from the snapshot's table, else its hierarchy read through the request's loaders (batched). */
export async function skillRelevances(
  context: HubContext,
  skills: SkillRow[],
  transition: Transition,
): Promise<Map<string, number>> {
  if (context.taxonomy) {
    const table = snapshotRelevance(context.taxonomy, transition);
    // Deprecated skills are not in the table (it holds the current release); they are computed as asked.
    return new Map(
      skills.map((skill) => [
        skill.uri,
        table.get(skill.uri) ?? relevanceInSnapshot(context.taxonomy!, skill, transition),
      ]),
    );
  }
  const uris = skills.map((skill) => skill.uri);
  const [broader, narrower] = await Promise.all([
    context.loaders.taxonomy.broader.loadMany(uris),
    context.loaders.taxonomy.narrower.loadMany(uris),
  ]);
  const skillsOnly = (list: AnyConceptRow[] | Error) => {
    if (list instanceof Error) throw list;
    return list.filter((c) => c.kind === 'Skill').map((c) => ({ collections: (c as SkillRow).collections ?? [] }));
  };
  return new Map(
    skills.map((skill, i) => [
      skill.uri,
      skillRelevance(
        { collections: skill.collections ?? [], broader: skillsOnly(broader[i]), narrower: skillsOnly(narrower[i]) },
        transition,
      ),
    ]),
  );
}

for (const transition of ['green', 'digital'] as const) {
  const name = `${transition}Relevance` as const;
  builder.objectField(Skill, name, (t) =>
    t.float({
      description: `${transition === 'green' ? 'Green' : 'Digital'} transition relevance, 0–1: ${RELEVANCE_METHOD.skill} (ESCO ${transition} skills collection).`,
      resolve: async (skill, _a, context) => (await skillRelevances(context, [skill], transition)).get(skill.uri) ?? 0,
    }),
  );
  builder.objectField(Occupation, name, (t) =>
    t.float({
      description: `${transition === 'green' ? 'Green' : 'Digital'} transition relevance, 0–1: ${RELEVANCE_METHOD.occupation}; a skill's relevance: ${RELEVANCE_METHOD.skill}.`,
      resolve: async (occupation, _a, context) => {
        const [essential, optional] = await Promise.all([
          context.loaders.taxonomy.essentialSkills.load(occupation.uri),
          context.loaders.taxonomy.optionalSkills.load(occupation.uri),
        ]);
        const relevance = await skillRelevances(context, [...essential, ...optional], transition);
        return occupationRelevance(
          essential.map((s) => relevance.get(s.uri) ?? 0),
          optional.map((s) => relevance.get(s.uri) ?? 0),
        );
      },
    }),
  );
  builder.objectField(MicroCredentialRef, name, (t) =>
    t.float({
      description: `${transition === 'green' ? 'Green' : 'Digital'} transition relevance, 0–1: ${RELEVANCE_METHOD.microCredential}; a skill's relevance: ${RELEVANCE_METHOD.skill}.`,
      resolve: async (offer, _a, context) => {
        const outcomes = await context.loaders.catalogue.outcomes.load(offer.id);
        const links = outcomes.flatMap((outcome) => outcome.links).filter((link) => link.state !== 'REJECTED');
        const skills = await loadExisting(context.loaders.taxonomy.skill, [
          ...new Set(links.map((link) => link.skillUri)),
        ]);
        const relevance = await skillRelevances(context, skills, transition);
        return microCredentialRelevance(
          links.map((link) => ({
            skillUri: link.skillUri,
            state: link.state,
            relevance: relevance.get(link.skillUri) ?? 0,
          })),
        );
      },
    }),
  );
}
