import { builder } from '../../graphql/builder.js';
import { Skill } from '../../taxonomy/schema/concepts.js';
import type { SkillRow } from '../../taxonomy/store.js';
import type { OutcomeWithLinks, SkillLinkRow } from '../store.js';

/** Learning outcomes (of offers and qualifications) and their links to ESCO skills. */

export const SkillLinkStateEnum = builder.enumType('SkillLinkState', {
  description:
    'SUGGESTED by the linker; ACCEPTED or REJECTED by a curator; ADDED by hand. Only suggestions are replaced when outcomes are re-linked.',
  values: {
    SUGGESTED: { description: 'Proposed by the skill linker; replaced when the outcomes are re-linked.' },
    ACCEPTED: { description: 'Confirmed by a curator.' },
    REJECTED: { description: 'Rejected by a curator: never suggested again for that outcome.' },
    ADDED: { description: 'Linked by a curator by hand.' },
  } as const satisfies Record<SkillLinkRow['state'], { description: string }>,
});

export const OutcomeSkillLinkRef = builder.objectRef<SkillLinkRow>('OutcomeSkillLink').implement({
  description: 'A link from a learning outcome to an ESCO skill, with its evidence and review.',
  fields: (t) => ({
    skill: t.field({
      type: Skill,
      description: 'The ESCO skill.',
      resolve: async (link, _args, context) => (await context.loaders.taxonomy.skill.load(link.skillUri)) as SkillRow,
    }),
    outcomeId: t.exposeID('outcomeId', { description: 'Id of the learning outcome.' }),
    state: t.field({
      type: SkillLinkStateEnum,
      description: 'Where the link stands in review.',
      resolve: (link) => link.state,
    }),
    score: t.exposeFloat('score', { nullable: true, description: 'Linker score (null for links added by hand).' }),
    strongEvidence: t.boolean({
      description:
        'Whether the outcome holds every word of the skill’s preferred label: strong evidence (false for links added by hand).',
      resolve: (link) => link.strong ?? false,
    }),
    method: t.exposeString('method', {
      description:
        "How the link was made: the linker's method (with any boost for a targeted occupation's essential skill, or a note that it came from the title), or 'added by hand' / 'rejected by hand'.",
    }),
    matchedText: t.exposeString('matchedText', {
      nullable: true,
      description: 'The span of the outcome text that matched (normalised); null for links made by hand.',
    }),
    matchedLabel: t.exposeString('matchedLabel', {
      nullable: true,
      description: "The skill's label that matched; null for links made by hand.",
    }),
    taxonomyVersion: t.exposeString('taxonomyVersion', { description: 'The ESCO release the link was made against.' }),
    linkedAt: t.exposeString('linkedAt', { description: 'When the link was made (ISO 8601 date-time).' }),
    reviewedBy: t.exposeString('reviewedBy', {
      nullable: true,
      description: 'Who reviewed or added it (the reviewer given, else the API key name); null while unreviewed.',
    }),
    reviewedAt: t.exposeString('reviewedAt', {
      nullable: true,
      description: 'When it was last reviewed (ISO 8601 date-time); null while unreviewed.',
    }),
    note: t.exposeString('note', {
      nullable: true,
      description: "The curator's note from the last review; null when none.",
    }),
  }),
});

export const LearningOutcomeRef = builder.objectRef<OutcomeWithLinks>('LearningOutcome').implement({
  description: 'A learning outcome of an offer or qualification, as stated, with its links to ESCO skills.',
  fields: (t) => ({
    id: t.exposeID('id', {
      description: 'Stable while the text is unchanged, so links and reviews survive re-imports.',
    }),
    text: t.exposeString('text', {
      description: 'The outcome as the offer states it (its title when stated is false).',
    }),
    position: t.exposeInt('position', { description: "Position in the offer's list of learning outcomes, from 0." }),
    stated: t.exposeBoolean('stated', {
      description:
        'false: the offer states no learning outcomes; this entry is its title (a qualification’s: title and description), linked so its likely skills can be seen and reviewed.',
    }),
    kind: t.string({
      nullable: true,
      description:
        'For a qualification’s statement: SKILL, KNOWLEDGE, BEHAVIOUR (an apprenticeship standard’s three) or OUTCOME; null for an offer’s outcome.',
      resolve: (o) => o.kind ?? null,
    }),
    core: t.boolean({
      nullable: true,
      description: 'Whether the qualification marks the statement as core; null: not stated.',
      resolve: (o) => o.core ?? null,
    }),
    skillLinks: t.field({
      type: [OutcomeSkillLinkRef],
      description:
        'Links to ESCO skills by linker score, highest first; links without a score (made by hand) come before them.',
      args: {
        includeRejected: t.arg.boolean({
          defaultValue: false,
          description: 'Also return links a curator rejected (default false).',
        }),
      },
      resolve: (outcome, args) => outcome.links.filter((link) => args.includeRejected || link.state !== 'REJECTED'),
    }),
  }),
});
