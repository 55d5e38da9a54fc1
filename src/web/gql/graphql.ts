/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The elements Annex I of the 2022 Council Recommendation asks a micro-credential offer to state. */
export type AnnexElement =
  /** Type of assessment (mandatory). */
  | 'ASSESSMENT_TYPE'
  /** Awarding body(ies) (mandatory). */
  | 'AWARDING_BODY'
  /** Further information (optional). */
  | 'FURTHER_INFORMATION'
  /** Country(ies) or region(s) of the issuer (mandatory): present when issuerCountries or issuerRegions is given. */
  | 'ISSUER_COUNTRY'
  /** Learning outcomes (mandatory). */
  | 'LEARNING_OUTCOMES'
  /** Level (EQF, national level or QF-EHEA cycle), mandatory if applicable: the one mandatory element that may be declared not applicable. */
  | 'LEVEL'
  /** Form of participation in the learning activity (mandatory). */
  | 'PARTICIPATION_FORM'
  /** Prerequisites needed to enrol (optional). */
  | 'PREREQUISITES'
  /** Type of quality assurance used to underpin the micro-credential (mandatory). */
  | 'QUALITY_ASSURANCE'
  /** Integration or stackability: stand-alone, or stackable towards another credential (optional). */
  | 'STACKABILITY'
  /** Supervision and identity verification during assessment (optional). */
  | 'SUPERVISION'
  /** Title of the micro-credential (mandatory). */
  | 'TITLE'
  /** Notional workload needed to achieve the learning outcomes, in ECTS where possible (mandatory). */
  | 'WORKLOAD';

/** The result of a principle check on a catalogue entry. */
export type CheckOutcome =
  /** The entry does not meet the check. */
  | 'FAIL'
  /** The entry meets the check. */
  | 'PASS'
  /** The entry lacks what the check needs (e.g. no provider, no revision date). */
  | 'UNKNOWN'
  /** Met only in part or in a weaker form (e.g. workload stated in another unit than ECTS, some outcomes written as topics). */
  | 'WARN';

/** The kind of an ESCO concept (its label in the graph). */
export type ConceptKind =
  /** An ISCO-08 group (major group to unit group) of the occupations pillar. */
  | 'IscoGroup'
  /** An ESCO occupation. */
  | 'Occupation'
  /** A skill/competence or knowledge concept. */
  | 'Skill'
  /** A group of the ESCO skills hierarchy. */
  | 'SkillGroup';

/** What a course plan must respect. Every field is optional; a left-out one does not constrain. */
export type CourseConstraints = {
  /** ISO date the person can start: offers no longer offered by then are left out. */
  earliestStart?: string | null | undefined;
  /** The person’s EQF level: offers at most one level above it. */
  eqfLevel?: number | null | undefined;
  /** Voucher or individual learning account, with the amount if known. */
  funding?: FundingInput | null | undefined;
  /** Languages the person can learn in (ISO 639-1: en, hr). */
  languages?: Array<string> | null | undefined;
  /** The most hours of learning the person can take on in total. */
  maxWorkloadHours?: number | null | undefined;
  /** Accepted forms of participation: ONLINE, ONSITE, BLENDED, WORK_BASED. */
  modes?: Array<string> | null | undefined;
  /** Where the person lives: country, NUTS code, German district or Land. Offers must be issued there (or nationally) unless online. */
  region?: string | null | undefined;
  /** The person can learn online from home (default true). */
  remote?: boolean | null | undefined;
};

/** Scale demand for a what-if: for a sector alone, its figures; for an occupation or ISCO group (optionally in a sector), the share of each figure reaching it. */
export type DemandShift = {
  /** Multiplier, 0 or more (1.2 = 20% more demand). */
  factor: number;
  /** An ISCO-08 group code (1–4 digits). */
  isco?: string | null | undefined;
  /** An ESCO occupation. */
  occupationUri?: string | null | undefined;
  /** A NACE Rev.2 section or division. */
  sector?: string | null | undefined;
};

/** Whether an offer states an Annex I element, keeping "not specified" apart from "not applicable". */
export type ElementState =
  /** The offer declares it not applicable (notApplicable): allowed for LEVEL and the optional elements. */
  | 'NOT_APPLICABLE'
  /** The offer does not state it, and does not declare it not applicable. */
  | 'NOT_SPECIFIED'
  /** The offer states the element. */
  | 'PRESENT';

/** The person’s funding. */
export type FundingInput = {
  /** The amount available, if known: each offer and the plan’s total must stay within it. */
  amount?: number | null | undefined;
  /** ISO 4217 currency of the amount (EUR). */
  currency?: string | null | undefined;
  /** The scheme. */
  kind: FundingKind;
};

/** How the person’s training is paid for. */
export type FundingKind =
  /** An individual learning account: only ILA-eligible offers. */
  | 'ILA'
  /** No public funding scheme: any offer. */
  | 'NONE'
  /** A training voucher: only voucher-eligible offers. */
  | 'VOUCHER';

/** How a slice’s skills are ranked (src/intelligence/ranking.ts states each formula). */
export type GapRanking =
  /** By gap score: demand share × (1 − coverage). */
  | 'GAP'
  /** By gap score × shortage, shortage = vacancies / (vacancies + registered unemployed) of the groups needing the skill; needs a source publishing both. */
  | 'SHORTAGE'
  /** By the demand share above the skill’s share in the parent slice (without the occupation group, else the sector, else for the country), × (1 − coverage). */
  | 'SPECIFICITY';

/** An offer that does not exist (yet), for a what-if: complete, its skills as accepted links. */
export type HypotheticalOffer = {
  /** From a provider accredited in a public register (default true). */
  accredited?: boolean | null | undefined;
  /** A name for it (shown in coverage). */
  id: string | number;
  /** Taught online, reaching every region (default false). */
  online?: boolean | null | undefined;
  /** Where it would be offered: countries or NUTS codes (a German district or Land is resolved). */
  regions?: Array<string> | null | undefined;
  /** ESCO skill URIs it would teach. */
  skills: Array<string>;
  /** A title, if any. */
  title?: string | null | undefined;
};

