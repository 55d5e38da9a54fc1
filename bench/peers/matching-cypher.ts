/**
 * The bench peers for matching: the same rankings as `matchOccupations` (a profile, no region),
 * `occupationTransitions` (no region) and `recommendCourses` (no constraints), each computed by one
 * hand-written Cypher query per request. Bench-only; the bench checks every input against the hub's
 * answer before timing anything.
 */
import { MANDATORY_ELEMENTS_OF_M } from './gaps-cypher.js';

/**
 * From `held` (skill URIs): every skill with its best credit in tenths, summed as integers as the hub
 * sums them (held 10, broader than a held skill 7, narrower 5, related 4), then each current occupation with an essential skill credited: its
 * essential and optional coverage and skill fit (0.8 × essential + 0.2 × optional; essential alone
 * without optional skills), as `o`, `essentialCoverage`, `skillFit`.
 */
const FIT_FROM_HELD = `
  CALL (held) {
    UNWIND held AS uri
    MATCH (k:Skill {uri: uri})
    CALL (k) {
      RETURN k AS target, 10 AS credit
      UNION ALL
      MATCH (k)-[:BROADER]->(b:Skill) RETURN b AS target, 7 AS credit
      UNION ALL
      MATCH (n:Skill)-[:BROADER]->(k) RETURN n AS target, 5 AS credit
      UNION ALL
      MATCH (k)-[:RELATED_SKILL]-(r:Skill) RETURN r AS target, 4 AS credit
    }
    WITH target, max(credit) AS credit WHERE target.deprecated = false
    MATCH (o:Occupation)-[rel:ESSENTIAL_SKILL|OPTIONAL_SKILL]->(target) WHERE o.deprecated = false
    WITH o, sum(CASE type(rel) WHEN 'ESSENTIAL_SKILL' THEN credit ELSE 0 END) AS essentialCredit,
            sum(CASE type(rel) WHEN 'OPTIONAL_SKILL' THEN credit ELSE 0 END) AS optionalCredit,
            count(CASE type(rel) WHEN 'ESSENTIAL_SKILL' THEN 1 END) AS essentialHeld
    WHERE essentialHeld > 0
    WITH o, essentialCredit, optionalCredit,
         COUNT { (o)-[:ESSENTIAL_SKILL]->(s:Skill) WHERE s.deprecated = false } AS essentialCount,
         COUNT { (o)-[:OPTIONAL_SKILL]->(s:Skill) WHERE s.deprecated = false } AS optionalCount
    WITH o, toFloat(essentialCredit) / 10.0 / essentialCount AS e, CASE WHEN optionalCount = 0 THEN null ELSE toFloat(optionalCredit) / 10.0 / optionalCount END AS opt
    RETURN o, round(e, 4) AS essentialCoverage, round(CASE WHEN opt IS NULL THEN e ELSE 0.8 * e + 0.2 * opt END, 4) AS skillFit
  }`;

/** A profile's occupations by skill fit: its confirmed skills and its work history's essential skills; the read is audited as the hub's is. */
export const MATCH_PROFILE = `
  MATCH (j:Jobseeker {id: $id})
  CREATE (:AuditEvent {id: randomUUID(), at: datetime(), actor: 'bench peer', action: 'match jobseeker', subject: 'jobseeker:' + j.id, detail: ''})
  WITH j
  CALL (j) {
    MATCH (j)-[:HAS_SKILL {state: 'CONFIRMED'}]->(s:Skill) RETURN s.uri AS uri
    UNION
    MATCH (j)-[:WORKED_AS]->(:Occupation)-[:ESSENTIAL_SKILL]->(s:Skill) WHERE s.deprecated = false RETURN s.uri AS uri
  }
  WITH collect(uri) AS held
  ${FIT_FROM_HELD}
  RETURN o.uri AS uri, essentialCoverage AS coverage, skillFit AS score
  ORDER BY score DESC, coverage DESC, uri
  LIMIT toInteger($first)`;

/** Transitions from an occupation: similarity = skill fit for its essential skills, × prospects (−0.1 for high automation exposure). */
export const TRANSITIONS = `
  MATCH (:Occupation {uri: $uri})-[:ESSENTIAL_SKILL]->(s:Skill) WHERE s.deprecated = false
  WITH collect(s.uri) AS held
  ${FIT_FROM_HELD}
  WITH o, skillFit, essentialCoverage WHERE o.uri <> $uri
  WITH o, skillFit,
       CASE WHEN EXISTS { MATCH (a:DemandSignal {metric: 'AUTOMATION_RISK', targetCode: o.uri}) WHERE a.targetKind = 'OCCUPATION' AND a.value IS NOT NULL AND 'H' IN coalesce(a.flags, []) }
            THEN 0.9 ELSE 1.0 END AS prospects
  WITH o.uri AS uri, skillFit AS similarity, round(skillFit * prospects, 4) AS score
  RETURN uri, similarity, score
  ORDER BY score DESC, similarity DESC, uri
  LIMIT toInteger($first)`;

/**
 * The course plan: the published offers teaching the occupation's essential skills not in `held`,
 * every subset of them tried (the bench's candidate sets are small; at most 12 offers are taken), the
 * best by uncovered skills, hours, cost, courses and quality shortfall.
 */
export const COURSE_PLAN = `
  MATCH (:Occupation {uri: $occupationUri})-[:ESSENTIAL_SKILL]->(s:Skill) WHERE s.deprecated = false AND NOT s.uri IN $held
  WITH collect(s.uri) AS missing
  CALL (missing) {
    MATCH (m:MicroCredential {status: 'PUBLISHED'})-[:HAS_OUTCOME]->(:LearningOutcome)-[d:DEVELOPS]->(s:Skill) WHERE d.state <> 'REJECTED' AND s.uri IN missing
    WITH m, collect(DISTINCT s.uri) AS covers ORDER BY m.id
    OPTIONAL MATCH (m)-[:OFFERED_BY]->(p:Provider)
    RETURN collect({id: m.id, covers: covers, hours: coalesce(m.workloadHours, 0.0), cost: coalesce(m.costAmount, 0.0),
                    shortfall: 1.0 - (0.5 * CASE p.accreditationStatus WHEN 'ACCREDITED' THEN 1.0 ELSE 0.0 END + 0.5 * round(${MANDATORY_ELEMENTS_OF_M} / 9.0, 2))})[0..12] AS offers
  }
  UNWIND range(0, toInteger(2 ^ size(offers)) - 1) AS subset
  WITH missing, [i IN range(0, size(offers) - 1) WHERE (subset / toInteger(2 ^ i)) % 2 = 1 | offers[i]] AS chosen
  WITH missing, chosen, reduce(c = [], x IN chosen | c + x.covers) AS covered
  WITH chosen, [s IN missing WHERE NOT s IN covered] AS uncovered,
       reduce(h = 0.0, x IN chosen | h + x.hours) AS hours, reduce(c = 0.0, x IN chosen | c + x.cost) AS cost, reduce(q = 0.0, x IN chosen | q + x.shortfall) AS shortfall
  RETURN [x IN chosen | x.id] AS courses, uncovered, hours AS totalHours
  ORDER BY size(uncovered), hours, cost, size(chosen), shortfall
  LIMIT 1`;
