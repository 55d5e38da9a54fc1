import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromCtdlDocuments } from '../../src/catalogue/ctdl.js';
import type { CatalogueFile } from '../../src/catalogue/import.js';
import { validateMicroCredential, validateProvider, validateQualification } from '../../src/catalogue/validation.js';
import { ImportError } from '../../src/errors.js';

/**
 * The CTDL reader on the real records staged from the Credential Engine Registry's repository
 * (../shared/data/catalogues/ctdl-credential-registry-samples, SOURCE.txt there). Counted with jq:
 *   jq -r '."@type"' *.json | sort | uniq -c
 *     1 ceterms:Agent, 2 ceterms:AssessmentProfile, 1 ceterms:Certificate, 2 ceterms:Certification,
 *     2 ceterms:CredentialOrganization, 2 ceterms:LearningOpportunityProfile, 2 ceterms:MasterDegree
 * so 2 providers (the organizations), 2 qualifications (the master's degrees), 5 micro-credentials (certificate,
 * certifications, learning opportunities), and 3 records not imported (the assessments and the agent): 12 files.
 */
const DIR = new URL('../../../shared/data/catalogues/ctdl-credential-registry-samples', import.meta.url).pathname;
const documents = fs
  .readdirSync(DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name, body: JSON.parse(fs.readFileSync(`${DIR}/${name}`, 'utf8')) as Record<string, unknown> }));
const copyOf = (name: string) => structuredClone(documents.find((document) => document.name === name)!.body);

/** Compiles only if the reading is a CatalogueFile (what the import takes), keeping its own type. */
const asCatalogueFile = <T extends CatalogueFile>(file: T) => file;
const reading = asCatalogueFile(fromCtdlDocuments(documents));

/** How the reader names a record: "<file> <@type> '<ctid, else @id>'". */
const nameOf = ({ name, body }: (typeof documents)[number]) =>
  `${name} ${String(body['@type'])} '${String(body['ceterms:ctid'] ?? body['@id'])}'`;

