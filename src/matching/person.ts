import { UserInputError } from '../errors.js';
import type { HubContext } from '../graphql/context.js';
import { findOccupations } from '../linking/occupation-finder.js';
import { statedTitles } from '../linking/stated-titles.js';
import type { SkillNeighbours } from './held-credits.js';
import { profileFor } from './profile-access.js';
import type { ProfileRow } from './profile-store.js';

/**
 * What a person can do, from what a counsellor gives: explicit ESCO skill URIs, and free text (a work
 * history, interview notes) read by the skill linker and occupation search. Each held skill says where
 * it came from, so a match can be traced back to the words that produced it.
 *
 * From text: every skill the linker suggests (SkillLinker.suggest: the skill is named, not merely
 * touched), and the essential skills of the occupations the text names, as work experience: each job title
 * it states ("I have been a registered general nurse", linking/stated-titles.ts; at most MAX_STATED_TITLES
 * 3), searched as a title, its best hit when that occupation's labels explain at least
 * STATED_TITLE_COVERAGE 0.5 of it; without one, the best of the text's first NAMED_OCCUPATION_HITS search
 * hits whose label stands in the text whole, its words together (labelNamed). Those occupations, and the profile's work history, are the person's own (`own`):
 * matching marks them current instead of offering them, and judges step-downs against their skill level.
 */

export const MAX_TEXT_LENGTH = 20_000;
/** How many occupation search hits are read for an occupation the text names. */
export const NAMED_OCCUPATION_HITS = 5;
/** At most this many job titles stated in a text count as work history, each when its best hit's labels explain this much of it. */
export const MAX_STATED_TITLES = 3;
export const STATED_TITLE_COVERAGE = 0.5;

export interface HeldSkill {
  uri: string;
  /**
   * GIVEN (an explicit URI), TEXT (the linker found it), WORK_HISTORY (an occupation named in the text or
   * the profile), PROFILE (confirmed in the jobseeker's profile).
   */
  origin: 'GIVEN' | 'TEXT' | 'WORK_HISTORY' | 'PROFILE';
  /** The words or occupation it came from. */
  detail: string;
}

export async function personSkills(
  context: HubContext,
  input: { text?: string | null; skills?: readonly string[] | null; jobseekerId?: string | number | null },
): Promise<{ held: HeldSkill[]; profile: ProfileRow | null; own: string[] }> {
  const held = new Map<string, HeldSkill>();
  const own = new Set<string>();
  // A profile's confirmed skills and the essential skills of the occupations it records (suggestions wait for the counsellor).
  const profile =
    input.jobseekerId != null ? await profileFor(context, String(input.jobseekerId), 'match jobseeker') : null;
  for (const skill of profile?.skills ?? []) {
    if (skill.state === 'CONFIRMED')
      held.set(skill.uri, {
        uri: skill.uri,
        origin: 'PROFILE',
        detail: `confirmed in the profile (${skill.origin.toLowerCase()}: ${skill.detail})`,
      });
  }
  for (const work of profile?.workHistory ?? []) own.add(work.uri);
  await addWorkHistory(
    context,
    held,
    (profile?.workHistory ?? []).map((work) => [work.uri, `essential for an occupation in the profile's work history`]),
  );
  if (input.skills && input.skills.length > 0) {
    const found = await context.loaders.taxonomy.skill.loadMany(input.skills);
    const unknown = input.skills.filter((_, i) => found[i] == null || found[i] instanceof Error);
    if (unknown.length > 0)
      throw new UserInputError(
        'skills',
        `not ESCO skills of the current release: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}`,
      );
    for (const uri of input.skills) held.set(uri, { uri, origin: 'GIVEN', detail: 'given' });
  }
  const text = input.text?.trim() ?? '';
  if (input.text != null && text === '')
    throw new UserInputError('text', 'is empty: give a few words about the person’s work, or leave it out');
  if (text.length > MAX_TEXT_LENGTH)
    throw new UserInputError('text', `must be at most ${MAX_TEXT_LENGTH} characters (got ${text.length})`);
  if (text) {
    const [release, search] = await Promise.all([context.skillLinker(), context.occupationSearch()]);
    for (const named of await skillsNamedIn(context, text))
      if (!held.has(named.uri)) held.set(named.uri, { ...named, origin: 'TEXT' });
    const linker = release?.linker ?? null;
    const named: Array<[uri: string, detail: string]> = [];
    // A job title the text states ("as a warehouse forklift driver"), searched as a title: its best hit, when
    // that occupation's labels explain most of the title (STATED_TITLE_COVERAGE).
    for (const title of search ? statedTitles(text).slice(0, MAX_STATED_TITLES) : []) {
      const [hit] = findOccupations(search!, linker, title, { first: 1 });
      if (hit && hit.evidence.allLabelsCoverage >= STATED_TITLE_COVERAGE)
        named.push([hit.uri, `essential for "${hit.preferredLabel}", the job title "${title}" in the text`]);
    }
    // Else the best of the first hits whose label the text names ("drove a forklift": forklift driver), not
    // one whose words are strewn across it ("ward. … nurses" for "ward nurse").
    if (named.length === 0) {
      const top = (search ? findOccupations(search, linker, text, { first: NAMED_OCCUPATION_HITS }) : []).find(
        (hit) => hit.evidence.labelNamed,
      );
      if (top)
        named.push([
          top.uri,
          `essential for "${top.preferredLabel}", named in the text ("${top.evidence.matchedLabel}")`,
        ]);
    }
    for (const [uri] of named) own.add(uri);
    await addWorkHistory(context, held, named);
  }
  if (held.size === 0 && input.skills == null && input.text == null && profile === null)
    throw new UserInputError('skills', 'give skills, a text, a jobseekerId, or several');
  return { held: [...held.values()], profile, own: [...own] };
}

