import { UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import { Skill } from '../../taxonomy/schema/concepts.js';
import type { SkillRow } from '../../taxonomy/store.js';
import type { LinkEvidence, LinkLabelType } from '../linker.js';

/** linkSkills: any free text → ranked ESCO skills, each with the evidence for the link. */

const LinkLabelTypeEnum = builder.enumType('LinkLabelType', {
  description: 'Which kind of ESCO label a linked text matched, and the weight its score gets.',
  values: {
    PREFERRED: { description: 'The preferred label (weight 1).' },
    ALTERNATIVE: { description: 'An alternative label, a synonym or variant (weight 0.95).' },
    HIDDEN: {
      description:
        'A hidden label, a search term ESCO does not display such as a misspelling or outdated term (weight 0.85).',
    },
  } as const satisfies Record<LinkLabelType, { description: string }>,
});

interface LinkEvidenceShape extends LinkEvidence {
  taxonomyVersion: string;
}

const SkillLinkEvidence = builder.objectRef<LinkEvidenceShape>('SkillLinkEvidence').implement({
  description: 'Why a text was linked to a skill: which words matched which label, and how the score was made.',
  fields: (t) => ({
    matchedText: t.exposeString('matchedText', {
      description: 'The span of the text, from first to last matched word (normalised).',
    }),
    matchedLabel: t.exposeString('matchedLabel', { description: "The skill's label that matched best." }),
    labelType: t.field({
      type: LinkLabelTypeEnum,
      description: 'Which kind of label matchedLabel is.',
      resolve: (evidence) => evidence.labelType,
    }),
    labelCoverage: t.exposeFloat('labelCoverage', {
      description: "Share of the label's information (IDF weight) found in the text.",
    }),
    phraseMatch: t.exposeBoolean('phraseMatch', { description: "The label's words stand in the text as one phrase." }),
    nearbyCoverage: t.exposeFloat('nearbyCoverage', {
      description:
        "Share of the label's information found within a few neighbouring words of one sentence, its general words at half weight; a profile suggests the skill at 0.75 or more (docs/skill-linking.md).",
    }),
    labelScore: t.exposeFloat('labelScore', {
      description:
        "The best label's score: IDF weight of its words found in the text × labelCoverage² × the label type's weight, × 1.5 for a phrase match; 0 when the skill was credited only through a narrower skill.",
    }),
    descriptionScore: t.exposeFloat('descriptionScore', {
      description: "BM25 of the text against the skill's description.",
    }),
    prior: t.exposeFloat('prior', {
      description: 'Multiplier for skills many occupations need (1 + 0.05·ln(1 + occupations)).',
    }),
    hierarchyScore: t.exposeFloat('hierarchyScore', {
      description: '0.2 × the text score of the best-matching narrower skill (0 when no narrower skill matched).',
    }),
    viaNarrowerSkill: t.field({
      type: Skill,
      nullable: true,
      description:
        'The narrower skill whose match credited this one. When labelScore is 0, the matched text and label are its own.',
      resolve: async (evidence, _args, context) =>
        evidence.viaNarrowerSkill &&
        ((await context.loaders.taxonomy.skill.load(evidence.viaNarrowerSkill.uri)) as SkillRow | null),
    }),
    method: t.exposeString('method', { description: 'The linking method, in short.' }),
    taxonomyVersion: t.exposeString('taxonomyVersion', {
      description: 'The ESCO release the link was computed against.',
    }),
  }),
});

interface SkillLinkShape {
  uri: string;
  score: number;
  evidence: LinkEvidenceShape;
}

const SkillLinkRef = builder.objectRef<SkillLinkShape>('SkillLink').implement({
  description: 'An ESCO skill a text was linked to, with its score and the evidence for the link.',
  fields: (t) => ({
    skill: t.field({
      type: Skill,
      description: 'The skill.',
      resolve: async (link, _args, context) => (await context.loaders.taxonomy.skill.load(link.uri)) as SkillRow,
    }),
    score: t.exposeFloat('score', {
      description: '(labelScore + 0.15 × descriptionScore) × prior + hierarchyScore; comparable within one text only.',
    }),
    evidence: t.field({
      type: SkillLinkEvidence,
      description: 'Why the text was linked to the skill.',
      resolve: (link) => link.evidence,
    }),
  }),
});

const MAX_TEXT_LENGTH = 20_000;
const MAX_LINKS = 50;

builder.queryFields((t) => ({
  linkSkills: t.field({
    type: [SkillLinkRef],
    description:
      'Links free text (a learning outcome, a CV paragraph, a job ad) to ESCO skills, best first, with evidence.',
    args: {
      text: t.arg.string({ required: true, description: `The text to link, at most ${MAX_TEXT_LENGTH} characters.` }),
      first: t.arg.int({ defaultValue: 10, description: `At most ${MAX_LINKS}.` }),
    },
    resolve: async (_root, args, context) => {
      const first = args.first ?? 10;
      if (first < 1 || first > MAX_LINKS)
        throw new UserInputError('first', `must be between 1 and ${MAX_LINKS} (got ${first})`);
      if (args.text.length > MAX_TEXT_LENGTH)
        throw new UserInputError('text', `must be at most ${MAX_TEXT_LENGTH} characters (got ${args.text.length})`);
      const release = await context.skillLinker();
      if (!release) return [];
      return (await release.linkText(args.text, first)).map((link) => ({
        uri: link.uri,
        score: link.score,
        evidence: { ...link.evidence, taxonomyVersion: release.taxonomyVersion },
      }));
    },
  }),
}));
