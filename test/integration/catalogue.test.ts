import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalogue } from '../../src/catalogue/import.js';
import { ImportError } from '../../src/errors.js';
import type { GraphClient } from '../../src/graph/client.js';
import { SkillLinkerCache } from '../../src/linking/cache.js';
import type { RunningHub } from '../../src/server/start.js';
import { freshTestGraph, gql, startTestHub } from '../helpers.js';

const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';

const catalogue = {
  providers: [
    { id: 'hr-weld-school', name: 'Welding School Zagreb', type: 'VET', country: 'HR', accreditationStatus: 'ACCREDITED', accreditationRegister: 'Croatian training registry' },
    { id: 'dk-retail-coop', name: 'Retail cooperative', type: 'EMPLOYER', country: 'DK' },
  ],
  qualifications: [{ id: 'hr-welder', title: 'Welder', country: 'HR', eqfLevel: 4, nationalLevel: '4.1', nationalFramework: 'CROQF' }],
  microCredentials: [
    {
      id: 'weld-arc-1',
      title: 'Arc welding for steel structures',
      providerId: 'hr-weld-school',
      awardingBodies: ['Welding School Zagreb'],
      issuerCountries: ['HR'],
      learningOutcomes: ['Apply arc welding techniques to join steel parts', 'Align components according to blueprints before welding'],
      workloadValue: 4,
      workloadUnit: 'HR_CSVET',
      eqfLevel: 4,
      assessmentType: 'practical test',
      participationForm: 'ONSITE',
      qualityAssurance: 'external evaluation of adult education providers',
      supervision: 'ONSITE_WITH_IDENTITY_VERIFICATION',
      sectors: ['C25'],
      targetOccupations: [WELDER],
      languages: ['hr'],
      voucherEligible: true,
      stackability: 'STACKABLE',
      stacksInto: ['hr-welder'],
      recognitions: [{ recognisedBy: 'Croatian Employment Service', purpose: 'voucher-funded training for jobseekers', date: '2024-01-15' }],
    },
    {
      id: 'retail-customers-1',
      title: 'Serving customers in the shop',
      providerId: 'dk-retail-coop',
      awardingBodies: ['AMU'],
      issuerCountries: ['DK'],
      learningOutcomes: ['Assist customers and communicate with customers about products', 'maintain store cleanliness'],
      workloadValue: 3,
      workloadUnit: 'DAYS',
      participationForm: 'BLENDED',
      sectors: ['G47'],
    },
    { id: 'bare-1', title: 'A course nobody described', awardingBodies: ['Somebody'] },
  ],
};

function writeCatalogue(content: unknown, name = 'catalogue.json'): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-')), name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

async function catalogueFingerprint(graph: GraphClient) {
  const [row] = await graph.read<Record<string, unknown>>(
    `CALL { MATCH (m:MicroCredential) RETURN count(m) AS offers, collect(m.id + '@' + toString(m.updatedAt)) AS versions }
     CALL { MATCH (p:Provider) RETURN count(p) AS providers }
     CALL { MATCH (lo:LearningOutcome) RETURN count(lo) AS outcomes }
     CALL { MATCH ()-[d:DEVELOPS]->() RETURN count(d) AS links, collect(d.state) AS states }
     RETURN offers, versions, providers, outcomes, links, states`,
  );
  return { ...row, versions: (row.versions as string[]).sort(), states: (row.states as string[]).sort() } as Record<string, unknown>;
}

