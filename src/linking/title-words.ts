import { analyse } from '../retrieval/text.js';

/**
 * The words of job titles and work histories that occupation search brings to ESCO's (occupation-search.ts):
 * irregular past forms, title abbreviations, job-ad noise, grade words, and agent nouns to their verb.
 */

/** Words that set a job a grade below the one they qualify ("assistant nurse", "electrician's helper"). */
export const RANK_WORDS = ['assistant', 'aide', 'helper', 'apprentice', 'trainee', 'auxiliary'];
/** Past forms people use about their work that stemming leaves apart from the base verb. */
export const IRREGULAR: Record<string, string> = {
  drove: 'drive',
  driven: 'drive',
  built: 'build',
  taught: 'teach',
  sold: 'sell',
  led: 'lead',
  ran: 'run',
  made: 'make',
  wrote: 'write',
  written: 'write',
  kept: 'keep',
  fed: 'feed',
  brought: 'bring',
  bought: 'buy',
  dealt: 'deal',
  grew: 'grow',
  grown: 'grow',
  held: 'hold',
  laid: 'lay',
  paid: 'pay',
  sent: 'send',
  spent: 'spend',
  stood: 'stand',
  took: 'take',
  taken: 'take',
  gave: 'give',
  given: 'give',
  did: 'do',
  done: 'do',
  sewn: 'sew',
  swept: 'sweep',
  flew: 'fly',
  flown: 'fly',
  drew: 'draw',
  drawn: 'draw',
  dug: 'dig',
  hung: 'hang',
  met: 'meet',
  oversaw: 'oversee',
  overseen: 'oversee',
  wove: 'weave',
  woven: 'weave',
  rode: 'ride',
  ridden: 'ride',
  sang: 'sing',
  sung: 'sing',
  fought: 'fight',
  caught: 'catch',
  thought: 'think',
  found: 'find',
  told: 'tell',
  spoke: 'speak',
  spoken: 'speak',
  understood: 'understand',
  won: 'win',
  shot: 'shoot',
  bred: 'breed',
};

/** Abbreviations common in job-ad titles. */
export const ABBREVIATIONS: Record<string, string> = {
  mgr: 'manager',
  mngr: 'manager',
  dev: 'developer',
  devs: 'developers',
  eng: 'engineer',
  engr: 'engineer',
  admin: 'administrator',
  asst: 'assistant',
  assoc: 'associate',
  tech: 'technician',
  techs: 'technicians',
  exec: 'executive',
  rep: 'representative',
  reps: 'representatives',
  coord: 'coordinator',
  supv: 'supervisor',
  ops: 'operations',
  hr: 'human resources',
  qa: 'quality assurance',
  hgv: 'heavy goods vehicle',
  lgv: 'large goods vehicle',
  rn: 'registered nurse',
  cdl: 'commercial driver',
  cs: 'customer service',
  acct: 'accountant',
  dir: 'director',
  svc: 'service',
  maint: 'maintenance',
  mech: 'mechanic',
  elec: 'electrical',
  sw: 'software',
  swe: 'software engineer',
  sde: 'software developer',
  pm: 'project manager',
  ceo: 'chief executive officer',
  cfo: 'chief financial officer',
  cto: 'chief technology officer',
  ux: 'user experience',
  ui: 'user interface',
};

/** Words of job-ad titles that say nothing about the occupation. */
export const TITLE_NOISE = new Set([
  'senior',
  'sr',
  'junior',
  'jr',
  'mid',
  'level',
  'entry',
  'experienced',
  'i',
  'ii',
  'iii',
  'iv',
  'full',
  'part',
  'time',
  'fulltime',
  'parttime',
  'remote',
  'hybrid',
  'permanent',
  'temporary',
  'temp',
  'contract',
  'freelance',
  'immediate',
  'start',
  'urgent',
  'urgently',
  'needed',
  'wanted',
  'hiring',
  'job',
  'jobs',
  'vacancy',
  'position',
  'role',
  'new',
  'm',
  'w',
  'd',
  'f',
  'h',
  'x',
  'mwd',
  'fmd',
  'wmd',
  'hf',
  'fh',
  'gn',
  'all',
  'genders',
  'days',
  'nights',
  'shift',
  'weekend',
  'apply',
  'now',
]);

/**
 * Agent nouns to their verb ("driver" → drive, "welder" → weld, "programmer" → program) when the verb
 * is a word of the taxonomy; everything else as it is.
 */
export function canonicaliser(known: Set<string>): (stem: string) => string {
  const cache = new Map<string, string>();
  const stemOf = (word: string) => analyse(word)[0]?.stem ?? word;
  return (stem) => {
    let result = cache.get(stem);
    if (result !== undefined) return result;
    result = stem;
    // The stemmer already took the -er off some ("programmer" → programm): undouble the consonant.
    const doubled = /^(.{3,}([b-df-hj-np-tv-z]))\2$/.exec(stem);
    if (doubled && !/(ll|ss|zz)$/.test(stem) && known.has(doubled[1])) result = doubled[1];
    const agent = result === stem ? /^(.{3,})(er|or)$/.exec(stem) : null;
    if (agent) {
      const base = agent[1];
      const tries = [base, `${base}e`, /(.)\1$/.test(base) ? base.slice(0, -1) : null].filter(
        (t): t is string => t !== null,
      );
      for (const attempt of tries) {
        const candidate = stemOf(attempt);
        if (candidate !== stem && known.has(candidate)) {
          result = candidate;
          break;
        }
      }
    }
    cache.set(stem, result);
    return result;
  };
}
