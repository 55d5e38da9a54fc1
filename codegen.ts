import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { schema } from './src/server/schema.js';

/**
 * `npm run codegen`: prints the code-first schema to the committed schema.graphql, and generates
 * typed documents for the operations the tests send (test/operations/*.graphql → test/gql/) and those
 * the page sends (src/web/operations/*.graphql → src/web/gql/, as strings: no GraphQL parser in the page).
 * A test fails when schema.graphql is stale.
 */
const config: CodegenConfig = {
  schema: printSchema(schema),
  ignoreNoDocuments: false,
  generates: {
    'schema.graphql': { plugins: ['schema-ast'], config: { includeDirectives: false, commentDescriptions: false } },
    'test/gql/': {
      documents: ['test/operations/*.graphql'],
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, emitLegacyCommonJSImports: false },
      presetConfig: { fragmentMasking: false },
    },
    'src/web/gql/': {
      documents: ['src/web/operations/*.graphql'],
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, documentMode: 'string' },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
