import { type Loaders, loadExisting } from '../graphql/context.js';
import { type ElmExport, toElmSpecification } from './elm-export.js';
import type { StoredMicroCredential } from './loaders.js';
import { confirmedByCurator } from './store.js';

/**
 * The ELM export of stored offers, as the API and `hub export elm` give it: each learning outcome with the
 * ESCO skills a curator accepted or added (suggestions are not published), read through the request's loaders.
 */
export async function elmExportOf(loaders: Loaders, offer: StoredMicroCredential): Promise<ElmExport> {
  const outcomes = await loaders.catalogue.outcomes.load(offer.id);
  const confirmed = outcomes.map((o) => o.links.filter(confirmedByCurator));
  const skills = new Map(
    (await loadExisting(loaders.taxonomy.skill, [...new Set(confirmed.flat().map((l) => l.skillUri))])).map((skill) => [
      skill.uri,
      skill,
    ]),
  );
  return toElmSpecification(
    offer,
    outcomes.map((o, index) => ({
      id: o.id,
      text: o.text,
      stated: o.stated,
      confirmedSkills: confirmed[index].flatMap((l) =>
        skills.has(l.skillUri) ? [{ uri: l.skillUri, preferredLabel: skills.get(l.skillUri)!.preferredLabel }] : [],
      ),
    })),
  );
}