/** What a counsellor records about a jobseeker. On update, each part given replaces that part; parts left out stay. */
export type JobseekerInput = {
  /** Micro-credentials the person holds: their linked skills are added as CREDENTIAL skills. */
  completedMicroCredentials?: Array<string | number> | null | undefined;
  /** Region, modes, workload, start, languages, level and funding for course plans. */
  constraints?: CourseConstraints | null | undefined;
  /** The counsellor’s own reference for the person (required on create); stored only as a keyed pseudonym. Never a name or national identifier. */
  reference?: string | null | undefined;
  /** ESCO skill URIs the counsellor confirms (origin GIVEN). */
  skills?: Array<string> | null | undefined;
  /** Notes or a CV paragraph: the skills found in it become suggestions to confirm or reject. The text is not stored. */
  text?: string | null | undefined;
  /** Occupations worked in; one given twice is held once, with its years added. */
  workHistory?: Array<WorkHistoryInput> | null | undefined;
};

/** Whether a match or transition is within reach now or a stretch (src/matching/viability.ts). */
export type MatchTier =
  /** Less than that: shown after every viable one, and demand does not lift it. */
  | 'STRETCH'
  /** The person has at least 0.4 of what the occupation needs (skill fit). */
  | 'VIABLE';

/** A curator's decision on a link from a learning outcome to a skill. */
export type SkillLinkDecision =
  /** Accept the link: it becomes ACCEPTED (the link must exist; add one with addSkillLink). */
  | 'ACCEPT'
  /** Reject the link: it becomes REJECTED, or is recorded as such when it did not exist, so it is never suggested. */
  | 'REJECT';

/** SUGGESTED by the linker; ACCEPTED or REJECTED by a curator; ADDED by hand. Only suggestions are replaced when outcomes are re-linked. */
export type SkillLinkState =
  /** Confirmed by a curator. */
  | 'ACCEPTED'
  /** Linked by a curator by hand. */
  | 'ADDED'
  /** Rejected by a curator: never suggested again for that outcome. */
  | 'REJECTED'
  /** Proposed by the skill linker; replaced when the outcomes are re-linked. */
  | 'SUGGESTED';

/** What supply a skill has in a region. */
export type SupplyKind =
  /** At least one published micro-credential reaching the region teaches it. */
  | 'MICRO_CREDENTIAL'
  /** Taught by no published offer or qualification route reaching the region. */
  | 'NONE'
  /** Taught in a qualification route (an apprenticeship standard), by no micro-credential. */
  | 'QUALIFICATION_ONLY';

/** A twin-transition lens: keep only skills (and offers teaching them) at green or digital relevance ≥ 0.5. */
export type Transition =
  /** Digital transition (ESCO digital skills collection). */
  | 'DIGITAL'
  /** Green transition (ESCO green skills collection). */
  | 'GREEN';

/** Hypothetical changes to re-score with. Nothing is written to the graph. */
export type WhatIf = {
  /** Changes in demand. */
  demandShifts?: Array<DemandShift> | null | undefined;
  /** Offers to add to supply. */
  newOffers?: Array<HypotheticalOffer> | null | undefined;
  /** Published offers to take out of supply. */
  retireOffers?: Array<string | number> | null | undefined;
};

/** An occupation the person worked in: an ESCO URI, or a job title found through occupation search. */
export type WorkHistoryInput = {
  /** The ESCO occupation. */
  occupationUri?: string | null | undefined;
  /** A job title as the person says it ("forklift driver"); its best occupation search hit is kept, the title is not. */
  title?: string | null | undefined;
  /** Years in it. */
  years?: number | null | undefined;
};

export type SummaryFragment = { offers: number, complete: number, averageScore: number, missing: Array<{ element: AnnexElement, offers: number }>, checks: Array<{ check: string, outcome: string, offers: number }> };

export type CatalogueListQueryVariables = Exact<{
  providerId?: string | number | null | undefined;
  text?: string | null | undefined;
  first?: number | null | undefined;
  last?: number | null | undefined;
  after?: string | null | undefined;
  before?: string | null | undefined;
}>;


export type CatalogueListQuery = { catalogueCompleteness: { overall: { offers: number, complete: number, averageScore: number, missing: Array<{ element: AnnexElement, offers: number }>, checks: Array<{ check: string, outcome: string, offers: number }> }, byProvider: Array<{ provider: { id: string, name: string, accreditationStatus: string } | null, summary: { offers: number, complete: number, averageScore: number, missing: Array<{ element: AnnexElement, offers: number }>, checks: Array<{ check: string, outcome: string, offers: number }> } }> }, microCredentials: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, eqfLevel: number | null, provider: { id: string, name: string } | null, workload: { value: number, unit: string, ects: number } | null, completeness: { score: number, missingMandatory: Array<AnnexElement>, checks: Array<{ check: string, outcome: CheckOutcome }> } } }> } };

export type LinkFragment = { outcomeId: string, state: SkillLinkState, score: number | null, method: string, matchedLabel: string | null, matchedText: string | null, strongEvidence: boolean, note: string | null, reviewedBy: string | null, reviewedAt: string | null, skill: { uri: string, preferredLabel: string } };

export type OfferQueryVariables = Exact<{
  id: string | number;
}>;


export type OfferQuery = { microCredential: { id: string, title: string, status: string, description: string | null, eqfLevel: number | null, languages: Array<string> | null, issuerCountries: Array<string> | null, awardingBodies: Array<string>, participationForm: string | null, sourceName: string | null, sourceReference: string | null, updatedAt: string, provider: { id: string, name: string, accreditationStatus: string, accreditationRegister: string | null } | null, workload: { value: number, unit: string, ects: number, conversion: string } | null, completeness: { score: number, mandatoryPresent: number, mandatoryTotal: number, method: string, elements: Array<{ element: AnnexElement, mandatory: boolean, state: ElementState }>, checks: Array<{ check: string, principle: string, outcome: CheckOutcome, detail: string }> }, learningOutcomes: Array<{ id: string, position: number, text: string, stated: boolean, skillLinks: Array<{ outcomeId: string, state: SkillLinkState, score: number | null, method: string, matchedLabel: string | null, matchedText: string | null, strongEvidence: boolean, note: string | null, reviewedBy: string | null, reviewedAt: string | null, skill: { uri: string, preferredLabel: string } }> }> } | null };

export type OfferElmQueryVariables = Exact<{
  id: string | number;
}>;


