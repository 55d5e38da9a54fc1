import fs from 'node:fs/promises';
import path from 'node:path';
import credentialsContext from 'credentials-context';
import jsonld from 'jsonld';
import type { RemoteDocument } from 'jsonld/jsonld-spec.js';
import { DataFactory, Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { PromiseMemo } from '../cache.js';

/**
 * ELM v3 documents checked as a registry receiving them would check them: against the Commission's SHACL
 * shapes of the profile the sample credential declares (EDC-generic-full, with the EDC-generic-no-cv
 * shapes it imports), after turning the JSON-LD into RDF with both contexts it names loaded from disk
 * (no network), and with ELM's rdfs:subClassOf triples added so that shapes aimed at a superclass reach
 * its subclasses (a Qualification is a LearningAchievementSpecification).
 *
 * The shapes, ontology and ELM context come from `elmDir` (../shared/data/elm-v3, see its SOURCE.txt);
 * the W3C Verifiable Credentials v1 context from the npm package credentials-context.
 */

export const EDC_CONTEXT_URL = 'http://data.europa.eu/snb/model/context/edc-ap';
export const VC_CONTEXT_URL = credentialsContext.CONTEXT_URL;
/** The profile the Commission's sample declares in its credentialSchema, and the one exports are checked against. */
export const EDC_GENERIC_FULL = 'http://data.europa.eu/snb/model/ap/edc-generic-full';

export interface ElmViolation {
  /** The node that breaks the shape: its id, or `_:…` for a node without one. */
  focusNode: string;
  /** The property concerned, when the shape names one. */
  path: string | null;
  message: string;
  severity: 'Violation' | 'Warning' | 'Info';
  /** The shape that was not met. */
  shape: string | null;
}

export interface ElmValidation {
  conforms: boolean;
  violations: ElmViolation[];
  /** What the document was checked against. */
  profile: string;
}

export class ElmDocumentError extends Error {}

/** Where each shape graph's owl:imports points on disk. */
const SHAPE_FILES: Record<string, string> = {
  [EDC_GENERIC_FULL]: 'shapes/edc/EDC-generic-full.ttl',
  'http://data.europa.eu/snb/model/ap/edc-generic-no-cv': 'shapes/edc/EDC-generic-no-cv.ttl',
};

const SUBCLASS_OF = 'http://www.w3.org/2000/01/rdf-schema#subClassOf';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

export class ElmValidator {
  private constructor(
    private readonly shapeGraphs: Map<string, Store>,
    private readonly subclassOf: Map<string, string[]>,
    private readonly contexts: Map<string, unknown>,
  ) {}

  static async load(elmDir: string): Promise<ElmValidator> {
    const read = async (relative: string) => {
      const file = path.join(elmDir, relative);
      try {
        return await fs.readFile(file, 'utf8');
      } catch (error) {
        throw new Error(
          `ELM shapes not found: ${file} (set ELM_DIR to the folder holding the Commission's ELM v3 shapes)`,
          { cause: error },
        );
      }
    };
    // The profile; the validator follows its owl:imports to the files beside it.
    const shapeGraphs = new Map<string, Store>();
    for (const [url, file] of Object.entries(SHAPE_FILES))
      shapeGraphs.set(url, new Store(new Parser().parse(await read(file))));
    // The class hierarchy: every superclass of each ELM class (transitively).
    const direct = new Map<string, string[]>();
    for (const file of ['ontology/ELM.ttl', 'ontology/ELM-external.ttl']) {
      for (const quad of new Parser().parse(await read(file))) {
        if (quad.predicate.value === SUBCLASS_OF && quad.object.termType === 'NamedNode') {
          direct.set(quad.subject.value, [...(direct.get(quad.subject.value) ?? []), quad.object.value]);
        }
      }
    }
    const subclassOf = new Map<string, string[]>();
    for (const start of direct.keys()) {
      const seen = new Set<string>();
      const stack = [...(direct.get(start) ?? [])];
      while (stack.length > 0) {
        const next = stack.pop()!;
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(...(direct.get(next) ?? []));
      }
      subclassOf.set(start, [...seen]);
    }
    const contexts = new Map<string, unknown>([
      [EDC_CONTEXT_URL, JSON.parse(await read('shapes/edc/edc-ap-context.jsonld'))],
      [VC_CONTEXT_URL, credentialsContext.CONTEXT],
    ]);
    return new ElmValidator(shapeGraphs, subclassOf, contexts);
  }

  /** The document's RDF, as a registry's JSON-LD processor reads it (contexts from disk only). */
  async toRdf(signedOrPlain: unknown): Promise<Store> {
    const document = unsigned(signedOrPlain);
    if (typeof document !== 'object' || document === null || Array.isArray(document))
      throw new ElmDocumentError('an ELM document is one JSON object');
    if (!('@context' in document)) {
      throw new ElmDocumentError(
        `the document has no @context, so a JSON-LD processor reads no id or type from it (an ELM document names ${EDC_CONTEXT_URL})`,
      );
    }
    const documentLoader = async (url: string): Promise<RemoteDocument> => {
      const context = this.contexts.get(url);
      if (!context)
        throw new ElmDocumentError(
          `context ${url} is not one of the ELM contexts held locally (${[...this.contexts.keys()].join(', ')})`,
        );
      return { contextUrl: undefined, documentUrl: url, document: context as RemoteDocument['document'] };
    };
    let nquads: string;
    try {
      nquads = (await jsonld.toRDF(document as jsonld.JsonLdDocument, {
        format: 'application/n-quads',
        documentLoader,
      })) as unknown as string;
    } catch (error) {
      const cause = error as { message?: string; details?: { cause?: { message?: string } } };
      throw new ElmDocumentError(
        `not valid JSON-LD: ${cause.details?.cause?.message ?? cause.message ?? String(error)}`,
      );
    }
    const data = new Store(new Parser({ format: 'N-Quads' }).parse(nquads));
    // Shapes aimed at a superclass must reach its subclasses: add each typed node's superclasses.
    for (const quad of data.getQuads(null, RDF_TYPE, null, null)) {
      for (const superclass of this.subclassOf.get(quad.object.value) ?? []) {
        data.addQuad(quad.subject, quad.predicate, DataFactory.namedNode(superclass), quad.graph);
      }
    }
    return data;
  }

  async validate(document: unknown): Promise<ElmValidation> {
    const data = await this.toRdf(document);
    const validator = new SHACLValidator(this.shapeGraphs.get(EDC_GENERIC_FULL)!, {
      importGraph: (url) => {
        const graph = this.shapeGraphs.get(url.value);
        if (!graph) throw new ElmDocumentError(`the shapes import ${url.value}, which is not held locally`);
        return graph;
      },
    });
    const report = await validator.validate(data);
    const violations: ElmViolation[] = report.results.map((result) => ({
      focusNode: termText(result.focusNode),
      path: result.path ? termText(result.path) : null,
      message: result.message.map((m) => m.value).join('; ') || `breaks ${termText(result.sourceConstraintComponent)}`,
      severity: (result.severity?.value.split('#')[1] ?? 'Violation') as ElmViolation['severity'],
      shape: result.sourceShape ? termText(result.sourceShape) : null,
    }));
    violations.sort((a, b) =>
      a.focusNode < b.focusNode ? -1 : a.focusNode > b.focusNode ? 1 : (a.path ?? '') < (b.path ?? '') ? -1 : 1,
    );
    return { conforms: report.conforms, violations, profile: EDC_GENERIC_FULL };
  }
}

/**
 * The credential inside a signed one (a JWS in JSON serialisation, as the Commission's signed sample is:
 * { payload, signatures }, the payload JSON text or base64url of it); any other document as it is.
 */
export function unsigned(document: unknown): unknown {
  if (typeof document !== 'object' || document === null || !('payload' in document) || !('signatures' in document))
    return document;
  const payload = (document as { payload: unknown }).payload;
  if (typeof payload !== 'string') return document;
  try {
    return JSON.parse(
      payload.trimStart().startsWith('{') ? payload : Buffer.from(payload, 'base64url').toString('utf8'),
    );
  } catch {
    throw new ElmDocumentError("the signed document's payload is not a JSON credential");
  }
}

function termText(term: { termType: string; value: string } | null | undefined): string {
  if (!term) return '';
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

const validators = new PromiseMemo<ElmValidator>(4);

/** The validator of a shapes folder, loaded once per process (a failed load is retried on the next call). */
export function elmValidatorFor(elmDir: string): Promise<ElmValidator> {
  return validators.get(elmDir, () => ElmValidator.load(elmDir));
}
