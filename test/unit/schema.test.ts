import fs from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { schema } from '../../src/server/schema.js';

describe('schema.graphql', () => {
  it('is the printed code-first schema (run `npm run codegen` after changing the schema)', () => {
    const committed = fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8');
    expect(committed.trim()).toBe(printSchema(schema).trim());
  });
});
