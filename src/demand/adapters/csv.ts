import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ImportError } from '../../errors.js';

export interface CsvRecord {
  row: Record<string, string>;
  line: number;
}

/**
 * Reads a CSV with a header, checks that the header has `required` columns, and returns each record
 * with its line number. `skipLines` skips a preamble (crosswalks open with metadata lines).
 */
export function readCsvRecords(
  file: string,
  required: string[],
  options: { skipLines?: number; delimiter?: string } = {},
): CsvRecord[] {
  const name = path.basename(file);
  if (!fs.existsSync(file)) throw new ImportError('file not found', { file: name });
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(fs.readFileSync(file), {
      columns: (header: string[]) => {
        const missing = required.filter((column) => !header.includes(column));
        if (missing.length > 0)
          throw new ImportError(`wrong header: missing column(s) ${missing.map((c) => `'${c}'`).join(', ')}`, {
            file: name,
            line: (options.skipLines ?? 0) + 1,
          });
        return header;
      },
      bom: true,
      info: true,
      delimiter: options.delimiter ?? ',',
      from_line: (options.skipLines ?? 0) + 1,
      skip_empty_lines: true,
      // Cells are codes and numbers: spaces or a stray carriage return around them carry nothing.
      trim: true,
    });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const csvError = error as Error & { lines?: number; column?: string | number };
    throw new ImportError(`malformed CSV: ${csvError.message}`, {
      file: name,
      line: csvError.lines,
      column: csvError.column,
    });
  }
  return records.map(({ record, info }) => ({ row: record, line: info.lines }));
}

/** A number cell: '' → null; anything else must be a plain decimal number, or the import fails naming the cell. */
export function numberCell(
  value: string,
  where: { file: string; line: number; column: string },
  missing: string[] = [''],
): number | null {
  const text = value.trim();
  if (missing.includes(text)) return null;
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) throw new ImportError(`not a number: '${value}'`, where);
  return Number(text);
}
