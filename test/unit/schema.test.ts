import fs from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { undescribed } from '../../src/graphql/descriptions.js';
import { schema } from '../../src/server/schema.js';

describe('schema.graphql', () => {
  it('is the printed code-first schema (run `npm run codegen` after changing the schema)', () => {
    const committed = fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8');
    expect(committed.trim()).toBe(printSchema(schema).trim());
  });
});

describe('schema descriptions', () => {
  it('lists every type, field, argument and enum value without a description, and the list only shrinks', () => {
    // test/unit/schema-undescribed.txt is the committed list; new schema must come with descriptions,
    // and describing an old element means deleting its line.
    const committed = fs
      .readFileSync(path.join(projectRoot, 'test', 'unit', 'schema-undescribed.txt'), 'utf8')
      .trim()
      .split('\n')
      .filter((line) => line !== '');
    const now = undescribed(schema);
    expect(
      now.filter((name) => !committed.includes(name)),
      'undescribed and not in the list: add descriptions',
    ).toEqual([]);
    expect(
      committed.filter((name) => !now.includes(name)),
      'described now: delete these lines from the list',
    ).toEqual([]);
  });

  it('describes everything of skills intelligence', () => {
    const intelligence =
      /^(SkillGap|SkillGapSlice|DemandEvidence|DemandEvidenceOccupation|CoveringOffer|CredentialRecommendations|DevelopRecommendation|OutlinePartialCover|UpdateRecommendation|UpdateReason|Transition|TransitionShares|DashboardCell|WhatIf|HypotheticalOffer|DemandShift|DemandBehind|SkillGroupGap)\b|^(Query\.(sectorSkillGaps|sectorSkillGroupGaps|credentialRecommendations|skillsDashboard)|(Skill|Occupation|MicroCredential)\.(green|digital)Relevance|(MicroCredential|Provider)\.demandBehind)/;
    for (const type of [
      'SkillGap',
      'SkillGapSlice',
      'DemandEvidence',
      'CredentialRecommendations',
      'DevelopRecommendation',
      'UpdateRecommendation',
      'Transition',
    ]) {
      expect(schema.getType(type), type).toBeDefined();
    }
    expect(undescribed(schema).filter((name) => intelligence.test(name))).toEqual([]);
  });
});