export type OfferElmQuery = { microCredential: { id: string, elm: { json: string, unmapped: Array<string>, validation: { conforms: boolean, profile: string, violations: Array<{ severity: string, focusNode: string, path: string | null, message: string, shape: string | null }> } } } | null };

export type SkillChoicesQueryVariables = Exact<{
  text: string;
}>;


export type SkillChoicesQuery = { searchSkills: Array<{ skill: { uri: string, preferredLabel: string } }> };

export type ReviewLinkMutationVariables = Exact<{
  outcomeId: string | number;
  skillUri: string;
  decision: SkillLinkDecision;
  note?: string | null | undefined;
}>;


export type ReviewLinkMutation = { reviewSkillLink: { outcomeId: string, state: SkillLinkState, score: number | null, method: string, matchedLabel: string | null, matchedText: string | null, strongEvidence: boolean, note: string | null, reviewedBy: string | null, reviewedAt: string | null, skill: { uri: string, preferredLabel: string } } };

export type AddLinkMutationVariables = Exact<{
  outcomeId: string | number;
  skillUri: string;
  note?: string | null | undefined;
}>;


export type AddLinkMutation = { addSkillLink: { outcomeId: string, state: SkillLinkState, score: number | null, method: string, matchedLabel: string | null, matchedText: string | null, strongEvidence: boolean, note: string | null, reviewedBy: string | null, reviewedAt: string | null, skill: { uri: string, preferredLabel: string } } };

export type DemandSourcesQueryVariables = Exact<{ [key: string]: never; }>;


export type DemandSourcesQuery = { demandSources: Array<{ id: string, name: string, citation: string, licence: string, retrievedOn: string | null, periods: Array<string>, coverage: Array<{ metric: string, periods: Array<string>, allSectors: boolean, regions: Array<{ code: string, name: string | null }>, regionsAbove: Array<{ code: string, name: string | null }>, sectors: Array<{ code: string, name: string | null }>, occupationGroups: Array<{ code: string, name: string | null }> }> }> };

export type DashboardRowQueryVariables = Exact<{
  sectors?: Array<string> | string | null | undefined;
  occupationGroups?: Array<string> | string | null | undefined;
  region?: string | null | undefined;
  period?: string | null | undefined;
}>;


export type DashboardRowQuery = { skillsDashboard: Array<{ sector: string | null, sectorName: string | null, occupationGroup: string | null, occupationGroupName: string | null, region: string | null, regionName: string | null, period: string, metric: string, unit: string, source: string | null, gapIndex: number | null, sliceTotal: number, offers: number, averageCompleteness: number | null, coveredShareOfDemand: number, explanation: string, green: { demandShare: number, supplyShare: number }, digital: { demandShare: number, supplyShare: number } } | null> };

export type SkillGapsQueryVariables = Exact<{
  sector?: string | null | undefined;
  region?: string | null | undefined;
  period?: string | null | undefined;
  occupationGroup?: string | null | undefined;
  rankBy?: GapRanking | null | undefined;
  first?: number | null | undefined;
}>;


export type SkillGapsQuery = { sectorSkillGaps: Array<{ rank: number | null, demand: number, demandShare: number, trend: number | null, trendPeriod: string | null, previousDemand: number | null, trendNote: string, coverage: number, gapScore: number, rankScore: number | null, lowReliabilityShare: number, supply: SupplyKind, explanation: string, skill: { uri: string, preferredLabel: string } | null, slice: { sector: string | null, sectorName: string | null, region: string | null, regionName: string | null, period: string, metric: string, unit: string, source: string | null, total: number, occupationGroup: string | null, selection: string }, coverageDetail: Array<{ weight: number, detail: string, offer: { id: string, title: string } | null }>, evidence: Array<{ source: string, sourceName: string, retrievedOn: string | null, region: string, sector: string | null, period: string, target: string, value: number | null, unit: string, flags: Array<string>, reliability: string, weight: number, contribution: number, method: string, topOccupations: Array<{ share: number, relation: string, occupation: { uri: string, preferredLabel: string } | null }> }> }> };

export type WhatIfGapsQueryVariables = Exact<{
  sector?: string | null | undefined;
  region?: string | null | undefined;
  period?: string | null | undefined;
  occupationGroup?: string | null | undefined;
  rankBy?: GapRanking | null | undefined;
  first?: number | null | undefined;
  whatIf?: WhatIf | null | undefined;
}>;


export type WhatIfGapsQuery = { sectorSkillGaps: Array<{ rank: number | null, gapScore: number, coverage: number, skill: { uri: string, preferredLabel: string } | null, slice: { whatIf: Array<string> } }> };

export type GapSeriesQueryVariables = Exact<{
  sector?: string | null | undefined;
  region?: string | null | undefined;
  period?: string | null | undefined;
  occupationGroup?: string | null | undefined;
  skill?: string | null | undefined;
}>;


export type GapSeriesQuery = { sectorSkillGaps: Array<{ demandSeries: Array<{ period: string, demand: number }> }> };

export type ReadSkillsQueryVariables = Exact<{
  text: string;
  region?: string | null | undefined;
}>;


export type ReadSkillsQuery = { matchOccupations: { heldSkills: Array<{ origin: string, detail: string, skill: { uri: string, preferredLabel: string } | null }>, currentOccupations: Array<{ occupation: { uri: string, preferredLabel: string } | null }> } };

export type MatchSkillsQueryVariables = Exact<{
  skills: Array<string> | string;
  region?: string | null | undefined;
  current: string;
  withTransitions: boolean;
}>;


export type MatchSkillsQuery = { matchOccupations: { demandNote: string, matches: Array<{ tier: MatchTier, skillFit: number, score: number, stepDown: boolean, grounded: boolean, explanation: string, occupation: { uri: string, preferredLabel: string, code: string | null } | null, missingEssential: Array<{ uri: string, preferredLabel: string }>, demand: { value: number, unit: string, period: string, source: string } | null }> }, occupationTransitions?: Array<{ tier: MatchTier, similarity: number, stepDown: boolean, occupation: { uri: string, preferredLabel: string } | null, missingEssential: Array<{ preferredLabel: string }> }> };

export type CoursePlanQueryVariables = Exact<{
  occupationUri: string;
  skills: Array<string> | string;
  constraints?: CourseConstraints | null | undefined;
}>;


