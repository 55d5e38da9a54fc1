/** @jsxImportSource preact */
/**
 * A view's table as CSV, opened by a spreadsheet as it is: comment lines first (# source, # retrieved, # query:
 * the permalink and the GraphQL variables), then a header and the rows. Values are quoted when needed.
 */

export interface CsvProvenance {
  source: string;
  retrieved: string | null;
  query: string;
}

const cell = (value: unknown) => {
  const text = value == null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function toCsv(provenance: CsvProvenance, header: string[], rows: unknown[][]): string {
  const lines = [
    `# source: ${provenance.source}`,
    `# retrieved: ${provenance.retrieved ?? 'not stated'}`,
    `# query: ${provenance.query}`,
    header.map(cell).join(','),
    ...rows.map((row) => row.map(cell).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** Saves text as a file (CSV unless another media type is given). */
export function download(name: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
