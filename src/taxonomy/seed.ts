import path from 'node:path';
import { projectRoot } from '../config.js';
import type { GraphClient } from '../graph/client.js';
import { type ImportOptions, type ImportSummary, importEsco } from './esco-import.js';

/**
 * The demo taxonomy: a small hand-written subset in the ESCO CSV format under seeds/esco-demo,
 * loaded through the same importer as a real export. Its concepts use real ESCO URIs, so a later
 * import of the full ESCO release updates them in place.
 */
export const demoSeedDir = path.join(projectRoot, 'seeds', 'esco-demo');
export const DEMO_SEED_VERSION = '1.1.1-demo';
/** The demo micro-credential catalogue, built from the policy sources (see its _about). */
export const demoCatalogueFile = path.join(projectRoot, 'seeds', 'catalogue-demo.json');

export function loadDemoSeed(graph: GraphClient, options: Omit<ImportOptions, 'version'> = {}): Promise<ImportSummary> {
  return importEsco(graph, demoSeedDir, { ...options, version: DEMO_SEED_VERSION });
}
