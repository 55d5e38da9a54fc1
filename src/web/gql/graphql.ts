/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How a slice’s skills are ranked (src/intelligence/ranking.ts states each formula). */
export type GapRanking =
  /** By gap score: demand share × (1 − coverage). */
  | 'GAP'
  /** By gap score × shortage, shortage = vacancies / (vacancies + registered unemployed) of the groups needing the skill; needs a source publishing both. */
  | 'SHORTAGE'
  /** By the demand share above the skill’s share in the parent slice (without the occupation group, else the sector, else for the country), × (1 − coverage). */
  | 'SPECIFICITY';

/** What supply a skill has in a region. */
export type SupplyKind =
  /** At least one published micro-credential reaching the region teaches it. */
  | 'MICRO_CREDENTIAL'
  /** Taught by no published offer or qualification route reaching the region. */
  | 'NONE'
  /** Taught in a qualification route (an apprenticeship standard), by no micro-credential. */
  | 'QUALIFICATION_ONLY';

export type DemandSourcesQueryVariables = Exact<{ [key: string]: never }>;

export type DemandSourcesQuery = {
  demandSources: Array<{
    id: string;
    name: string;
    citation: string;
    licence: string;
    retrievedOn: string | null;
    periods: Array<string>;
    coverage: Array<{
      metric: string;
      periods: Array<string>;
      allSectors: boolean;
      regions: Array<{ code: string; name: string | null }>;
      sectors: Array<{ code: string; name: string | null }>;
    }>;
  }>;
};

export type DashboardRowQueryVariables = Exact<{
  sectors?: Array<string> | string | null | undefined;
  region?: string | null | undefined;
  period?: string | null | undefined;
}>;

export type DashboardRowQuery = {
  skillsDashboard: Array<{
    sector: string | null;
    sectorName: string | null;
    region: string | null;
    regionName: string | null;
    period: string;
    metric: string;
    unit: string;
    source: string | null;
    gapIndex: number;
    sliceTotal: number;
    offers: number;
    averageCompleteness: number | null;
    coveredShareOfDemand: number;
    explanation: string;
    green: { demandShare: number; supplyShare: number };
    digital: { demandShare: number; supplyShare: number };
  } | null>;
};

export type SkillGapsQueryVariables = Exact<{
  sector?: string | null | undefined;
  region?: string | null | undefined;
  period?: string | null | undefined;
  occupationGroup?: string | null | undefined;
  rankBy?: GapRanking | null | undefined;
  first?: number | null | undefined;
}>;

export type SkillGapsQuery = {
  sectorSkillGaps: Array<{
    rank: number | null;
    demand: number;
    demandShare: number;
    trend: number | null;
    trendPeriod: string | null;
    trendNote: string;
    coverage: number;
    gapScore: number;
    rankScore: number | null;
    lowReliabilityShare: number;
    supply: SupplyKind;
    explanation: string;
    skill: { uri: string; preferredLabel: string } | null;
    slice: {
      sector: string | null;
      sectorName: string | null;
      region: string | null;
      regionName: string | null;
      period: string;
      metric: string;
      unit: string;
      source: string | null;
      total: number;
      occupationGroup: string | null;
      selection: string;
    };
    coverageDetail: Array<{ weight: number; detail: string; offer: { id: string; title: string } | null }>;
    evidence: Array<{
      source: string;
      sourceName: string;
      retrievedOn: string | null;
      region: string;
      sector: string | null;
      period: string;
      target: string;
      value: number | null;
      unit: string;
      flags: Array<string>;
      reliability: string;
      weight: number;
      contribution: number;
      method: string;
      topOccupations: Array<{
        share: number;
        relation: string;
        occupation: { uri: string; preferredLabel: string } | null;
      }>;
    }>;
  }>;
};

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
      sectors {
        code
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DemandSourcesQuery, DemandSourcesQueryVariables>;
export const DashboardRowDocument = new TypedDocumentString(`
    query DashboardRow($sectors: [String!], $region: String, $period: String) {
  skillsDashboard(sectors: $sectors, region: $region, period: $period) {
    sector
    sectorName
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