export type CoursePlanQuery = { recommendCourses: { totalHours: number, totalCost: number, currency: string | null, method: string, explanation: string, missingEssential: Array<{ uri: string, preferredLabel: string }>, uncovered: Array<{ preferredLabel: string }>, courses: Array<{ workloadHours: number, costAmount: number, contribution: string, microCredential: { id: string, title: string } | null, covers: Array<{ preferredLabel: string }> }>, alternatives: Array<{ totalHours: number, totalCost: number, courses: Array<{ workloadHours: number, microCredential: { title: string } | null }>, uncovered: Array<{ preferredLabel: string }> }>, notAssessable: Array<{ reason: string, microCredential: { title: string } | null }>, rejected: Array<{ reason: string, microCredential: { title: string } | null }> } };

export type SavedProfileFragment = { id: string, pseudonym: string, createdAt: string, skills: Array<{ state: string, skill: { uri: string } | null }> };

export type SaveJobseekerMutationVariables = Exact<{
  input: JobseekerInput;
}>;


export type SaveJobseekerMutation = { createJobseeker: { id: string, pseudonym: string, createdAt: string, skills: Array<{ state: string, skill: { uri: string } | null }> } };

export type RecordPlanMutationVariables = Exact<{
  jobseekerId: string | number;
  occupationUri: string;
  proposed: Array<string | number> | string | number;
}>;


export type RecordPlanMutation = { recordPlan: { id: string, recordedAt: string, proposed: Array<{ id: string }> } };

export type FindJobseekerQueryVariables = Exact<{
  reference: string;
}>;


export type FindJobseekerQuery = { jobseekersByReference: Array<string> };

export type OpenJobseekerQueryVariables = Exact<{
  id: string | number;
}>;


export type OpenJobseekerQuery = { jobseeker: { id: string, skills: Array<{ origin: string, detail: string, state: string, skill: { uri: string, preferredLabel: string } | null }>, workHistory: Array<{ occupation: { uri: string, preferredLabel: string } | null }>, constraints: { region: string | null, maxWorkloadHours: number | null }, plans: Array<{ recordedAt: string, occupation: { preferredLabel: string } | null }> } };

export type UpdateJobseekerMutationVariables = Exact<{
  id: string | number;
  input: JobseekerInput;
}>;


export type UpdateJobseekerMutation = { updateJobseeker: { id: string, pseudonym: string, createdAt: string, skills: Array<{ state: string, skill: { uri: string } | null }> } };

export type RejectJobseekerSkillMutationVariables = Exact<{
  id: string | number;
  skillUri: string;
}>;


export type RejectJobseekerSkillMutation = { reviewJobseekerSkill: { id: string, pseudonym: string, createdAt: string, skills: Array<{ state: string, skill: { uri: string } | null }> } };

export type NamedFragment = { uri: string, preferredLabel: string };

export type RecommendationsQueryVariables = Exact<{
  sector?: string | null | undefined;
  region?: string | null | undefined;
  period?: string | null | undefined;
  occupationGroup?: string | null | undefined;
  providerId?: string | number | null | undefined;
  transition?: Transition | null | undefined;
  first?: number | null | undefined;
}>;


export type RecommendationsQuery = { credentialRecommendations: { scope: Array<string>, develop: Array<{ score: number, demand: number, cohesion: number, trend: number | null, suggestedEcts: number, ectsReason: string, suggestedEqfLevel: number, eqfReason: string, explanation: string, draftLearningOutcomes: Array<string>, sameAudienceShare: number | null, skills: Array<{ uri: string, preferredLabel: string }>, occupations: Array<{ uri: string, preferredLabel: string }>, otherLevelOccupations: Array<{ uri: string, preferredLabel: string }>, sameAudienceAs: { uri: string, preferredLabel: string } | null, partlyCoveredBy: Array<{ skills: number, microCredential: { id: string, title: string } | null }>, carvedFrom: Array<{ qualification: { id: string, title: string } | null, skills: Array<{ uri: string, preferredLabel: string }>, duties: Array<{ id: string, text: string }> }> }>, update: Array<{ score: number, explanation: string, microCredential: { id: string, title: string, provider: { id: string, name: string } | null } | null, reasons: Array<{ code: string, detail: string, weight: number }> }> }, slice: Array<{ slice: { source: string | null, unit: string, total: number, sectorName: string | null, regionName: string | null, period: string, occupationGroup: string | null }, evidence: Array<{ retrievedOn: string | null }> }> };

export type ProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type ProvidersQuery = { catalogueCompleteness: { byProvider: Array<{ provider: { id: string, name: string } | null }> } };

export type SearchTaxonomyQueryVariables = Exact<{
  text: string;
}>;


export type SearchTaxonomyQuery = { searchOccupations: Array<{ matchedLabel: string, occupation: { uri: string, preferredLabel: string, code: string | null } }>, searchSkills: Array<{ matchedLabel: string, skill: { uri: string, preferredLabel: string, reuseLevel: string | null } }> };

export type OccupationOffersQueryVariables = Exact<{
  uri: string;
}>;


export type OccupationOffersQuery = { occupationCoverage: { essentialSkillCount: number, coveredSkillCount: number, coverage: number, method: string, occupation: { uri: string, preferredLabel: string, code: string | null, description: string | null, regulationNote: string | null, broader: Array<
        | { uri: string, preferredLabel: string, kind: ConceptKind }
        | { uri: string, preferredLabel: string, kind: ConceptKind }
        | { uri: string, preferredLabel: string, kind: ConceptKind }
        | { uri: string, preferredLabel: string, kind: ConceptKind }
      > }, skills: Array<{ covered: boolean, skill: { uri: string, preferredLabel: string }, offers: Array<{ id: string, title: string }> }> } | null };

type ConceptLink_IscoGroup_Fragment = { uri: string, preferredLabel: string, kind: ConceptKind, iscoCode: string };

type ConceptLink_Occupation_Fragment = { uri: string, preferredLabel: string, kind: ConceptKind, occupationCode: string | null };

type ConceptLink_Skill_Fragment = { uri: string, preferredLabel: string, kind: ConceptKind };

type ConceptLink_SkillGroup_Fragment = { uri: string, preferredLabel: string, kind: ConceptKind, groupCode: string | null };

