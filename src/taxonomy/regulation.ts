/**
 * ESCO's regulated-profession note in words, and the caveat a counsellor reads beside a match to such an
 * occupation. Pure. ESCO v1.1.1 writes the note as a concept URI: `…/regulated-professions/regulated` on 15
 * occupations (doctors, nurses responsible for general care, dentists, veterinarians, midwives, pharmacists,
 * architects: the seven professions whose training the EU coordinates under Directive 2005/36/EC, recognised
 * automatically across Member States), `…/unregulated` on the rest.
 */

const NOTE = 'http://data.europa.eu/esco/regulated-professions/';

export const REGULATED_TEXT =
  'A regulated profession across the EU: one of the seven professions whose training the EU coordinates and recognises automatically (Directive 2005/36/EC). Practising needs that recognised qualification, so a short course or a skill match alone does not lead there.';
export const UNREGULATED_TEXT =
  'Not one of the professions the EU regulates as a whole; a country may still regulate it: check the EU Regulated Professions Database for the country concerned.';

export interface Regulation {
  /** true: ESCO marks it regulated; false: unregulated; null: no note, or one this hub does not know. */
  regulated: boolean | null;
  /** The note in words; the note as given when it is not one of ESCO's two concepts; null without a note. */
  text: string | null;
}

export function regulationOf(note: string | null | undefined): Regulation {
  if (!note) return { regulated: null, text: null };
  if (note === `${NOTE}regulated`) return { regulated: true, text: REGULATED_TEXT };
  if (note === `${NOTE}unregulated`) return { regulated: false, text: UNREGULATED_TEXT };
  return { regulated: null, text: note };
}

/** The caveat beside a match or transition to the occupation: the note in words when it is regulated, else null. */
export function regulationCaveat(note: string | null | undefined): string | null {
  const regulation = regulationOf(note);
  return regulation.regulated ? regulation.text : null;
}
