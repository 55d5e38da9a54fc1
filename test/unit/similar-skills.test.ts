import { describe, expect, it } from 'vitest';
import type { LinkableSkill } from '../../src/linking/linker.js';
import { SHARED_PARENT_BONUS, SIMILAR_MIN, SimilarSkills } from '../../src/linking/similar-skills.js';
import { stems } from '../../src/retrieval/text.js';
import { TermVectors } from '../../src/retrieval/vectors.js';

const skill = (uri: string, preferredLabel: string, extra: Partial<LinkableSkill> = {}): LinkableSkill => ({
  uri,
  preferredLabel,
  ...extra,
});

const skills = [
  skill('s:stack', 'stack pallets', { description: 'Stack pallets in the warehouse.' }),
  skill('s:load', 'pallets stacking', {
    altLabels: ['stack pallets on trucks'],
    description: 'Stack and load pallets in the warehouse.',
  }),
  skill('s:cook', 'cook meals', { broaderGroups: ['g:kitchen'], description: 'Prepare and cook meals in a kitchen.' }),
  skill('s:serve', 'serve hot meals', { broaderGroups: ['g:food'], description: 'Serve hot meals to guests.' }),
  skill('s:plate', 'plate hot meals', { broaderGroups: ['g:food'], description: 'Arrange hot meals on plates.' }),
  skill('s:drive', 'drive vans', { description: 'Drive vans on public roads.' }),
];

describe('SimilarSkills', () => {
  it('finds the skills described in nearly the same words, with the cosine of label, synonym and description vectors', () => {
    const similar = new SimilarSkills(skills);
    const found = similar.similar('s:stack');
    expect(found.map((f) => f.uri)).toEqual(['s:load']);
    // The same cosine, from the retrieval core on the fields the header names (label 1, synonyms 0.5, description 0.3).
    const vectors = new TermVectors(
      skills.map((s) => [
        { keys: stems(s.preferredLabel), weight: 1 },
        { keys: (s.altLabels ?? []).flatMap(stems), weight: 0.5 },
        { keys: stems(s.description ?? ''), weight: 0.3 },
      ]),
    );
    expect(found[0].similarity).toBe(Math.round(vectors.cosine(0, 1) * 1000) / 1000);
    expect(found[0].similarity).toBeGreaterThanOrEqual(SIMILAR_MIN);
    // Nothing shares a content word with "drive vans"; an unknown skill has no neighbours.
    expect(similar.similar('s:drive')).toEqual([]);
    expect(similar.similar('s:unknown')).toEqual([]);
  });

  it('adds the shared-parent bonus to skills under one broader skill or group, and only to them', () => {
    const withParent = new SimilarSkills(skills);
    const apart = new SimilarSkills(skills.map((s) => ({ ...s, broaderGroups: [] })));
    const serve = (index: SimilarSkills, uri: string) => index.similar('s:serve').find((f) => f.uri === uri);
    // serve and plate share g:food and the words "hot meals" (cosine 0.38, below SIMILAR_MIN alone); cook shares
    // only "meals", in another group.
    const cosine = new TermVectors(
      skills.map((s) => [
        { keys: stems(s.preferredLabel), weight: 1 },
        { keys: (s.altLabels ?? []).flatMap(stems), weight: 0.5 },
        { keys: stems(s.description ?? ''), weight: 0.3 },
      ]),
    ).cosine(3, 4);
    expect(cosine).toBeLessThan(SIMILAR_MIN);
    expect(serve(withParent, 's:plate')?.similarity).toBe(Math.round((cosine + SHARED_PARENT_BONUS) * 1000) / 1000);
    expect(serve(apart, 's:plate')).toBeUndefined();
    expect(withParent.similar('s:serve').map((f) => f.uri)).toEqual(['s:plate']);
    expect(withParent.similar('s:cook')).toEqual([]);
  });
});