describe('micro-credential catalogue', () => {
  let graph: GraphClient;
  let hub: RunningHub;

  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
    hub = await startTestHub({ SEED_DEMO: 'false' });
  });
  afterAll(async () => {
    await hub.stop();
    await graph.close();
  });

  describe('bulk import', () => {
    it('imports all or nothing: one invalid record and nothing is written, each problem named', async () => {
      const before = await catalogueFingerprint(graph);
      const broken = structuredClone(catalogue);
      broken.microCredentials[1] = { ...broken.microCredentials[1], workloadValue: -1 } as never;
      (broken.microCredentials[2] as Record<string, unknown>).eqfLevel = 9;
      const error = await importCatalogue(graph, writeCatalogue(broken), null).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toContain("microCredential 'retail-customers-1': workloadValue: must be greater than 0");
      expect((error as Error).message).toContain("microCredential 'bare-1': eqfLevel: must be at most 8");
      expect(await catalogueFingerprint(graph)).toEqual(before);
    });

    it('with skipInvalid, imports the valid records and reports each skipped one', async () => {
      const broken = structuredClone(catalogue);
      (broken.microCredentials[2] as Record<string, unknown>).supervision = 'PROCTORED';
      const release = await new SkillLinkerCache().get(graph);
      const summary = await importCatalogue(graph, writeCatalogue(broken), release, { skipInvalid: true });
      expect(summary.microCredentials).toBe(2);
      expect(summary.skipped).toEqual([expect.stringMatching(/^microCredential 'bare-1': supervision: must be one of/)]);
      expect(summary.suggestedLinks).toBeGreaterThan(0);
    });

    it('is idempotent: importing the same file twice changes nothing', async () => {
      const release = await new SkillLinkerCache().get(graph);
      const file = writeCatalogue(catalogue);
      await importCatalogue(graph, file, release);
      const once = await catalogueFingerprint(graph);
      await importCatalogue(graph, file, release);
      expect(await catalogueFingerprint(graph)).toEqual(once);
      expect(once.offers).toBe(3);
    });

    it('reads CSV with list cells separated by |, naming the line of a bad record', async () => {
      const csv = 'id,title,awardingBodies,learningOutcomes,eqfLevel\ncsv-1,Forklift safety,AMU|Jobcenter,Operate a forklift|Stack goods,3\ncsv-2,,AMU,,2\n';
      const error = await importCatalogue(graph, writeCatalogue(csv, 'offers.csv'), null).catch((e: unknown) => e);
      expect((error as Error).message).toContain("offers.csv line 3 (microCredential 'csv-2'): title: is required");
    });
  });

  describe('GraphQL', () => {
    const UPSERT = `mutation($input: MicroCredentialInput!) { upsertMicroCredential(input: $input) { id completeness { score missingMandatory } } }`;

    it.each([
      [{ eqfLevel: 9 }, 'eqfLevel'],
      [{ workloadValue: -2, workloadUnit: 'ECTS' }, 'workloadValue'],
      [{ supervision: 'SOMETIMES' }, 'supervision'],
      [{ title: null }, 'title'],
      [{ awardingBodies: [] }, 'awardingBodies'],
    ])('rejects %o with BAD_USER_INPUT naming the field', async (change, field) => {
      const { errors } = await gql(hub, UPSERT, { input: { id: 'mc-invalid', title: 'Something', awardingBodies: ['Body'], ...change } });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(errors?.[0].message).toContain(field);
    });

    it('accepts an offer whose other elements are unspecified, and lists them as missing', async () => {
      const { data, errors } = await gql(hub, UPSERT, { input: { id: 'mc-sparse', title: 'Sparse offer', awardingBodies: ['Body'], notApplicable: ['LEVEL'] } });
      expect(errors).toBeUndefined();
      expect(data.upsertMicroCredential.completeness).toEqual({
        score: 0.33,
        missingMandatory: ['ISSUER_COUNTRY', 'LEARNING_OUTCOMES', 'WORKLOAD', 'ASSESSMENT_TYPE', 'PARTICIPATION_FORM', 'QUALITY_ASSURANCE'],
      });
    });

    it('shows an offer with completeness, normalised workload and skills linked with evidence', async () => {
      const { data, errors } = await gql(
        hub,
        `{ microCredential(id: "weld-arc-1") {
            title provider { name accreditationStatus } workload { value unit hours ects conversion }
            completeness { score missingMandatory checks { check outcome } }
            skills { skill { preferredLabel } links { state matchedText method taxonomyVersion } }
            targetOccupations { preferredLabel }
        } }`,
      );
      expect(errors).toBeUndefined();
      const offer = data.microCredential;
      expect(offer.workload).toMatchObject({ value: 4, unit: 'HR_CSVET', hours: 100, ects: 3.64 });
      expect(offer.completeness).toMatchObject({ score: 1, missingMandatory: [] });
      expect(offer.completeness.checks).toContainEqual({ check: 'ACCREDITED_PROVIDER', outcome: 'PASS' });
      const labels = offer.skills.map((s: { skill: { preferredLabel: string } }) => s.skill.preferredLabel);
      expect(labels).toEqual(expect.arrayContaining(['apply arc welding techniques', 'align components']));
      const weld = offer.skills.find((s: { skill: { preferredLabel: string } }) => s.skill.preferredLabel === 'apply arc welding techniques');
      expect(weld.links[0]).toMatchObject({ state: 'SUGGESTED', matchedText: 'apply arc welding techniques', taxonomyVersion: '1.1.1-demo' });
      expect(weld.links[0].method).toContain('essential for a targeted occupation');
    });

    it('keeps curator decisions when the offer is re-linked and re-imported', async () => {
      const outcomes = (await gql(hub, `{ microCredential(id: "retail-customers-1") { learningOutcomes { id text skillLinks { state skill { uri preferredLabel } } } } }`)).data
        .microCredential.learningOutcomes;
      const first = outcomes[0];
      const [accepted, rejected] = first.skillLinks;
      expect(accepted && rejected).toBeTruthy();
      const review = `mutation($o: ID!, $s: String!, $d: SkillLinkDecision!) { reviewSkillLink(outcomeId: $o, skillUri: $s, decision: $d, reviewer: "curator-1") { state reviewedBy } }`;
      expect((await gql(hub, review, { o: first.id, s: accepted.skill.uri, d: 'ACCEPT' })).data.reviewSkillLink).toEqual({ state: 'ACCEPTED', reviewedBy: 'curator-1' });
      expect((await gql(hub, review, { o: first.id, s: rejected.skill.uri, d: 'REJECT' })).data.reviewSkillLink.state).toBe('REJECTED');
      const handSkill = 'http://data.europa.eu/esco/skill/' + (await graph.read<{ uri: string }>("MATCH (s:Skill {preferredLabel: 'examine merchandise'}) RETURN s.uri AS uri"))[0].uri.split('/skill/')[1];
      const added = await gql(hub, `mutation($o: ID!, $s: String!) { addSkillLink(outcomeId: $o, skillUri: $s, reviewer: "curator-1", note: "taught in module 2") { state method } }`, { o: first.id, s: handSkill });
      expect(added.data.addSkillLink).toEqual({ state: 'ADDED', method: 'added by hand' });

      await gql(hub, `mutation { relinkMicroCredential(id: "retail-customers-1") { id } }`);
      const release = await new SkillLinkerCache().get(graph);
      await importCatalogue(graph, writeCatalogue(catalogue), release);

      const after = (await gql(hub, `{ microCredential(id: "retail-customers-1") { learningOutcomes { id skillLinks(includeRejected: true) { state skill { uri } } } } }`)).data
        .microCredential.learningOutcomes[0];
      const state = (uri: string) => after.skillLinks.filter((l: { skill: { uri: string } }) => l.skill.uri === uri).map((l: { state: string }) => l.state);
      expect(after.id).toBe(first.id);
      expect(state(accepted.skill.uri)).toEqual(['ACCEPTED']);
      expect(state(rejected.skill.uri)).toEqual(['REJECTED']);
      expect(state(handSkill)).toEqual(['ADDED']);

      // The ELM export publishes the curator-confirmed skills only.
      const elm = (await gql(hub, `{ microCredential(id: "retail-customers-1") { elm { json unmapped } } }`)).data.microCredential.elm;
      const exported = JSON.parse(elm.json);
      const exportedSkills = exported.learningOutcome[0].relatedESCOSkill.map((s: { id: string }) => s.id).sort();
      expect(exportedSkills).toEqual([accepted.skill.uri, handSkill].sort());
      expect(exported.volumeOfLearning).toBe('PT22.5H');
      expect(exported.awardingOpportunity[0].awardingBody).toEqual([expect.objectContaining({ type: 'Organisation', legalName: { en: 'AMU' } })]);
      expect(elm.unmapped).toEqual([]);
    });

    it("shows which of an occupation's essential skills the catalogue covers, and completeness for dashboards", async () => {
      const { data, errors } = await gql(
        hub,
        `query($o: String!) {
          occupationCoverage(occupationUri: $o) { essentialSkillCount coveredSkillCount coverage skills { covered skill { preferredLabel } offers { id } } }
          catalogueCompleteness { overall { offers averageScore complete missing { element offers } } byProvider { provider { id } summary { offers averageScore } } }
        }`,
        { o: WELDER },
      );
      expect(errors).toBeUndefined();
      const coverage = data.occupationCoverage;
      const covered = coverage.skills.filter((s: { covered: boolean }) => s.covered).map((s: { skill: { preferredLabel: string } }) => s.skill.preferredLabel);
      expect(covered).toEqual(expect.arrayContaining(['apply arc welding techniques', 'align components']));
      expect(coverage.coverage).toBe(Math.round((coverage.coveredSkillCount / coverage.essentialSkillCount) * 100) / 100);
      expect(coverage.skills[0].covered).toBe(false);
      const weldSkill = coverage.skills.find((s: { skill: { preferredLabel: string } }) => s.skill.preferredLabel === 'apply arc welding techniques');
      expect(weldSkill.offers).toEqual([{ id: 'weld-arc-1' }]);

      const completeness = data.catalogueCompleteness;
      expect(completeness.overall.offers).toBe(4);
      expect(completeness.byProvider).toContainEqual({ provider: { id: 'hr-weld-school' }, summary: { offers: 1, averageScore: 1 } });
      expect(completeness.overall.missing).toContainEqual({ element: 'QUALITY_ASSURANCE', offers: 3 });
    });

    it('records what an offer stacks into and who recognises it, and refuses stacking into nothing', async () => {
      const { data, errors } = await gql(
        hub,
        `{ microCredential(id: "weld-arc-1") { stacksIntoQualifications { id eqfLevel nationalLevel nationalFramework } recognitions { recognisedBy purpose date }
             completeness { checks { check outcome detail } } } }`,
      );
      expect(errors).toBeUndefined();
      expect(data.microCredential.stacksIntoQualifications).toEqual([{ id: 'hr-welder', eqfLevel: 4, nationalLevel: '4.1', nationalFramework: 'CROQF' }]);
      expect(data.microCredential.recognitions).toEqual([{ recognisedBy: 'Croatian Employment Service', purpose: 'voucher-funded training for jobseekers', date: '2024-01-15' }]);
      expect(data.microCredential.completeness.checks).toContainEqual({ check: 'LEARNING_PATHWAY', outcome: 'PASS', detail: 'stacks into hr-welder' });

      const dangling = await gql(hub, `mutation { upsertMicroCredential(input: { id: "x-1", title: "X", awardingBodies: ["B"], stacksInto: ["nowhere"] }) { id } }`);
      expect(dangling.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'stacksInto[0]' } });
      expect(dangling.errors?.[0].message).toContain("no micro-credential or qualification 'nowhere'");
    });

    it('filters the catalogue and counts the matches', async () => {
      const list = async (filter: Record<string, unknown>) =>
        (await gql(hub, `query($f: MicroCredentialFilter) { microCredentials(first: 10, filter: $f) { totalCount edges { node { id } } } }`, { f: filter })).data
          .microCredentials;
      const ids = async (filter: Record<string, unknown>) => (await list(filter)).edges.map((e: { node: { id: string } }) => e.node.id).sort();
      expect(await ids({ sector: 'C' })).toEqual(['weld-arc-1']);
      expect(await ids({ occupationUri: WELDER })).toEqual(['weld-arc-1']);
      expect(await ids({ accreditedOnly: true })).toEqual(['weld-arc-1']);
      // 3 days = 22.5 h = 0.82 ECTS; 4 CSVET = 100 h = 3.64 ECTS; offers without a workload never match a range.
      expect(await ids({ ectsMax: 1 })).toEqual(['retail-customers-1']);
      expect(await ids({ ectsMin: 3, ectsMax: 4 })).toEqual(['weld-arc-1']);
      expect(await ids({ text: 'welding' })).toEqual(['weld-arc-1']);
      expect(await ids({ participationForm: 'BLENDED', country: 'DK' })).toEqual(['retail-customers-1']);
      expect((await list({})).totalCount).toBe(4);
      await gql(hub, `mutation { retireMicroCredential(id: "mc-sparse") { status } }`);
      expect((await list({})).totalCount).toBe(3);
      expect(await ids({ status: 'RETIRED' })).toEqual(['mc-sparse']);
    });

    it('keeps database round trips independent of the number of offers listed (no N+1)', async () => {
      const query = `query($n: Int!, $f: MicroCredentialFilter) { microCredentials(first: $n, filter: $f) { edges { node {
          id provider { name } completeness { score } targetOccupations { preferredLabel }
          learningOutcomes { text skillLinks { state skill { preferredLabel } } }
          skills { skill { uri } }
      } } } }`;
      // One offer that reaches every nested level (provider, target occupations, linked outcomes), against all of them.
      const one = await gql(hub, query, { n: 1, f: { sector: 'C' } });
      const all = await gql(hub, query, { n: 3 });
      expect(one.data.microCredentials.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['weld-arc-1']);
      expect(all.errors).toBeUndefined();
      expect(all.data.microCredentials.edges).toHaveLength(3);
      expect(all.extensions?.dbRoundTrips).toBe(one.extensions?.dbRoundTrips);
      // One query counts the matches and fetches the page with providers, outcomes and links (taxonomy fields come from the snapshot).
      expect(all.extensions?.dbRoundTrips).toBe(1);
    });

    it('leaves outcomes out of a page that shows none, and finds outcome fields asked through fragments', async () => {
      const plain = await gql(hub, `{ microCredentials(first: 10) { edges { node { id title completeness { score } } } } }`);
      const throughFragment = await gql(
        hub,
        `query { microCredentials(first: 10) { edges { node { id ...Offer } } } }
         fragment Offer on MicroCredential { ... on MicroCredential { skills { skill { uri } } } }`,
      );
      expect(plain.errors).toBeUndefined();
      expect(throughFragment.errors).toBeUndefined();
      expect(plain.extensions?.dbRoundTrips).toBe(1);
      expect(throughFragment.extensions?.dbRoundTrips).toBe(1);
      const withSkills = throughFragment.data.microCredentials.edges.filter((edge: { node: { skills: unknown[] } }) => edge.node.skills.length > 0);
      expect(withSkills.length).toBeGreaterThan(0);
    });

    it('pages forwards and backwards with the count in the same query', async () => {
      const page = async (args: string) =>
        (await gql(hub, `{ microCredentials(${args}) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } }`))
          .data.microCredentials;
      const ids = (connection: { edges: Array<{ node: { id: string } }> }) => connection.edges.map((edge) => edge.node.id);
      const everything = await page('first: 50');
      const all = ids(everything);
      expect(all).toHaveLength(3);
      const head = await page('first: 2');
      expect(ids(head)).toEqual(all.slice(0, 2));
      expect(head).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
      const rest = await page(`first: 2, after: "${head.pageInfo.endCursor}"`);
      expect(ids(rest)).toEqual(all.slice(2));
      expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      expect(ids(await page('last: 2'))).toEqual(all.slice(1));
      expect(ids(await page(`last: 1, before: "${everything.edges[2].cursor}"`))).toEqual([all[1]]);
      expect(await page('last: 2, filter: { country: "XX" }')).toMatchObject({ totalCount: 0, edges: [] });
      expect(await page(`first: 2, after: "${everything.edges[2].cursor}"`)).toMatchObject({ totalCount: 3, edges: [], pageInfo: { hasNextPage: false } });
    });
  });

  describe('ELM documents', () => {
    const KNOWN = 'http://data.europa.eu/esco/skill/00e53a0a-c0ba-4c9f-a2ed-4706d5832a00'; // guarantee customer satisfaction, in the demo taxonomy
    const UNKNOWN = 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000';
    const specification = (awardingBody: unknown[]) => ({
      '@context': ['https://www.w3.org/2018/credentials/v1', 'http://data.europa.eu/snb/model/context/edc-ap'],
      id: 'urn:example:spec:customer-care',
      type: 'LearningAchievementSpecification',
      title: { en: 'Customer care in retail' },
      awardingOpportunity: [{
        id: 'urn:example:ao:1', type: 'AwardingOpportunity', awardingBody,
        location: { id: 'urn:example:loc:1', type: 'Location', address: { id: 'urn:example:addr:1', type: 'Address', countryCode: { id: 'http://publications.europa.eu/resource/authority/country/DNK', type: 'Concept' } } },
      }],
      learningOutcome: [{ id: 'urn:example:lo:1', type: 'LearningOutcome', title: { en: 'Guarantee customer satisfaction in the shop' }, relatedESCOSkill: [{ id: KNOWN, type: 'Concept' }, { id: UNKNOWN, type: 'Concept' }] }],
      mode: { id: 'http://data.europa.eu/snb/learning-assessment/920fbb3cbe', type: 'Concept' },
      learningSetting: { id: 'http://data.europa.eu/snb/learning-setting/e207a81fc7', type: 'Concept' },
    });
    const query = `{ microCredential(id: "elm:urn:example:spec:customer-care") { title awardingBodies issuerCountries participationForm elm { json }
      learningOutcomes { skillLinks { state method skill { uri } } } } }`;

    it('imports an ELM specification, with the skills it states as added links, and names what it did not read', async () => {
      const release = await new SkillLinkerCache().get(graph);
      const file = writeCatalogue(specification([{ id: 'urn:example:org:1', type: 'Organisation', legalName: { en: 'Example Retail Academy' } }]), 'spec.jsonld.json');
      const summary = await importCatalogue(graph, file, release);
      expect(summary).toMatchObject({ microCredentials: 1, statedLinks: 1, statedLinksToUnknownSkills: 1 });
      expect(summary.notes).toEqual([expect.stringContaining('not read: learningSetting')]);
      const offer = (await gql(hub, query)).data.microCredential;
      expect(offer).toMatchObject({ title: 'Customer care in retail', awardingBodies: ['Example Retail Academy'], issuerCountries: ['DK'], participationForm: 'ONLINE' });
      const stated = offer.learningOutcomes[0].skillLinks.filter((link: { state: string }) => link.state === 'ADDED');
      expect(stated).toEqual([{ state: 'ADDED', method: 'stated in the imported ELM document', skill: { uri: KNOWN } }]);

      // Importing it again, or importing the hub's own ELM export of it, changes nothing.
      const once = await catalogueFingerprint(graph);
      expect((await importCatalogue(graph, file, release)).statedLinks).toBe(0);
      expect(await catalogueFingerprint(graph)).toEqual(once);
      const exported = JSON.parse(offer.elm.json);
      expect(exported.learningOutcome[0].relatedESCOSkill.map((skill: { id: string }) => skill.id)).toEqual([KNOWN]);
      await importCatalogue(graph, writeCatalogue({ ...exported, id: 'urn:example:spec:customer-care' }, 'export.json'), release);
      expect(await catalogueFingerprint(graph)).toEqual(once);
    });

    it('refuses an ELM specification without an awarding body, naming the element, and writes nothing', async () => {
      const before = await catalogueFingerprint(graph);
      const error = await importCatalogue(graph, writeCatalogue(specification([]), 'no-body.json'), null).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toContain("microCredential 'elm:urn:example:spec:customer-care': awardingBodies: is required");
      expect(await catalogueFingerprint(graph)).toEqual(before);
    });
  });
});
