import { parseCatalogueCsv } from './csv.js';
import { ImportError } from '../errors.js';
import type { QualificationInput } from './model.js';

/**
 * A generic CSV for a national register of qualifications: one qualification a row, each column one field
 * of the catalogue's qualification (`upsertQualification` takes the same), so any register can be exported
 * to it with a spreadsheet. Pure.
 *   - Lists (issuerRegions, jobRoles, targetOccupations, learningOutcomes) separate their items with '|'.
 *   - Numbers: eqfLevel, durationMonths, workloadHours.
 *   - learningOutcomes are statements of no stated kind; ids are made from their text.
 *   - An empty cell is "not specified". A column the format does not know is refused by name, so a typo
 *     in a header is not silently dropped.
 */

export const REGISTER_CSV_COLUMNS = [
  'id',
  'title',
  'qualificationType',
  'country',
  'issuerRegions',
  'awardingBody',
  'eqfLevel',
  'nationalLevel',
  'nationalFramework',
  'eqfConversion',
  'durationMonths',
  'workloadHours',
  'workloadBasis',
  'route',
  'description',
  'jobRoles',
  'targetOccupations',
  'learningOutcomes',
  'status',
  'sourceName',
  'sourceReference',
] as const;

const LISTS = new Set(['issuerRegions', 'jobRoles', 'targetOccupations', 'learningOutcomes']);
const NUMBERS = new Set(['eqfLevel', 'durationMonths', 'workloadHours']);

export function fromRegisterCsv(
  text: string,
  file: string,
): { qualifications: QualificationInput[]; recordNames: string[] } {
  const rows = parseCatalogueCsv(text, file);
  if (rows.length === 0) throw new ImportError('nothing to import: no qualification rows', { file });
  const known = new Set<string>(REGISTER_CSV_COLUMNS);
  const unknown = Object.keys(rows[0].record).filter((column) => !known.has(column));
  if (unknown.length > 0)
    throw new ImportError(
      `unknown column(s) ${unknown.map((c) => `"${c}"`).join(', ')}; the register CSV has: ${REGISTER_CSV_COLUMNS.join(', ')}`,
      { file, line: 1 },
    );
  const qualifications = rows.map(({ record }) => {
    const input: Record<string, unknown> = {};
    for (const [column, raw] of Object.entries(record)) {
      const value = raw.trim();
      if (value === '') continue;
      if (LISTS.has(column)) {
        const items = value
          .split('|')
          .map((item) => item.trim())
          .filter(Boolean);
        input[column] = column === 'learningOutcomes' ? items.map((item) => ({ text: item })) : items;
      } else if (NUMBERS.has(column)) input[column] = Number.isFinite(Number(value)) ? Number(value) : value;
      else input[column] = value;
    }
    return input as QualificationInput;
  });
  return {
    qualifications,
    recordNames: rows.map(({ record, info }) =>
      record.id ? `${file} line ${info.lines} (qualification '${record.id}')` : `${file} line ${info.lines}`,
    ),
  };
}
