import { parse } from 'csv-parse/sync';
import { ImportError } from '../errors.js';

export interface CsvRow {
  record: Record<string, string>;
  info: { lines: number };
}

/**
 * The catalogue's CSV files (ours, a register's) parsed with a header, each row with its line; a malformed
 * file is an ImportError naming the file and line. `header` renames the columns (a register's own spellings).
 */
export function parseCatalogueCsv(text: string, file: string, header?: (columns: string[]) => string[]): CsvRow[] {
  try {
    return parse(text, { columns: header ?? true, bom: true, info: true, skip_empty_lines: true });
  } catch (error) {
    const csvError = error as Error & { lines?: number };
    throw new ImportError(`malformed CSV: ${csvError.message}`, { file, line: csvError.lines });
  }
}
