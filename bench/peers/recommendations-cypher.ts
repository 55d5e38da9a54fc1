/**
 * The bench peer for `credentialRecommendations`: the same develop outlines and update list, computed
 * by one hand-written Cypher query per request. Bench-only; like the gap peer it implements the path
 * the bench slices take (national Eurostat figures of one NACE section, no filters, no what-if), which
 * the bench checks against the hub's answer before timing anything.
 *
 * In the query, as in src/intelligence/recommendations.ts:
 * - skill demand of the period and of the previous one (for the trend), with, per skill, the
 *   occupation carrying most of its largest contribution (the outline's anchor) and the top three
 *   occupations of each contribution;
 * - the gap ranking (as SECTOR_GAPS), then develop outlines grown greedily from the top gaps covered
 *   less than half, in one `reduce`;
 * - each published offer's update reasons with their weights.
 */
import { COVERAGE_OF_K, SPREAD_OF_SIG } from './gaps-cypher.js';

export const RECOMMENDATIONS = `
  CALL () {
    MATCH (sig:DemandSignal {sourceId: 'eurostat-lfsa_eisn2', metric: 'EMPLOYMENT', region: $region, sector: $sector})
    WHERE sig.period < $period AND NOT sig.period CONTAINS '-'
    RETURN max(sig.period) AS previous
  }
  CALL (previous) {
    MATCH (sig:DemandSignal {sourceId: 'eurostat-lfsa_eisn2', metric: 'EMPLOYMENT', region: $region, sector: $sector})
    WHERE sig.period = $period OR sig.period = previous
    RETURN sum(CASE WHEN sig.period = $period THEN sig.value END) AS total,
           any(flags IN collect(coalesce(sig.flags, [])) WHERE 'b' IN flags) AS breakFlagged
  }
  MATCH (sig:DemandSignal {sourceId: 'eurostat-lfsa_eisn2', metric: 'EMPLOYMENT', region: $region, sector: $sector})
  WHERE (sig.period = $period OR sig.period = previous) AND sig.value IS NOT NULL
  ${SPREAD_OF_SIG}
  MATCH (:Occupation {uri: uri})-[r:ESSENTIAL_SKILL|OPTIONAL_SKILL]->(k:Skill) WHERE k.deprecated = false
  WITH previous, total, breakFlagged, sig, k, uri, share * CASE type(r) WHEN 'ESSENTIAL_SKILL' THEN 1.0 ELSE 0.5 END AS w
  ORDER BY w DESC, uri
  // One row per skill and figure: its contribution and the occupations that carried it, largest first.
  WITH previous, total, breakFlagged, sig, k, sig.value * sum(w) AS contribution, collect(uri)[0..3] AS top
  WITH previous, total, breakFlagged, k,
       sum(CASE WHEN sig.period = $period THEN contribution ELSE 0.0 END) AS demand,
       sum(CASE WHEN sig.period = previous THEN contribution ELSE 0.0 END) AS before,
       collect(CASE WHEN sig.period = $period THEN {c: contribution, top: top} END) AS contributions
  WHERE size(contributions) > 0
  WITH previous, total, breakFlagged, k, demand, before, contributions,
       reduce(best = null, x IN contributions | CASE WHEN best IS NULL OR x.c > best.c THEN x ELSE best END).top[0] AS anchor
  ${COVERAGE_OF_K}
  WITH k, anchor, contributions, coverage, round(demand, 4) AS demand, round(demand / total, 6) AS demandShare,
       CASE WHEN previous IS NULL OR breakFlagged OR before <= 0 THEN null ELSE round((demand - before) / before, 4) END AS trend
  WITH k, anchor, contributions, coverage, demand, trend, round(demandShare * (1 - coverage), 6) AS gapScore
  ORDER BY gapScore DESC, demand DESC, k.uri
  WITH collect({uri: k.uri, demand: demand, trend: trend, coverage: coverage, gapScore: gapScore, anchor: anchor, skillType: k.skillType,
                nearby: reduce(all = [], x IN contributions | all + x.top)}) AS gaps
  WITH gaps, [g IN gaps[0..300] WHERE g.coverage < 0.5 AND g.gapScore > 0][0..200] AS candidates,
       [g IN gaps[0..100] WHERE g.gapScore > 0 | g.uri] AS inDemand
  // Each candidate's nearby occupations with the candidate skills each needs (an outline keeps those needing half of its skills).
  CALL (candidates) {
    UNWIND candidates AS c
    UNWIND c.nearby + [c.anchor] AS occupation
    WITH c, occupation, [x IN candidates | x.uri] AS candidateUris
    MATCH (o:Occupation {uri: occupation})
    WITH c, o, COLLECT { MATCH (o)-[:ESSENTIAL_SKILL]->(s:Skill) WHERE s.deprecated = false AND s.uri IN candidateUris RETURN s.uri } AS needs
    WITH c, collect(DISTINCT {uri: o.uri, needs: needs, major: left(o.iscoGroup, 1)}) AS around
    RETURN collect(c {.*, around: around, anchorNeeds: [a IN around WHERE a.uri = c.anchor][0].needs,
                      anchorMajor: [a IN around WHERE a.uri = c.anchor][0].major}) AS seeds
  }
  WITH gaps, inDemand, [c IN candidates | [s IN seeds WHERE s.uri = c.uri][0]] AS seeds
  WITH gaps, inDemand, reduce(state = {used: [], outlines: []}, seed IN seeds |
    CASE WHEN size(state.outlines) >= $first OR seed.uri IN state.used OR seed.anchor IS NULL THEN state
    ELSE [grp IN [([seed] + [g IN seeds WHERE g.uri <> seed.uri AND NOT g.uri IN state.used AND g.uri IN seed.anchorNeeds])[0..6]] |
      {used: state.used + [g IN grp | g.uri],
       outlines: state.outlines + [{
         seedIndex: size(state.outlines),
         skills: [g IN grp | g.uri],
         anchor: seed.anchor,
         anchorMajor: seed.anchorMajor,
         around: reduce(all = [], g IN grp | all + g.around),
         knowledge: size([g IN grp WHERE g.skillType = 'knowledge']),
         score: round(reduce(s = 0.0, g IN grp | s + g.gapScore), 6)}]}][0] END).outlines AS outlines
  CALL (outlines) {
    UNWIND outlines AS outline
    WITH outline, size(outline.skills) AS n
    UNWIND outline.around AS a
    WITH outline, n, a ORDER BY CASE WHEN a.uri = outline.anchor THEN 0 ELSE 1 END, a.uri
    WITH outline, n, collect(DISTINCT CASE WHEN size([s IN a.needs WHERE s IN outline.skills]) >= toInteger(ceil(n / 2.0)) THEN a.uri END) AS occupations
    WITH outline, occupations, n - outline.knowledge * 0.5 AS size
    ORDER BY outline.score DESC, outline.seedIndex
    RETURN collect({skills: outline.skills, occupations: occupations,
                    suggestedEcts: CASE WHEN size > 10 THEN 10.0 WHEN size < 1 THEN 1.0 ELSE round(size * 2) / 2.0 END,
                    suggestedEqfLevel: CASE WHEN outline.anchorMajor IN ['1', '2'] THEN 6 WHEN outline.anchorMajor = '3' THEN 5
                                            WHEN outline.anchorMajor = '9' THEN 2 ELSE 4 END,
                    score: outline.score}) AS develop
  }
  CALL (gaps, inDemand) {
    MATCH (m:MicroCredential {status: 'PUBLISHED'})
    OPTIONAL MATCH (m)-[:HAS_OUTCOME]->(:LearningOutcome)-[d:DEVELOPS]->(s:Skill)
    WITH m, collect(d.state) AS states, collect(DISTINCT CASE WHEN d.state <> 'REJECTED' THEN s END) AS taught
    WITH m, states, taught,
         [s IN taught WHERE s.deprecated] AS deprecated,
         [t IN taught | [g IN gaps WHERE g.uri = t.uri AND g.trend IS NOT NULL AND g.demand > 0][0]] AS trended,
         COLLECT { UNWIND coalesce(m.targetOccupations, []) AS target
                   MATCH (o:Occupation {uri: target})-[:ESSENTIAL_SKILL]->(e:Skill) WHERE o.deprecated = false AND e.deprecated = false AND e.uri IN inDemand AND NOT e IN taught
                   RETURN DISTINCT e.uri } AS missing,
         COLLECT { UNWIND coalesce(m.targetOccupations, []) AS target
                   MATCH (risk:DemandSignal {metric: 'AUTOMATION_RISK', targetCode: target})
                   WHERE risk.targetKind = 'OCCUPATION' AND risk.value IS NOT NULL AND 'H' IN coalesce(risk.flags, [])
                   RETURN target } AS exposed
    WITH m, states, taught, deprecated, missing, exposed, [g IN trended WHERE g IS NOT NULL] AS trended
    WITH m, taught, deprecated, missing, exposed, states,
         CASE WHEN size(trended) = 0 THEN null
              ELSE reduce(s = 0.0, g IN trended | s + g.trend * g.demand) / reduce(s = 0.0, g IN trended | s + g.demand) END AS trend
    WITH m, [reason IN [
        CASE WHEN size(deprecated) > 0 THEN {code: 'DEPRECATED_SKILL', weight: CASE WHEN size(deprecated) >= 2 THEN 0.4 ELSE 0.2 END} END,
        CASE WHEN m.expectedRevisionDate IS NOT NULL AND m.expectedRevisionDate < $today THEN {code: 'REVISION_OVERDUE', weight: 0.3} END,
        CASE WHEN size(taught) > 0 AND all(state IN states WHERE state = 'SUGGESTED') THEN {code: 'LINKS_NEVER_REVIEWED', weight: 0.2} END,
        CASE WHEN trend < -0.02 THEN {code: 'LOSING_DEMAND', weight: CASE WHEN -trend * 5 > 0.3 THEN 0.3 ELSE round(-trend * 5, 4) END} END,
        CASE WHEN size(missing) > 0 THEN {code: 'MISSING_IN_DEMAND_SKILLS', weight: CASE WHEN size(missing) >= 8 THEN 0.4 ELSE 0.05 * size(missing) END} END,
        CASE WHEN size(exposed) > 0 THEN {code: 'HIGH_AUTOMATION_EXPOSURE', weight: 0.2} END
      ] WHERE reason IS NOT NULL] AS reasons
    WHERE size(reasons) > 0
    WITH m.id AS id, reasons, round(reduce(s = 0.0, r IN reasons | s + r.weight), 4) AS score
    ORDER BY score DESC, id
    LIMIT toInteger($first)
    RETURN collect({id: id, reasons: [r IN reasons | r.code], score: score}) AS update
  }
  RETURN develop, update`;
