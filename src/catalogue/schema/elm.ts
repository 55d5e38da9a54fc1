import { builder } from '../../graphql/builder.js';
import type { ElmExport } from '../elm-export.js';
import type { ElmValidation, ElmValidator, ElmViolation } from '../elm-validation.js';

/** An offer's ELM v3 export and, only when asked for, its validation against the Commission's SHACL shapes. */

const ElmViolationRef = builder.objectRef<ElmViolation>('ElmViolation').implement({
  description: "One result of checking an ELM document against the Commission's SHACL shapes.",
  fields: (t) => ({
    focusNode: t.exposeString('focusNode', {
      description: 'The node that breaks the shape: its id, or _:… for a node without one.',
    }),
    path: t.exposeString('path', {
      nullable: true,
      description: 'The property concerned (full IRI), when the shape names one.',
    }),
    message: t.exposeString('message', { description: "What is wrong, in the shape's words." }),
    severity: t.exposeString('severity', { description: 'Violation, Warning or Info, as the shape grades it.' }),
    shape: t.exposeString('shape', { nullable: true, description: 'The shape that was not met.' }),
  }),
});

const ElmValidationRef = builder.objectRef<ElmValidation>('ElmValidation').implement({
  description:
    'The export checked as a registry receiving it would: the JSON-LD read with its contexts (held locally), against the shapes of the EDC-generic-full profile.',
  fields: (t) => ({
    conforms: t.exposeBoolean('conforms', { description: 'True when no shape reports a violation.' }),
    violations: t.field({
      type: [ElmViolationRef],
      description: 'Every result, by node and property.',
      resolve: (v) => v.violations,
    }),
    profile: t.exposeString('profile', { description: 'The application profile whose shapes were used.' }),
  }),
});

export const ElmExportRef = builder.objectRef<ElmExport>('ElmExport').implement({
  description:
    "The offer as an ELM v3 JSON-LD document (a Qualification when it has an EQF level, else a LearningAchievementSpecification), modelled as the Commission's sample micro-credential models its qualification.",
  fields: (t) => ({
    json: t.string({
      description: 'The JSON-LD document, with its own @context.',
      resolve: (e) => JSON.stringify(e.specification),
    }),
    unmapped: t.exposeStringList('unmapped', {
      description:
        'Elements the offer holds that the document does not carry, each with the reason; empty when nothing is left out.',
    }),
    validation: t.field({
      type: ElmValidationRef,
      description:
        "The document checked against the Commission's SHACL shapes (EDC-generic-full); computed only when asked for.",
      resolve: async (e, _a, context) => (await context.elmValidator()).validate(e.specification),
    }),
  }),
});

// What ELM validation adds to every request's context (src/server/context.ts).
declare module '../../graphql/context.js' {
  interface HubContext {
    /** The SHACL validator for ELM documents, loaded once per process from ELM_DIR. */
    elmValidator(): Promise<ElmValidator>;
  }
}
