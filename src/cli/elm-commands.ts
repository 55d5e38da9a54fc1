import fs from 'node:fs';
import path from 'node:path';
import { elmExportOf } from '../catalogue/elm-offers.js';
import { EDC_GENERIC_FULL, ElmDocumentError, elmValidatorFor } from '../catalogue/elm-validation.js';
import { loadExisting } from '../graphql/context.js';
import { loadConfig } from '../config.js';
import { openGraph } from '../graph/open.js';
import { createCatalogueLoaders } from '../catalogue/loaders.js';
import { createTaxonomyLoaders } from '../taxonomy/loaders.js';

/**
 * `hub export elm` and `hub validate elm`: ELM v3 files for providers and registries, checked against the
 * Commission's shapes (EDC-generic-full) as a registry receiving them would check them.
 */

export class ElmCommandError extends Error {}

/** Writes one JSON-LD file per offer (all offers, or the one asked), and says which conform. */
export async function exportElmCommand(options: { id?: string; outDir: string }): Promise<void> {
  const config = loadConfig(process.env, false);
  const open = await openGraph(config);
  try {
    const ids = options.id
      ? [options.id]
      : (await open.graph.read<{ id: string }>('MATCH (m:MicroCredential) RETURN m.id AS id ORDER BY id')).map(
          (row) => row.id,
        );
    // The loaders elmExportOf reads through, straight from their capabilities (no taxonomy snapshot in a CLI run).
    const loaders = { catalogue: createCatalogueLoaders(open.graph), taxonomy: createTaxonomyLoaders(open.graph) };
    const offers = await loadExisting(loaders.catalogue.microCredential, ids);
    if (options.id && offers.length === 0) throw new ElmCommandError(`no micro-credential with id '${options.id}'`);
    const validator = await elmValidatorFor(config.elmDir);
    fs.mkdirSync(options.outDir, { recursive: true });
    let conforming = 0;
    for (const offer of offers) {
      const { specification, unmapped } = await elmExportOf(loaders, offer);
      const file = path.join(options.outDir, `${offer.id.replace(/[^A-Za-z0-9._-]+/g, '_')}.jsonld`);
      fs.writeFileSync(file, `${JSON.stringify(specification, null, 2)}\n`);
      const validation = await validator.validate(specification);
      if (validation.conforms) conforming += 1;
      process.stdout.write(
        `${file}: ${validation.conforms ? 'conforms' : `${validation.violations.length} violation(s)`}${unmapped.length > 0 ? `; not carried: ${unmapped.join('; ')}` : ''}\n`,
      );
    }
    process.stdout.write(`${conforming} of ${offers.length} export(s) conform to ${EDC_GENERIC_FULL}\n`);
  } finally {
    await open.close();
  }
}

/** Prints each violation of an ELM file (node, property, message); exit code 1 when it does not conform. */
export async function validateElmCommand(file: string): Promise<void> {
  const config = loadConfig(process.env, false);
  let document: unknown;
  try {
    document = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ElmCommandError(`${file}: not a JSON file: ${(error as Error).message}`);
  }
  const validator = await elmValidatorFor(config.elmDir);
  let validation;
  try {
    validation = await validator.validate(document);
  } catch (error) {
    if (error instanceof ElmDocumentError) throw new ElmCommandError(`${file}: ${error.message}`);
    throw error;
  }
  for (const violation of validation.violations) {
    process.stdout.write(
      `${violation.severity}  ${violation.focusNode}  ${violation.path ?? '(node)'}  ${violation.message}\n`,
    );
  }
  process.stdout.write(
    `${file}: ${validation.conforms ? 'conforms' : `does not conform (${validation.violations.length} result(s))`} to ${validation.profile}\n`,
  );
  if (!validation.conforms) process.exitCode = 1;
}
