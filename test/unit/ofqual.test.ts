import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGLAND_NUTS1 } from '../../src/catalogue/ifate.js';
import { columnKey, fromOfqualCsv } from '../../src/catalogue/ofqual.js';
import { formatFieldError, validateQualification } from '../../src/catalogue/validation.js';
import { ImportError } from '../../src/errors.js';

/** Made from the Register's published fields, not real rows (see test/fixtures/catalogues/README.md). */
const FIXTURE = new URL('../fixtures/catalogues/ofqual-qualifications-from-spec.csv', import.meta.url).pathname;
const read = () => fromOfqualCsv(fs.readFileSync(FIXTURE, 'utf8'), 'ofqual.csv', '2026-12-01');

describe('fromOfqualCsv', () => {
  it('reads the download’s headers and the API’s names alike', () => {
    expect(
      ['Qualification Number', 'Qualification Title', 'Owner Organisation Name', 'Qualification SSA', 'TQT'].map(
        columnKey,
      ),
    ).toEqual(['qualificationnumber', 'title', 'organisationname', 'ssa', 'tqt']);
    expect(
      ['qualificationNumber', 'title', 'organisationName', 'ssa', 'Total Qualification Time'].map(columnKey),
    ).toEqual(['qualificationnumber', 'title', 'organisationname', 'ssa', 'tqt']);
  });

  it('maps every row as the adapter’s header says: levels to EQF, size in hours, where offered, retired ones', () => {
    const { qualifications } = read();
    expect(
      qualifications.map((q) => [q.id, q.nationalLevel, q.eqfLevel, q.workloadHours, q.workloadBasis, q.status]),
    ).toEqual([
      ['ofqual-60100011', 'Level 2', 3, 370, 'total qualification time (TQT)', 'PUBLISHED'],
      // The Register states EQF level 4: taken as stated, no conversion.
      ['ofqual-60100023', 'Level 3', 4, 60, 'total qualification time (TQT)', 'PUBLISHED'],
      ['ofqual-60100035', 'Entry Level', 1, 20, 'total qualification time (TQT)', 'PUBLISHED'],
      // No TQT: guided learning hours instead; "No longer awarded".
      ['ofqual-60100047', 'Level 4', 5, 450, 'guided learning hours (GLH)', 'RETIRED'],
      // Certification ended on 2019-12-31, before the file's date.
      ['ofqual-60100059', 'Level 1', 2, 10, 'total qualification time (TQT)', 'RETIRED'],
      ['ofqual-60100060', 'Level 5', 5, 370, 'total qualification time (TQT)', 'PUBLISHED'],
    ]);
    const [bricklaying, safety] = qualifications;
    expect(bricklaying).toMatchObject({
      title: 'Level 2 Certificate in Bricklaying',
      country: 'GB',
      awardingBody: 'Example Awarding Body',
      qualificationType: 'Vocationally-Related Qualification',
      nationalFramework: 'RQF (England and Northern Ireland)',
      route: '05.2 Building and Construction',
      issuerRegions: [...ENGLAND_NUTS1, 'UKN'],
      sourceName: 'Ofqual Register of Regulated Qualifications',
      sourceReference: 'Ofqual Register 601/0001/1',
    });
    expect(bricklaying.eqfConversion).toContain('2→3');
    expect(safety).toMatchObject({
      issuerRegions: ENGLAND_NUTS1,
      eqfConversion: null,
      sourceReference: 'https://example.org/specifications/601-0002-3.pdf',
    });
    expect(qualifications[5].issuerRegions).toEqual([]);
    for (const [index, q] of qualifications.entries()) expect(validateQualification(q).ok, `row ${index}`).toBe(true);
  });

  it('names every column it leaves out, and the qualifications that reach no region', () => {
    expect(read().notes).toEqual([
      'not read: organisationacronym: the awarding body is kept by name',
      'not read: totalcredits: the size is kept in hours (total qualification time)',
      'not read: offeredinternationally: no list of countries: an international offer reaches no region here',
      'not read: gradingtype: grading is not part of the catalogue model',
      '1 qualification(s) offered neither in England nor in Northern Ireland: they reach no region',
    ]);
  });

  it('refuses a file that is not a Register export, and names the row of a malformed record', () => {
    expect(() => fromOfqualCsv('Title,Level\nWelding,Level 2\n', 'x.csv', null)).toThrow(ImportError);
    expect(() => fromOfqualCsv('Title,Level\nWelding,Level 2\n', 'x.csv', null)).toThrow(
      'not an Ofqual Register export: no "Qualification Number" column',
    );
    const { qualifications, recordNames } = fromOfqualCsv(
      'Qualification Number,Qualification Title,TQT\n601/0009/1,,-5\n',
      'x.csv',
      null,
    );
    const result = validateQualification(qualifications[0], recordNames[0]);
    expect(result.ok ? [] : result.errors.map(formatFieldError)).toEqual([
      "qualification '601/0009/1' (line 2): title: is required",
    ]);
  });
});
