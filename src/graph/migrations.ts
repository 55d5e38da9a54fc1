import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.js';
import { logger } from '../logger.js';
import type { GraphClient } from './client.js';

/**
 * Graph schema as code: graph/migrations/NNN_name.cypher, statements separated by ';', applied in order.
 * Each applied file is recorded as a (:SchemaMigration) with a checksum; statements use IF NOT EXISTS,
 * so a migration interrupted half-way is simply applied again.
 */
export const migrationsDir = path.join(projectRoot, 'graph', 'migrations');

export interface Migration {
  id: string;
  checksum: string;
  statements: string[];
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /^\d+_.+\.cypher$/.test(name))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const statements = text
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .split(';')
        .map((statement) => statement.trim())
        .filter(Boolean);
      return {
        id: name.replace(/\.cypher$/, ''),
        checksum: createHash('sha256').update(text).digest('hex'),
        statements,
      };
    });
}

export async function appliedMigrations(graph: GraphClient): Promise<Map<string, string>> {
  const rows = await graph.read<{ id: string; checksum: string }>(
    'MATCH (m:SchemaMigration) RETURN m.id AS id, m.checksum AS checksum',
  );
  return new Map(rows.map((row) => [row.id, row.checksum]));
}

/** Applies what is not yet applied; refuses to run if an applied migration file was edited afterwards. */
export async function migrate(graph: GraphClient, migrations = readMigrations()): Promise<string[]> {
  const applied = await appliedMigrations(graph);
  const newlyApplied: string[] = [];
  for (const migration of migrations) {
    const recorded = applied.get(migration.id);
    if (recorded === migration.checksum) continue;
    if (recorded !== undefined) {
      throw new Error(
        `graph migration ${migration.id} was changed after it was applied; add a new migration file instead of editing it`,
      );
    }
    logger.info('applying graph migration', { migration: migration.id, statements: migration.statements.length });
    for (const statement of migration.statements) await graph.runAutoCommit(statement);
    await graph.runAutoCommit('CALL db.awaitIndexes(300)');
    await graph.write('MERGE (m:SchemaMigration {id: $id}) SET m.checksum = $checksum, m.appliedAt = datetime()', {
      id: migration.id,
      checksum: migration.checksum,
    });
    newlyApplied.push(migration.id);
  }
  return newlyApplied;
}

export async function pendingMigrations(graph: GraphClient): Promise<string[]> {
  const applied = await appliedMigrations(graph);
  return readMigrations()
    .filter((migration) => applied.get(migration.id) !== migration.checksum)
    .map((migration) => migration.id);
}
