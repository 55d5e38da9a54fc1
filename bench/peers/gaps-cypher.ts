/**
 * The bench peer for skills intelligence: the same sector × country gap rows as `sectorSkillGaps`
 * (Eurostat LFS figures spread through the sector's occupation mix, else EU job-ad weights, else
 * evenly; essential skills 1, optional 0.5; coverage by link state × accreditation × completeness),
 * computed by one hand-written Cypher query per request. Bench-only; it implements the path the
 * bench slices take (national Eurostat figures of one NACE section, in a country without finer national
 * evidence: the hub's national split, src/intelligence/national-split.ts, is not reimplemented here),
 * which the bench checks against the hub's answer before timing anything.
 */
/** The ISO country of `$region` (NUTS writes Greece EL and the United Kingdom UK), as src/regions.ts maps it. */
const ISO_COUNTRY_OF_REGION = `CASE left($region, 2) WHEN 'EL' THEN 'GR' WHEN 'UK' THEN 'GB' ELSE left($region, 2) END`;

/** How many of the nine Annex I mandatory elements offer `m` states (the level also counts when declared not applicable), as completeness.ts counts them. */
export const MANDATORY_ELEMENTS_OF_M = `size([present IN [
           coalesce(m.title, '') <> '',
           size(coalesce(m.issuerCountries, [])) > 0 OR size(coalesce(m.issuerRegions, [])) > 0,
           size(coalesce(m.awardingBodies, [])) > 0,
           size(coalesce(m.learningOutcomes, [])) > 0,
           m.workloadValue IS NOT NULL,
           m.eqfLevel IS NOT NULL OR m.nationalLevel IS NOT NULL OR m.qfEheaCycle IS NOT NULL OR 'LEVEL' IN coalesce(m.notApplicable, []),
           m.assessmentType IS NOT NULL,
           m.participationForm IS NOT NULL,
           m.qualityAssurance IS NOT NULL] WHERE present])`;

/**
 * Occupations in demand signal `sig`'s ISCO group, each with its `share` of the figure: by the sector's occupation
 * mix, else EU job-ad weights, else evenly.
 */
export const SPREAD_OF_SIG = `
  CALL (sig) {
    MATCH (o:Occupation) WHERE o.deprecated = false AND o.iscoGroup STARTS WITH sig.targetCode
    OPTIONAL MATCH (mix:DemandSignal {metric: 'OCCUPATION_MIX', targetCode: o.uri}) WHERE mix.sector = left($sector, 1)
    WITH o.iscoGroup AS unit, collect({uri: o.uri, jobs: coalesce(mix.value, 0.0)}) AS members
    OPTIONAL MATCH (ads:DemandSignal {metric: 'JOB_ADS', targetCode: unit}) WHERE ads.region = 'EU' AND ads.targetKind = 'ISCO'
    WITH collect({unit: unit, members: members, ads: coalesce(ads.value, 0.0)}) AS units
    WITH units,
         reduce(t = 0.0, u IN units | t + reduce(s = 0.0, m IN u.members | s + m.jobs)) AS totalJobs,
         reduce(t = 0.0, u IN units | t + u.ads) AS totalAds
    UNWIND units AS u
    UNWIND u.members AS m
    WITH m.uri AS uri,
         CASE WHEN totalJobs > 0 THEN m.jobs / totalJobs
              WHEN totalAds > 0 THEN (u.ads / totalAds) / size(u.members)
              ELSE (1.0 / size(units)) / size(u.members) END AS share
    WHERE share > 0
    RETURN uri, share
  }`;

/** Coverage of skill `k` by the published offers that reach `$region` (link state × accreditation × completeness, capped at 1). */
export const COVERAGE_OF_K = `
  CALL (k) {
    OPTIONAL MATCH (k)<-[d:DEVELOPS]-(:LearningOutcome)<-[:HAS_OUTCOME]-(m:MicroCredential {status: 'PUBLISHED'})
    WHERE d.state <> 'REJECTED'
      AND (m.participationForm = 'ONLINE'
           OR any(r IN coalesce(m.issuerRegions, []) WHERE r STARTS WITH $region OR $region STARTS WITH r)
           OR (size(coalesce(m.issuerRegions, [])) = 0 AND ${ISO_COUNTRY_OF_REGION} IN coalesce(m.issuerCountries, [])))
    WITH m, max(CASE d.state WHEN 'SUGGESTED' THEN 0.5 ELSE 1.0 END) AS link
    OPTIONAL MATCH (m)-[:OFFERED_BY]->(p:Provider)
    WITH m, link, p,
         ${MANDATORY_ELEMENTS_OF_M} AS satisfied
    WITH CASE WHEN m IS NULL THEN 0.0
              ELSE round(link * CASE p.accreditationStatus WHEN 'ACCREDITED' THEN 1.0 ELSE 0.7 END * (0.5 + 0.5 * round(satisfied / 9.0, 2)), 4) END AS weight
    RETURN round(CASE WHEN sum(weight) > 1 THEN 1.0 ELSE sum(weight) END, 4) AS coverage
  }`;

/** Demand and coverage of every skill of the slice: `total`, `k`, `demand`, `coverage`. */
const SKILL_DEMAND_AND_COVERAGE = `
  CALL () {
    MATCH (sig:DemandSignal {sourceId: 'eurostat-lfsa_eisn2', metric: 'EMPLOYMENT', period: $period, region: $region, sector: $sector})
    WHERE sig.value IS NOT NULL
    RETURN sum(sig.value) AS total
  }
  MATCH (sig:DemandSignal {sourceId: 'eurostat-lfsa_eisn2', metric: 'EMPLOYMENT', period: $period, region: $region, sector: $sector})
  WHERE sig.value IS NOT NULL
${SPREAD_OF_SIG}
  MATCH (:Occupation {uri: uri})-[r:ESSENTIAL_SKILL|OPTIONAL_SKILL]->(k:Skill) WHERE k.deprecated = false
  WITH total, k, sum(sig.value * share * CASE type(r) WHEN 'ESSENTIAL_SKILL' THEN 1.0 ELSE 0.5 END) AS demand
${COVERAGE_OF_K}
`;

export const SECTOR_GAPS = `${SKILL_DEMAND_AND_COVERAGE}
  WITH k, round(demand, 4) AS demand, round(demand / total, 6) AS demandShare, coverage
  WITH k, demand, demandShare, coverage, round(demandShare * (1 - coverage), 6) AS gapScore
  ORDER BY gapScore DESC, demand DESC, k.uri
  LIMIT toInteger($first)
  RETURN k.uri AS uri, k.preferredLabel AS preferredLabel, demand, coverage, gapScore`;
