import { UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import { loadExisting } from '../../graphql/context.js';
import { findOccupations } from '../occupation-finder.js';
import type { OccupationSearchEvidence, OccupationSearchHit as Hit } from '../occupation-search.js';
import { bestMatchingLabel } from '../../taxonomy/search.js';
import type { OccupationRow } from '../../taxonomy/store.js';
import { LabelTypeEnum } from '../../taxonomy/schema/taxonomy.js';
import { Occupation, Skill } from '../../taxonomy/schema/concepts.js';

/** `searchOccupations`: job titles and self-descriptions to ESCO occupations (src/linking/occupation-search.ts). */

const MAX_RESULTS = 100;

const MatchedSkill = builder
  .objectRef<{ uri: string; relation: 'ESSENTIAL' | 'OPTIONAL' }>('OccupationSearchSkill')
  .implement({
    description: 'A skill found in the text that the occupation lists.',
    fields: (t) => ({
      skill: t.field({
        type: Skill,
        nullable: true,
        description: 'The skill.',
        resolve: (s, _a, context) => context.loaders.taxonomy.skill.load(s.uri),
      }),
      relation: t.string({ description: 'ESSENTIAL or OPTIONAL for the occupation.', resolve: (s) => s.relation }),
    }),
  });

const Evidence = builder.objectRef<OccupationSearchEvidence>('OccupationSearchEvidence').implement({
  description:
    'How an occupation search hit was scored: score = label score + 0.3 × description score + 0.5 × skill score.',
  fields: (t) => ({
    labelScore: t.float({
      description:
        'Best label: label coverage² × (0.4 + 0.6 × query coverage) × label-type weight, +0.5 for an exact label, ×1.2 for a phrase match.',
      resolve: (e) => e.labelScore,
    }),
    labelCoverage: t.float({
      description: 'Share of the matched label’s word weight (IDF) found in the text.',
      resolve: (e) => e.labelCoverage,
    }),
    queryCoverage: t.float({
      description: 'Share of the text’s word weight found in the label.',
      resolve: (e) => e.queryCoverage,
    }),
    exactLabel: t.boolean({
      description: 'The text is exactly this label (after dropping title noise such as "senior" or "m/w/d").',
      resolve: (e) => e.exactLabel,
    }),
    labelNamed: t.boolean({
      description:
        'The text names the matched label: all its words, standing together (at most one other word among them); a profile then takes the occupation as work history.',
      resolve: (e) => e.labelNamed,
    }),
    allLabelsCoverage: t.float({
      description:
        'Share of the text’s word weight that the occupation’s labels explain together, each word from any of its labels (0–1).',
      resolve: (e) => e.allLabelsCoverage,
    }),
    descriptionScore: t.float({
      description: 'BM25 of the text against the occupation’s description, relative to the best of this search (0–1).',
      resolve: (e) => e.descriptionScore,
    }),
    skillScore: t.float({
      description:
        'Skills the skill linker found in the text that the occupation lists (essential 1, optional 0.5, × link score × specificity), relative to the best of this search (0–1).',
      resolve: (e) => e.skillScore,
    }),
    matchedSkills: t.field({
      type: [MatchedSkill],
      description: 'Those skills, strongest first (at most 5).',
      resolve: (e) => e.matchedSkills,
    }),
    method: t.string({ description: 'The method, in short.', resolve: (e) => e.method }),
  }),
});

const OccupationSearchHit = builder
  .objectRef<Hit & { concept: OccupationRow; text: string }>('OccupationSearchHit')
  .implement({
    description: 'An occupation found for a job title or a description of someone’s work, with how it was scored.',
    fields: (t) => ({
      occupation: t.field({ type: Occupation, description: 'The occupation.', resolve: (hit) => hit.concept }),
      score: t.float({ description: 'Relevance; comparable within one search only.', resolve: (hit) => hit.score }),
      matchedLabel: t.string({
        description:
          'The label of the occupation that best matches the text (its preferred label when only the description or skills matched).',
        resolve: (hit) => hit.evidence.matchedLabel ?? bestMatchingLabel(hit.text, hit.concept).label,
      }),
      matchedLabelType: t.field({
        type: LabelTypeEnum,
        description: 'Which kind of label matched.',
        resolve: (hit) => hit.evidence.labelType ?? bestMatchingLabel(hit.text, hit.concept).labelType,
      }),
      evidence: t.field({ type: Evidence, description: 'The parts of the score.', resolve: (hit) => hit.evidence }),
      method: t.string({ description: 'How the score was computed.', resolve: (hit) => hit.evidence.method }),
    }),
  });

builder.queryFields((t) => ({
  searchOccupations: t.field({
    type: [OccupationSearchHit],
    description: `Occupations for a job title ("electrician", "Senior Java Developer (m/w/d)") or a description of someone’s work ("I drove a forklift in a warehouse for six years"), best first (at most ${MAX_RESULTS}). An exact label ranks first, then partial and stemmed label matches, then matches through the description and the skills the text names; each hit shows its score’s parts.`,
    args: {
      text: t.arg.string({ required: true, description: 'A job title or a few sentences about the work.' }),
      first: t.arg.int({ defaultValue: 10, description: `How many hits (1–${MAX_RESULTS}, default 10).` }),
    },
    resolve: async (_root, args, context) => {
      const first = args.first ?? 10;
      if (first < 1 || first > MAX_RESULTS)
        throw new UserInputError('first', `must be between 1 and ${MAX_RESULTS} (got ${first})`);
      if (!/[\p{L}\p{N}]/u.test(args.text))
        throw new UserInputError('text', 'must contain at least one word to search for');
      const [search, release] = await Promise.all([context.occupationSearch(), context.skillLinker()]);
      if (!search) return [];
      const hits = findOccupations(search, release?.linker ?? null, args.text, { first });
      const concepts = await loadExisting(
        context.loaders.taxonomy.occupation,
        hits.map((hit) => hit.uri),
      );
      const byUri = new Map(concepts.map((concept) => [concept.uri, concept]));
      // A hit the snapshot does not know yet (an import committed moments ago) is left out, not failed.
      return hits.flatMap((hit) =>
        byUri.has(hit.uri) ? [{ ...hit, concept: byUri.get(hit.uri)!, text: args.text }] : [],
      );
    },
  }),
}));