/** The skills a text names (SkillLinker.suggest), each with the words that matched. */
export async function skillsNamedIn(
  context: HubContext,
  text: string,
): Promise<Array<{ uri: string; detail: string }>> {
  const release = await context.skillLinker();
  return (release?.linker.suggest(text) ?? []).map((link) => ({
    uri: link.uri,
    detail: `"${link.evidence.matchedText}" matches "${link.evidence.matchedLabel}"`,
  }));
}

/** The essential skills of these occupations, as work experience (all read in one batch when there is no snapshot). */
async function addWorkHistory(
  context: HubContext,
  held: Map<string, HeldSkill>,
  occupations: Array<[uri: string, detail: string]>,
): Promise<void> {
  const skillLists = await Promise.all(
    occupations.map(
      async ([uri]) =>
        context.taxonomy?.skillsOf('ESSENTIAL_SKILL', uri) ??
        (await context.loaders.taxonomy.essentialSkills.load(uri)),
    ),
  );
  occupations.forEach(([, detail], i) => {
    for (const skill of skillLists[i])
      if (!held.has(skill.uri) && !skill.deprecated)
        held.set(skill.uri, { uri: skill.uri, origin: 'WORK_HISTORY', detail });
  });
}

/** The ESCO neighbours of the held skills (broader, narrower, related), read in one batch per relation, and their similar skills. */
export async function neighboursOf(context: HubContext, uris: string[]): Promise<SkillNeighbours> {
  const { broader, narrower, relatedSkills } = context.loaders.taxonomy;
  const [up, down, related, release] = await Promise.all([
    broader.loadMany(uris),
    narrower.loadMany(uris),
    relatedSkills.loadMany(uris),
    context.skillLinker(),
  ]);
  const similar = release?.similarSkills() ?? null;
  const toMap = <T>(lists: Array<T[] | Error>, pick: (item: T) => string | null) =>
    new Map(
      uris.map((uri, i) => [
        uri,
        lists[i] instanceof Error ? [] : (lists[i] as T[]).map(pick).filter((u): u is string => u !== null),
      ]),
    );
  const upMap = toMap(up, (c: { uri: string; kind: string }) => (c.kind === 'Skill' ? c.uri : null));
  const downMap = toMap(down, (c: { uri: string; kind: string }) => (c.kind === 'Skill' ? c.uri : null));
  const relatedMap = toMap(related, (r: { skill: { uri: string } }) => r.skill.uri);
  return {
    broader: (uri) => upMap.get(uri) ?? [],
    narrower: (uri) => downMap.get(uri) ?? [],
    related: (uri) => relatedMap.get(uri) ?? [],
    similar: (uri) => similar?.similar(uri) ?? [],
  };
}
