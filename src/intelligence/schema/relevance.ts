import { MicroCredentialRef } from '../../catalogue/schema/micro-credential.js';
import { builder } from '../../graphql/builder.js';
import { type HubContext, loadExisting } from '../../graphql/context.js';
import { Occupation, Skill } from '../../taxonomy/schema/concepts.js';
import type { AnyConceptRow, SkillRow } from '../../taxonomy/store.js';
import { RELEVANCE_METHOD, type Transition, microCredentialRelevance, occupationRelevance, skillRelevance } from '../relevance.js';

/** Relevance of each skill, its hierarchy read through the request's loaders (batched; no round trip with the snapshot). */
export async function skillRelevances(context: HubContext, skills: SkillRow[], transition: Transition): Promise<Map<string, number>> {
  const uris = skills.map((skill) => skill.uri);
  const [broader, narrower] = await Promise.all([
    context.loaders.taxonomy.broader.loadMany(uris),
    context.loaders.taxonomy.narrower.loadMany(uris),
  ]);
  const skillsOnly = (list: AnyConceptRow[] | Error) => {
    if (list instanceof Error) throw list;
    return list.filter((c) => c.kind === 'Skill').map((c) => ({ collections: (c as SkillRow).collections ?? [] }));
  };
  return new Map(skills.map((skill, i) => [skill.uri, skillRelevance({ collections: skill.collections ?? [], broader: skillsOnly(broader[i]), narrower: skillsOnly(narrower[i]) }, transition)]));
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
        return occupationRelevance(essential.map((s) => relevance.get(s.uri) ?? 0), optional.map((s) => relevance.get(s.uri) ?? 0));
      },
    }),
  );
  builder.objectField(MicroCredentialRef, name, (t) =>
    t.float({
      description: `${transition === 'green' ? 'Green' : 'Digital'} transition relevance, 0–1: ${RELEVANCE_METHOD.microCredential}; a skill's relevance: ${RELEVANCE_METHOD.skill}.`,
      resolve: async (offer, _a, context) => {
        const outcomes = await context.loaders.catalogue.outcomes.load(offer.id);
        const links = outcomes.flatMap((outcome) => outcome.links).filter((link) => link.state !== 'REJECTED');
        const skills = await loadExisting(context.loaders.taxonomy.skill, [...new Set(links.map((link) => link.skillUri))]);
        const relevance = await skillRelevances(context, skills, transition);
        return microCredentialRelevance(links.map((link) => ({ skillUri: link.skillUri, state: link.state, relevance: relevance.get(link.skillUri) ?? 0 })));
      },
    }),
  );
}

