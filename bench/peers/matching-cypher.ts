/**
 * The bench peer for course plans: the same plan as `recommendCourses` (no constraints), computed by one
 * hand-written Cypher query per request. Bench-only; the bench checks every input against the hub's answer
 * before timing anything. Matching and transitions have no equal peer since issue 22 (near credits from
 * similar words, tiers, step-downs, the occupation hierarchy): the hub is timed alone for them.
 */
import { MANDATORY_ELEMENTS_OF_M } from './gaps-cypher.js';

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