export type ConceptLinkFragment =
  | ConceptLink_IscoGroup_Fragment
  | ConceptLink_Occupation_Fragment
  | ConceptLink_Skill_Fragment
  | ConceptLink_SkillGroup_Fragment
;

export type TopConceptsQueryVariables = Exact<{ [key: string]: never; }>;


export type TopConceptsQuery = { taxonomy: { topConcepts: Array<
      | { uri: string, preferredLabel: string, kind: ConceptKind, iscoCode: string }
      | { uri: string, preferredLabel: string, kind: ConceptKind, occupationCode: string | null }
      | { uri: string, preferredLabel: string, kind: ConceptKind }
      | { uri: string, preferredLabel: string, kind: ConceptKind, groupCode: string | null }
    > } };

export type BrowseConceptQueryVariables = Exact<{
  uri: string;
  first?: number | null | undefined;
}>;


export type BrowseConceptQuery = { concept:
    | { description: string | null, uri: string, preferredLabel: string, kind: ConceptKind, iscoCode: string, broader: Array<
        | { uri: string, preferredLabel: string, kind: ConceptKind, iscoCode: string }
        | { uri: string, preferredLabel: string, kind: ConceptKind, occupationCode: string | null }
        | { uri: string, preferredLabel: string, kind: ConceptKind }
        | { uri: string, preferredLabel: string, kind: ConceptKind, groupCode: string | null }
      >, pathFromTop: Array<
        | { uri: string, preferredLabel: string, kind: ConceptKind, iscoCode: string }
        | { uri: string, preferredLabel: string, kind: ConceptKind, occupationCode: string | null }
        | { uri: string, preferredLabel: string, kind: ConceptKind }
        | { uri: string, preferredLabel: string, kind: ConceptKind, groupCode: string | null }
      >, narrower: { totalCount: number, edges: Array<{ node:
            | { uri: string, preferredLabel: string, kind: ConceptKind, iscoCode: string }
            | { uri: string, preferredLabel: string, kind: ConceptKind, occupationCode: string | null }
            | { uri: string, preferredLabel: string, kind: ConceptKind }
            | { uri: string, preferredLabel: string, kind: ConceptKind, groupCode: string | null }
           }> } }
    | { description: string | null, uri: string, preferredLabel: string, kind: ConceptKind, occupationCode: string | null, broader: Array<
        | { uri: string, preferredLabel: string, kind: ConceptKind, iscoCode: string }
        | { uri: string, preferredLabel: string, kind: ConceptKind, occupationCode: string | null }
        | { uri: string, preferredLabel: string, kind: ConceptKind }
        | { uri: string, preferredLabel: string, kind: ConceptKind, groupCode: string | null }
      >, pathFromTop: Array<
        | { uri: string, preferredLabel: string, kind: ConceptKind, iscoCode: string }
        | { uri: string, preferredLabel: string, kind: ConceptKind, occupationCode: string | null }
        | { uri: string, preferredLabel: string, kind: ConceptKind }
        | { uri: string, preferredLabel: string, kind: ConceptKind, groupCode: string | null }
      >, narrower: { totalCount: number, edges: Array<{ node:
            | { uri: string, preferredLabel: string, kind: ConceptKind, iscoCode: string }
            | { uri: string, preferredLabel: string, kind: ConceptKind, occupationCode: string | null }
            | { uri: string, preferredLabel: string, kind: ConceptKind }
            | { uri: string, preferredLabel: string, kind: ConceptKind, groupCode: string | null }
           }> } }
    | { description: string | null, uri: string, preferredLabel: string, kind: ConceptKind, essentialForOccupations: { totalCount: number, edges: Array<{ node: { uri: string, preferredLabel: string, kind: ConceptKind, occupationCode: string | null } }> }, broader: Array<
        | { uri: string, preferredLabel: string, kind: ConceptKind, iscoCode: string }
        | { uri: string, preferredLabel: string, kind: ConceptKind, occupationCode: string | null }
        | { uri: string, preferredLabel: string, kind: ConceptKind }
        | { uri: string, preferredLabel: string, kind: ConceptKind, groupCode: string | null }
      >, pathFromTop: Array<
        | { uri: string, preferredLabel: string, kind: ConceptKind, iscoCode: string }
        | { uri: string, preferredLabel: string, kind: ConceptKind, occupationCode: string | null }
        | { uri: string, preferredLabel: string, kind: ConceptKind }
        | { uri: string, preferredLabel: string, kind: ConceptKind, groupCode: string | null }
      >, narrower: { totalCount: number, edges: Array<{ node:
            | { uri: string, preferredLabel: string, kind: ConceptKind, iscoCode: string }
            | { uri: string, preferredLabel: string, kind: ConceptKind, occupationCode: string | null }
            | { uri: string, preferredLabel: string, kind: ConceptKind }
            | { uri: string, preferredLabel: string, kind: ConceptKind, groupCode: string | null }
           }> } }
    | { description: string | null, uri: string, preferredLabel: string, kind: ConceptKind, groupCode: string | null, broader: Array<
        | { uri: string, preferredLabel: string, kind: ConceptKind, iscoCode: string }
        | { uri: string, preferredLabel: string, kind: ConceptKind, occupationCode: string | null }
        | { uri: string, preferredLabel: string, kind: ConceptKind }
        | { uri: string, preferredLabel: string, kind: ConceptKind, groupCode: string | null }
      >, pathFromTop: Array<
        | { uri: string, preferredLabel: string, kind: ConceptKind, iscoCode: string }
        | { uri: string, preferredLabel: string, kind: ConceptKind, occupationCode: string | null }
        | { uri: string, preferredLabel: string, kind: ConceptKind }
        | { uri: string, preferredLabel: string, kind: ConceptKind, groupCode: string | null }
      >, narrower: { totalCount: number, edges: Array<{ node:
            | { uri: string, preferredLabel: string, kind: ConceptKind, iscoCode: string }
            | { uri: string, preferredLabel: string, kind: ConceptKind, occupationCode: string | null }
            | { uri: string, preferredLabel: string, kind: ConceptKind }
            | { uri: string, preferredLabel: string, kind: ConceptKind, groupCode: string | null }
           }> } }
   | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SummaryFragmentDoc = new TypedDocumentString(`
    fragment Summary on CompletenessSummary {
  offers
  complete
  averageScore
  missing {
    element
    offers
  }
  checks {
    check
    outcome
    offers
  }
}
    `, {"fragmentName":"Summary"}) as unknown as TypedDocumentString<SummaryFragment, unknown>;
export const LinkFragmentDoc = new TypedDocumentString(`
    fragment Link on OutcomeSkillLink {
  outcomeId
  skill {
    uri
    preferredLabel
  }
  state
  score
  method
  matchedLabel
  matchedText
  strongEvidence
  note
  reviewedBy
  reviewedAt
}
    `, {"fragmentName":"Link"}) as unknown as TypedDocumentString<LinkFragment, unknown>;
export const SavedProfileFragmentDoc = new TypedDocumentString(`
    fragment SavedProfile on Jobseeker {
  id
  pseudonym
  createdAt
  skills {
    skill {
      uri
    }
    state
  }
}
    `, {"fragmentName":"SavedProfile"}) as unknown as TypedDocumentString<SavedProfileFragment, unknown>;
export const NamedFragmentDoc = new TypedDocumentString(`
    fragment Named on Skill {
  uri
  preferredLabel
}
    `, {"fragmentName":"Named"}) as unknown as TypedDocumentString<NamedFragment, unknown>;
export const ConceptLinkFragmentDoc = new TypedDocumentString(`
    fragment ConceptLink on Concept {
  uri
  preferredLabel
  kind
  ... on IscoGroup {
    iscoCode: code
  }
  ... on SkillGroup {
    groupCode: code
  }
  ... on Occupation {
    occupationCode: code
  }
}
    `, {"fragmentName":"ConceptLink"}) as unknown as TypedDocumentString<ConceptLinkFragment, unknown>;
export const CatalogueListDocument = new TypedDocumentString(`
    query CatalogueList($providerId: ID, $text: String, $first: Int, $last: Int, $after: String, $before: String) {
  catalogueCompleteness {
    overall {
      ...Summary
    }
    byProvider {
      provider {
        id
        name
        accreditationStatus
      }
      summary {
        ...Summary
      }
    }
  }
  microCredentials(
    first: $first
    last: $last
    after: $after
    before: $before
    filter: {providerId: $providerId, text: $text}
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        title
        eqfLevel
        provider {
          id
          name
        }
        workload {
          value
          unit
          ects
        }
        completeness {
          score
          missingMandatory
          checks {
            check
            outcome
          }
        }
      }
    }
  }
}
    fragment Summary on CompletenessSummary {
  offers
  complete
  averageScore
  missing {
    element
    offers
  }
  checks {
    check
    outcome
    offers
  }
}`) as unknown as TypedDocumentString<CatalogueListQuery, CatalogueListQueryVariables>;
export const OfferDocument = new TypedDocumentString(`
    query Offer($id: ID!) {
  microCredential(id: $id) {
    id
    title
    status
    description
    eqfLevel
    languages
    issuerCountries
    awardingBodies
    participationForm
    provider {
      id
      name
      accreditationStatus
      accreditationRegister
    }
    workload {
      value
      unit
      ects
      conversion
    }
    sourceName
    sourceReference
    updatedAt
    completeness {
      score
      mandatoryPresent
      mandatoryTotal
      method
      elements {
        element
        mandatory
        state
      }
      checks {
        check
        principle
        outcome
        detail
      }
    }
    learningOutcomes {
      id
      position
      text
      stated
      skillLinks(includeRejected: true) {
        ...Link
      }
    }
  }
}
    fragment Link on OutcomeSkillLink {
  outcomeId
  skill {
    uri
    preferredLabel
  }
  state
  score
  method
  matchedLabel
  matchedText
  strongEvidence
  note
  reviewedBy
  reviewedAt
}`) as unknown as TypedDocumentString<OfferQuery, OfferQueryVariables>;
export const OfferElmDocument = new TypedDocumentString(`
    query OfferElm($id: ID!) {
  microCredential(id: $id) {
    id
    elm {
      json
      unmapped
      validation {
        conforms
        profile
        violations {
          severity
          focusNode
          path
          message
          shape
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OfferElmQuery, OfferElmQueryVariables>;
export const SkillChoicesDocument = new TypedDocumentString(`
    query SkillChoices($text: String!) {
  searchSkills(text: $text, first: 8) {
    skill {
      uri
      preferredLabel
    }
  }
}
    `) as unknown as TypedDocumentString<SkillChoicesQuery, SkillChoicesQueryVariables>;
export const ReviewLinkDocument = new TypedDocumentString(`
    mutation ReviewLink($outcomeId: ID!, $skillUri: String!, $decision: SkillLinkDecision!, $note: String) {
  reviewSkillLink(
    outcomeId: $outcomeId
    skillUri: $skillUri
    decision: $decision
    note: $note
  ) {
    ...Link
  }
}
    fragment Link on OutcomeSkillLink {
  outcomeId
  skill {
    uri
    preferredLabel
  }
  state
  score
  method
  matchedLabel
  matchedText
  strongEvidence
  note
  reviewedBy
  reviewedAt
}`) as unknown as TypedDocumentString<ReviewLinkMutation, ReviewLinkMutationVariables>;
export const AddLinkDocument = new TypedDocumentString(`
    mutation AddLink($outcomeId: ID!, $skillUri: String!, $note: String) {
  addSkillLink(outcomeId: $outcomeId, skillUri: $skillUri, note: $note) {
    ...Link
  }
}
    fragment Link on OutcomeSkillLink {
  outcomeId
  skill {
    uri
    preferredLabel
  }
  state
  score
  method
  matchedLabel
  matchedText
  strongEvidence
  note
  reviewedBy
  reviewedAt
}`) as unknown as TypedDocumentString<AddLinkMutation, AddLinkMutationVariables>;
export const DemandSourcesDocument = new TypedDocumentString(`
    query DemandSources {
  demandSources {
    id
    name
    citation
    licence
    retrievedOn
    periods
    coverage {
      metric
      periods
      allSectors
      regions {
        code
        name
      }
      regionsAbove {
        code
        name
      }
      sectors {
        code
        name
      }
      occupationGroups {
        code
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DemandSourcesQuery, DemandSourcesQueryVariables>;
export const DashboardRowDocument = new TypedDocumentString(`
    query DashboardRow($sectors: [String!], $occupationGroups: [String!], $region: String, $period: String) {
  skillsDashboard(
    sectors: $sectors
    occupationGroups: $occupationGroups
    region: $region
    period: $period
  ) {
    sector
    sectorName
    occupationGroup
    occupationGroupName
    region
    regionName
    period
    metric
    unit
    source
    gapIndex
    sliceTotal
    offers
    averageCompleteness
    coveredShareOfDemand
    green {
      demandShare
      supplyShare
    }
    digital {
      demandShare
      supplyShare
    }
    explanation
  }
}
    `) as unknown as TypedDocumentString<DashboardRowQuery, DashboardRowQueryVariables>;
export const SkillGapsDocument = new TypedDocumentString(`
    query SkillGaps($sector: String, $region: String, $period: String, $occupationGroup: String, $rankBy: GapRanking, $first: Int) {
  sectorSkillGaps(
    sector: $sector
    region: $region
    period: $period
    occupationGroup: $occupationGroup
    rankBy: $rankBy
    first: $first
  ) {
    rank
    skill {
      uri
      preferredLabel
    }
    demand
    demandShare
    trend
    trendPeriod
    previousDemand
    trendNote
    coverage
    gapScore
    rankScore
    lowReliabilityShare
    supply
    explanation
    slice {
      sector
      sectorName
      region
      regionName
      period
      metric
      unit
      source
      total
      occupationGroup
      selection
    }
    coverageDetail {
      offer {
        id
        title
      }
      weight
      detail
    }
    evidence {
      source
      sourceName
      retrievedOn
      region
      sector
      period
      target
      value
      unit
      flags
      reliability
      weight
      contribution
      method
      topOccupations {
        occupation {
          uri
          preferredLabel
        }
        share
        relation
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SkillGapsQuery, SkillGapsQueryVariables>;
export const WhatIfGapsDocument = new TypedDocumentString(`
    query WhatIfGaps($sector: String, $region: String, $period: String, $occupationGroup: String, $rankBy: GapRanking, $first: Int, $whatIf: WhatIf) {
  sectorSkillGaps(
    sector: $sector
    region: $region
    period: $period
    occupationGroup: $occupationGroup
    rankBy: $rankBy
    first: $first
    whatIf: $whatIf
  ) {
    rank
    skill {
      uri
      preferredLabel
    }
    gapScore
    coverage
    slice {
      whatIf
    }
  }
}
    `) as unknown as TypedDocumentString<WhatIfGapsQuery, WhatIfGapsQueryVariables>;
export const GapSeriesDocument = new TypedDocumentString(`
    query GapSeries($sector: String, $region: String, $period: String, $occupationGroup: String, $skill: String) {
  sectorSkillGaps(
    sector: $sector
    region: $region
    period: $period
    occupationGroup: $occupationGroup
    skill: $skill
    first: 1
  ) {
    demandSeries {
      period
      demand
    }
  }
}
    `) as unknown as TypedDocumentString<GapSeriesQuery, GapSeriesQueryVariables>;
export const ReadSkillsDocument = new TypedDocumentString(`
    query ReadSkills($text: String!, $region: String) {
  matchOccupations(text: $text, region: $region, first: 1) {
    heldSkills {
      skill {
        uri
        preferredLabel
      }
      origin
      detail
    }
    currentOccupations {
      occupation {
        uri
        preferredLabel
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReadSkillsQuery, ReadSkillsQueryVariables>;
export const MatchSkillsDocument = new TypedDocumentString(`
    query MatchSkills($skills: [String!]!, $region: String, $current: String!, $withTransitions: Boolean!) {
  matchOccupations(skills: $skills, region: $region, first: 10) {
    demandNote
    matches {
      occupation {
        uri
        preferredLabel
        code
      }
      tier
      skillFit
      score
      stepDown
      grounded
      missingEssential {
        uri
        preferredLabel
      }
      demand {
        value
        unit
        period
        source
      }
      explanation
    }
  }
  occupationTransitions(occupationUri: $current, region: $region, first: 5) @include(if: $withTransitions) {
    occupation {
      uri
      preferredLabel
    }
    tier
    similarity
    stepDown
    missingEssential {
      preferredLabel
    }
  }
}
    `) as unknown as TypedDocumentString<MatchSkillsQuery, MatchSkillsQueryVariables>;
export const CoursePlanDocument = new TypedDocumentString(`
    query CoursePlan($occupationUri: String!, $skills: [String!]!, $constraints: CourseConstraints) {
  recommendCourses(
    occupationUri: $occupationUri
    skills: $skills
    constraints: $constraints
  ) {
    totalHours
    totalCost
    currency
    method
    explanation
    missingEssential {
      uri
      preferredLabel
    }
    uncovered {
      preferredLabel
    }
    courses {
      microCredential {
        id
        title
      }
      workloadHours
      costAmount
      contribution
      covers {
        preferredLabel
      }
    }
    alternatives {
      totalHours
      totalCost
      courses {
        microCredential {
          title
        }
        workloadHours
      }
      uncovered {
        preferredLabel
      }
    }
    notAssessable {
      microCredential {
        title
      }
      reason
    }
    rejected {
      microCredential {
        title
      }
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<CoursePlanQuery, CoursePlanQueryVariables>;
export const SaveJobseekerDocument = new TypedDocumentString(`
    mutation SaveJobseeker($input: JobseekerInput!) {
  createJobseeker(input: $input) {
    ...SavedProfile
  }
}
    fragment SavedProfile on Jobseeker {
  id
  pseudonym
  createdAt
  skills {
    skill {
      uri
    }
    state
  }
}`) as unknown as TypedDocumentString<SaveJobseekerMutation, SaveJobseekerMutationVariables>;
export const RecordPlanDocument = new TypedDocumentString(`
    mutation RecordPlan($jobseekerId: ID!, $occupationUri: String!, $proposed: [ID!]!) {
  recordPlan(
    jobseekerId: $jobseekerId
    occupationUri: $occupationUri
    proposed: $proposed
  ) {
    id
    recordedAt
    proposed {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<RecordPlanMutation, RecordPlanMutationVariables>;
export const FindJobseekerDocument = new TypedDocumentString(`
    query FindJobseeker($reference: String!) {
  jobseekersByReference(reference: $reference)
}
    `) as unknown as TypedDocumentString<FindJobseekerQuery, FindJobseekerQueryVariables>;
export const OpenJobseekerDocument = new TypedDocumentString(`
    query OpenJobseeker($id: ID!) {
  jobseeker(id: $id) {
    id
    skills {
      skill {
        uri
        preferredLabel
      }
      origin
      detail
      state
    }
    workHistory {
      occupation {
        uri
        preferredLabel
      }
    }
    constraints {
      region
      maxWorkloadHours
    }
    plans {
      recordedAt
      occupation {
        preferredLabel
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OpenJobseekerQuery, OpenJobseekerQueryVariables>;
export const UpdateJobseekerDocument = new TypedDocumentString(`
    mutation UpdateJobseeker($id: ID!, $input: JobseekerInput!) {
  updateJobseeker(id: $id, input: $input) {
    ...SavedProfile
  }
}
    fragment SavedProfile on Jobseeker {
  id
  pseudonym
  createdAt
  skills {
    skill {
      uri
    }
    state
  }
}`) as unknown as TypedDocumentString<UpdateJobseekerMutation, UpdateJobseekerMutationVariables>;
export const RejectJobseekerSkillDocument = new TypedDocumentString(`
    mutation RejectJobseekerSkill($id: ID!, $skillUri: String!) {
  reviewJobseekerSkill(id: $id, skillUri: $skillUri, accept: false) {
    ...SavedProfile
  }
}
    fragment SavedProfile on Jobseeker {
  id
  pseudonym
  createdAt
  skills {
    skill {
      uri
    }
    state
  }
}`) as unknown as TypedDocumentString<RejectJobseekerSkillMutation, RejectJobseekerSkillMutationVariables>;
export const RecommendationsDocument = new TypedDocumentString(`
    query Recommendations($sector: String, $region: String, $period: String, $occupationGroup: String, $providerId: ID, $transition: Transition, $first: Int) {
  credentialRecommendations(
    sector: $sector
    region: $region
    period: $period
    occupationGroup: $occupationGroup
    providerId: $providerId
    transition: $transition
    first: $first
  ) {
    scope
    develop {
      score
      demand
      cohesion
      trend
      suggestedEcts
      ectsReason
      suggestedEqfLevel
      eqfReason
      explanation
      draftLearningOutcomes
      skills {
        ...Named
      }
      occupations {
        uri
        preferredLabel
      }
      otherLevelOccupations {
        uri
        preferredLabel
      }
      sameAudienceAs {
        uri
        preferredLabel
      }
      sameAudienceShare
      partlyCoveredBy {
        microCredential {
          id
          title
        }
        skills
      }
      carvedFrom {
        qualification {
          id
          title
        }
        skills {
          ...Named
        }
        duties {
          id
          text
        }
      }
    }
    update {
      score
      explanation
      microCredential {
        id
        title
        provider {
          id
          name
        }
      }
      reasons {
        code
        detail
        weight
      }
    }
  }
  slice: sectorSkillGaps(
    sector: $sector
    region: $region
    period: $period
    occupationGroup: $occupationGroup
    first: 25
  ) {
    slice {
      source
      unit
      total
      sectorName
      regionName
      period
      occupationGroup
    }
    evidence {
      retrievedOn
    }
  }
}
    fragment Named on Skill {
  uri
  preferredLabel
}`) as unknown as TypedDocumentString<RecommendationsQuery, RecommendationsQueryVariables>;
export const ProvidersDocument = new TypedDocumentString(`
    query Providers {
  catalogueCompleteness {
    byProvider {
      provider {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProvidersQuery, ProvidersQueryVariables>;
export const SearchTaxonomyDocument = new TypedDocumentString(`
    query SearchTaxonomy($text: String!) {
  searchOccupations(text: $text, first: 8) {
    occupation {
      uri
      preferredLabel
      code
    }
    matchedLabel
  }
  searchSkills(text: $text, first: 8) {
    skill {
      uri
      preferredLabel
      reuseLevel
    }
    matchedLabel
  }
}
    `) as unknown as TypedDocumentString<SearchTaxonomyQuery, SearchTaxonomyQueryVariables>;
export const OccupationOffersDocument = new TypedDocumentString(`
    query OccupationOffers($uri: String!) {
  occupationCoverage(occupationUri: $uri) {
    occupation {
      uri
      preferredLabel
      code
      description
      regulationNote
      broader {
        uri
        preferredLabel
        kind
      }
    }
    essentialSkillCount
    coveredSkillCount
    coverage
    method
    skills {
      skill {
        uri
        preferredLabel
      }
      covered
      offers {
        id
        title
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OccupationOffersQuery, OccupationOffersQueryVariables>;
export const TopConceptsDocument = new TypedDocumentString(`
    query TopConcepts {
  taxonomy {
    topConcepts {
      ...ConceptLink
    }
  }
}
    fragment ConceptLink on Concept {
  uri
  preferredLabel
  kind
  ... on IscoGroup {
    iscoCode: code
  }
  ... on SkillGroup {
    groupCode: code
  }
  ... on Occupation {
    occupationCode: code
  }
}`) as unknown as TypedDocumentString<TopConceptsQuery, TopConceptsQueryVariables>;
export const BrowseConceptDocument = new TypedDocumentString(`
    query BrowseConcept($uri: String!, $first: Int) {
  concept(uri: $uri) {
    ...ConceptLink
    description
    broader {
      ...ConceptLink
    }
    pathFromTop {
      ...ConceptLink
    }
    ... on Skill {
      essentialForOccupations(first: $first) {
        totalCount
        edges {
          node {
            ...ConceptLink
          }
        }
      }
    }
    narrower(first: $first) {
      totalCount
      edges {
        node {
          ...ConceptLink
        }
      }
    }
  }
}
    fragment ConceptLink on Concept {
  uri
  preferredLabel
  kind
  ... on IscoGroup {
    iscoCode: code
  }
  ... on SkillGroup {
    groupCode: code
  }
  ... on Occupation {
    occupationCode: code
  }
}`) as unknown as TypedDocumentString<BrowseConceptQuery, BrowseConceptQueryVariables>;