function caught(read: () => unknown): ImportError {
  try {
    read();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

// The top-level properties the reader maps, per kind (as its header states); every other must be named in a note.
const IDENTITY = ['@context', '@type', '@id', 'ceterms:ctid', 'ceterms:name', 'schema:name'];
const CREDENTIAL = [
  ...IDENTITY,
  ...['ceterms:description', 'schema:description', 'ceterms:subjectWebpage', 'schema:url'],
  ...['ceterms:ownedBy', 'ceterms:owner', 'ceterms:offeredBy', 'ceterms:jurisdiction', 'ceterms:availableAt'],
  'ceterms:credentialStatusType',
];
const MAPPED: Record<string, Set<string>> = {
  'ceterms:CredentialOrganization': new Set([
    ...IDENTITY,
    ...['ceterms:subjectWebpage', 'schema:url', 'ceterms:address', 'ceterms:agentType'],
  ]),
  'ceterms:MasterDegree': new Set(CREDENTIAL),
  'ceterms:Certification': new Set([
    ...CREDENTIAL,
    ...[
      'ceterms:requires',
      'ceterms:teaches',
      'ceterms:estimatedDuration',
      'ceterms:deliveryType',
      'ceterms:inLanguage',
    ],
    ...['ceterms:accreditedBy', 'ceterms:approvedBy', 'ceterms:recognizedBy', 'ceterms:regulatedBy'],
    'ceterms:processStandardsDescription',
  ]),
};
MAPPED['ceterms:Certificate'] = MAPPED['ceterms:LearningOpportunityProfile'] = MAPPED['ceterms:Certification'];
const NOT_IMPORTED = ['ceterms:AssessmentProfile', 'ceterms:Agent'];

describe('fromCtdlDocuments on the Credential Engine Registry samples', () => {
  it('reads one provider, qualification or micro-credential per record of those kinds, and names each as the brief says', () => {
    expect(documents).toHaveLength(12);
    expect(reading.recordNames).toEqual({
      providers: [
        "docs-cer-organization.json ceterms:CredentialOrganization 'urn:ctid:1667EC08-0E04-4C0E-8774-31A2DF20ABA6'",
        "organization-3_import.json ceterms:CredentialOrganization 'ce-6A62B250-A1A2-4D31-A702-CDC2437EFD31'",
      ],
      qualifications: [
        "credential-1_valid.json ceterms:MasterDegree 'urn:ctid:6bf1a7e2-814e-4598-a66e-a3e2ecb727d8'",
        "credential-2_valid.json ceterms:MasterDegree 'urn:ctid:6bf1a7e2-814e-4598-a66e-a3e2ecb727d9'",
      ],
      microCredentials: [
        "credential-3_import.json ceterms:Certification 'ce-1A4AB486-8212-4708-B7D5-C5167FDD2B47'",
        "credential-4_import.json ceterms:Certification 'ce-28E50037-D306-4F1E-AA9D-22A0E716B7A7'",
        "docs-cer-credential.json ceterms:Certificate 'urn:ctid:14525AEA-57C5-4F5A-8F1C-BDC95C7F8B9B'",
        "learning_opportunity_profile-2_import.json ceterms:LearningOpportunityProfile 'ce-F9D584AD-9CB6-4641-B803-4C4708343772'",
        "learning_opportunity_profile-3_import.json ceterms:LearningOpportunityProfile 'ce-38A1CF5C-798E-469B-88AC-87231D5AE1C2'",
      ],
    });
    expect(reading.providers).toHaveLength(2);
    expect(reading.qualifications).toHaveLength(2);
    expect(reading.microCredentials).toHaveLength(5);
    // The two assessment profiles and the agent: a note each, not a record.
    expect(reading.notes.filter((note) => note.includes(': not imported ('))).toEqual([
      "assessment_profile-2_import.json ceterms:AssessmentProfile 'ce-8E5FC99F-F348-42A3-90B6-1EDCB93193DD': not imported (an assessment, required by no credential of the batch): @id, @type, @context, ceterms:ctid, ceterms:name, ceterms:inLanguage, ceterms:description, ceterms:isProctored, ceterms:subjectWebpage, ceterms:hasGroupEvaluation, ceterms:hasGroupParticipation, ceterms:ownedBy.",
      "assessment_profile-3_import.json ceterms:AssessmentProfile 'ce-03A8B239-A5D9-4708-B3D2-73C2BE8D4505': not imported (an assessment, required by no credential of the batch): @context, @id, @type, ceterms:ctid, ceterms:description, ceterms:estimatedCost, ceterms:inLanguage, ceterms:hasGroupParticipation, ceterms:name, ceterms:subjectWebpage, ceterms:regulatedBy.",
      "organization-2_valid.json ceterms:Agent 'urn:ctid:e9344c77-f5c0-42a8-a8e7-22393c9cfa5e': not imported (ceterms:Agent is not a type this reader maps): @type, @id.",
    ]);
  });

  it('maps organizations to providers: ctid, name, country from the address, website, type', () => {
    expect(reading.providers).toEqual([
      {
        id: 'urn:ctid:1667EC08-0E04-4C0E-8774-31A2DF20ABA6',
        name: 'AdvancED',
        type: 'OTHER',
        website: 'http://www.advanc-ed.org/',
      },
      // "addressCountry": "United States" → US; NOCTI states no agentType.
      { id: 'ce-6A62B250-A1A2-4D31-A702-CDC2437EFD31', name: 'NOCTI', type: 'OTHER', country: 'US' },
    ]);
    expect(reading.notes).toContain(
      "docs-cer-organization.json ceterms:CredentialOrganization 'urn:ctid:1667EC08-0E04-4C0E-8774-31A2DF20ABA6': type OTHER (ceterms:agentType: qualityassurance).",
    );
  });

  it('maps degrees to qualifications, with the owner the record only refers to kept as the awarding body', () => {
    expect(reading.qualifications[0]).toMatchObject({
      id: 'urn:ctid:6bf1a7e2-814e-4598-a66e-a3e2ecb727d8',
      title: 'Master of Science in Project Management',
      qualificationType: 'master degree',
      awardingBody: 'http://credentialengineregistry.org/resource/dc814d62-6198-4a58-803d-0d453dc414d5',
      status: 'PUBLISHED',
      sourceName: 'Credential Engine Registry (CTDL)',
      sourceReference: 'http://credentialengineregistry.org/resource/urn:ctid:6bf1a7e2-814e-4598-a66e-a3e2ecb727d8',
    });
    expect(reading.qualifications[0].description).toMatch(/^Global business is powered by project management\./);
    expect(reading.qualifications[0]).not.toHaveProperty('eqfLevel');
    expect(reading.qualifications[0]).not.toHaveProperty('country');
  });

  it('maps credentials and learning opportunities to micro-credentials', () => {
    const [cota, informatics, docs, welder, radiography] = reading.microCredentials;
    // offeredBy carries NOCTI's ctid (organization-3_import.json), under another name: the provider is NOCTI.
    expect(informatics).toMatchObject({
      id: 'ce-28E50037-D306-4F1E-AA9D-22A0E716B7A7',
      title: 'Health Informatics',
      providerId: 'ce-6A62B250-A1A2-4D31-A702-CDC2437EFD31',
      awardingBodies: ['Medical Licensing Board of Indiana'],
      issuerCountries: ['US'],
      // jq '."ceterms:requires"[]."ceterms:targetAssessment"[]."ceterms:assesses"[]."ceterms:targetNodeName"'
      learningOutcomes: [
        'Core concepts in anatomy and physiology',
        'Core concepts in chemistry (organic and general chemistry)',
        'Core concepts in physics',
      ],
      assessmentType: 'CSP Examination',
      status: 'PUBLISHED',
      sourceReference: 'http://lr-staging.learningtapestry.com/resources/ce-28E50037-D306-4F1E-AA9D-22A0E716B7A7',
    });
    expect(informatics.qualityAssurance).toMatch(/^NOCTI assessments are not developed to reflect/);
    expect(reading.notes).toContain(
      "credential-4_import.json ceterms:Certification 'ce-28E50037-D306-4F1E-AA9D-22A0E716B7A7': ceterms:offeredBy 'Indiana University Bloomington' has the ctid of organization-3_import.json ceterms:CredentialOrganization 'ce-6A62B250-A1A2-4D31-A702-CDC2437EFD31': named 'NOCTI'.",
    );
    // P2Y is no workload in hours: it is kept as words. The placeholder "*** … MISSING ***" description is no prerequisite.
    expect(cota).toMatchObject({
      title: 'Certified Occupational Therapy Assistant (COTA®)',
      awardingBodies: [],
      issuerCountries: ['US'],
      learningOutcomes: ['Active'],
      durationText: '2 years',
      languages: ['en'],
      qualityAssurance: 'regulated by Indiana University East',
      furtherInformation: 'http://www.nbcot.org/certificants',
    });
    expect(cota.prerequisites).toHaveLength(1);
    expect(cota.prerequisites?.[0]).toMatch(/^To be deemed eligible to sit for the NBCOT certification examination/);
    expect(cota).not.toHaveProperty('workloadValue');
    expect(docs).toMatchObject({
      title: '21st Century Skills for Workplace Success',
      awardingBodies: ['http://www.nocti.org/index.cfm'],
      sourceReference: 'http://www.nocti.org/PDFs/JobReady/1337_21st_Century_Skills_for_Workplace_Success.pdf',
    });
    expect(welder).toMatchObject({ title: 'Certified Welder Courses', participationForm: 'ONSITE', languages: ['en'] });
    expect(welder).not.toHaveProperty('issuerCountries');
    expect(radiography).toMatchObject({
      durationText: '5 days',
      participationForm: 'ONSITE',
      qualityAssurance: 'accredited by Indiana Commission for Higher Education',
      status: 'PUBLISHED',
    });
    for (const offer of reading.microCredentials) {
      expect(offer.sourceName).toBe('Credential Engine Registry (CTDL)');
      expect(offer).not.toHaveProperty('eqfLevel');
      expect(offer).not.toHaveProperty('targetOccupations');
      expect(offer).not.toHaveProperty('sectors');
    }
  });

  it('names, for every record, each top-level property it does not map, and no property it maps', () => {
    // Per property: "mapped" (no note), "not read" (a note of its own) or "not imported" (listed with its record).
    const expected: string[] = [];
    const found: string[] = [];
    for (const document of documents) {
      const type = String(document.body['@type']);
      const record = nameOf(document);
      const notes = reading.notes.filter((note) => note.startsWith(`${record}: `));
      const listed = notes
        .filter((note) => note.includes(': not imported ('))
        .flatMap((note) => note.replace(/\.$/, '').split('): ')[1].split(', '));
      for (const property of Object.keys(document.body)) {
        const notRead = notes.some((note) => note.startsWith(`${record}: ${property} not read (`));
        expected.push(
          `${record} ${property}: ${NOT_IMPORTED.includes(type) ? 'not imported' : MAPPED[type].has(property) ? 'mapped' : 'not read'}`,
        );
        found.push(
          `${record} ${property}: ${listed.includes(property) ? 'not imported' : notRead ? 'not read' : 'mapped'}`,
        );
      }
    }
    expect(found).toEqual(expected);
    // jq -s 'map(keys | length) | add' *.json
    expect(found).toHaveLength(149);
    // A US credential states no EQF level; the O*NET / SOC occupations stay in the notes.
    expect(reading.notes.filter((note) => note.includes(': eqfLevel not set ('))).toHaveLength(7);
    expect(reading.notes).toContain(
      "credential-3_import.json ceterms:Certification 'ce-1A4AB486-8212-4708-B7D5-C5167FDD2B47': ceterms:occupationType not read (O*NET and SOC occupation codes are not the ESCO occupation URIs targetOccupations holds).",
    );
  });

  it('gives records the validator accepts, but for the three offers that name no owner or offerer', () => {
    expect(reading.providers.map((input) => validateProvider(input).ok)).toEqual([true, true]);
    expect(reading.qualifications.map((input) => validateQualification(input).ok)).toEqual([true, true]);
    // COTA and the two learning opportunities state only a regulator or accreditor: no awarding body is guessed.
    expect(
      reading.microCredentials.map((input, index) => {
        const result = validateMicroCredential(input, reading.recordNames.microCredentials[index]);
        return result.ok ? 'ok' : result.errors.map((error) => `${error.field}: ${error.reason}`);
      }),
    ).toEqual([
      ['awardingBodies: is required (at least one)'],
      'ok',
      'ok',
      ['awardingBodies: is required (at least one)'],
      ['awardingBodies: is required (at least one)'],
    ]);
    expect(reading.notes.filter((note) => note.includes(': no awarding body: '))).toEqual(
      [0, 3, 4].map(
        (index) =>
          `${reading.recordNames.microCredentials[index]}: no awarding body: no ceterms:ownedBy, owner or offeredBy (none is guessed).`,
      ),
    );
  });

  it('reads an assessment record of the batch a credential requires as its assessment type', () => {
    const credential = copyOf('credential-3_import.json');
    const assessment = copyOf('assessment_profile-3_import.json');
    (credential['ceterms:requires'] as Array<Record<string, unknown>>)[1]['ceterms:targetAssessment'] = [
      { '@id': assessment['@id'] },
    ];
    const read = fromCtdlDocuments([
      { name: 'credential.json', body: credential },
      { name: 'assessment.json', body: assessment },
    ]);
    expect(read.microCredentials[0].assessmentType).toBe('Certified Registered Nurse Anesthetist (CRNA)');
    expect(read.notes.filter((note) => note.startsWith('assessment.json'))).toEqual([
      "assessment.json ceterms:AssessmentProfile 'ce-03A8B239-A5D9-4708-B3D2-73C2BE8D4505': read only as the assessmentType of credential.json ceterms:Certification 'ce-1A4AB486-8212-4708-B7D5-C5167FDD2B47': @context, @id, @type, ceterms:ctid, ceterms:description, ceterms:estimatedCost, ceterms:inLanguage, ceterms:hasGroupParticipation, ceterms:name, ceterms:subjectWebpage, ceterms:regulatedBy.",
    ]);
  });

  it('refuses a credential without a name, naming the file, the record and the field', () => {
    const credential = copyOf('credential-3_import.json');
    delete credential['ceterms:name'];
    const error = caught(() =>
      fromCtdlDocuments([
        ...documents.filter((d) => d.name !== 'credential-3_import.json'),
        { name: 'credential-3_import.json', body: credential },
      ]),
    );
    expect(error.location).toEqual({ file: 'credential-3_import.json', column: 'ceterms:name' });
    expect(error.message).toBe(
      "credential-3_import.json:ceterms:name: ceterms:Certification 'ce-1A4AB486-8212-4708-B7D5-C5167FDD2B47': ceterms:name is required (a record must have its ctid and name)",
    );
    // The older draft's schema:name is the name too: without it, the documentation sample is refused the same way.
    const docs = copyOf('docs-cer-credential.json');
    delete docs['schema:name'];
    expect(caught(() => fromCtdlDocuments([{ name: 'docs.json', body: docs }])).location).toEqual({
      file: 'docs.json',
      column: 'ceterms:name',
    });
    const organization = copyOf('organization-3_import.json');
    delete organization['ceterms:ctid'];
    expect(caught(() => fromCtdlDocuments([{ name: 'org.json', body: organization }])).location).toEqual({
      file: 'org.json',
      column: 'ceterms:ctid',
    });
  });

  it('refuses a document that is not CTDL, naming the file', () => {
    const notCtdl = [
      { name: 'catalogue.json', body: { providers: [], microCredentials: [] } },
      {
        name: 'elm.json',
        body: { '@context': 'http://data.europa.eu/snb/model/context/edc-ap', type: 'Qualification' },
      },
      { name: 'schema-org.json', body: { '@type': 'schema:Course', 'schema:name': 'Welding' } },
      { name: 'text.json', body: 'a credential' },
    ];
    for (const document of notCtdl) {
      const error = caught(() => fromCtdlDocuments([...documents, document]));
      expect(error.location).toEqual({ file: document.name });
      expect(error.message).toBe(
        `${document.name}: not CTDL: no record with a ceterms: "@type" (such as ceterms:Certification)`,
      );
    }
  });
});
