import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { elmValidatorFor } from '../../src/catalogue/elm-validation.js';
import { importCatalogue } from '../../src/catalogue/import.js';
import { ImportError } from '../../src/errors.js';
import { GraphClient } from '../../src/graph/client.js';
import { SkillLinkerCache } from '../../src/linking/cache.js';
import { demoSeedDir } from '../../src/taxonomy/seed.js';
import type { RunningHub } from '../../src/server/start.js';
import { freshTestGraph, gql, graphFingerprint, sharedDataDir, startTestHub } from '../helpers.js';

const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';

const catalogue = {
  providers: [
    {
      id: 'hr-weld-school',
      name: 'Welding School Zagreb',
      type: 'VET',
      country: 'HR',
      accreditationStatus: 'ACCREDITED',
      accreditationRegister: 'Croatian training registry',
    },
    { id: 'dk-retail-coop', name: 'Retail cooperative', type: 'EMPLOYER', country: 'DK' },
  ],
  qualifications: [
    { id: 'hr-welder', title: 'Welder', country: 'HR', eqfLevel: 4, nationalLevel: '4.1', nationalFramework: 'CROQF' },
  ],
  microCredentials: [
    {
      id: 'weld-arc-1',
      title: 'Arc welding for steel structures',
      providerId: 'hr-weld-school',
      awardingBodies: ['Welding School Zagreb'],
      issuerCountries: ['HR'],
      learningOutcomes: [
        'Apply arc welding techniques to join steel parts',
        'Align components according to blueprints before welding',
      ],
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
      recognitions: [
        {
          recognisedBy: 'Croatian Employment Service',
          purpose: 'voucher-funded training for jobseekers',
          date: '2024-01-15',
        },
      ],
    },
    {
      id: 'retail-customers-1',
      title: 'Serving customers in the shop',
      providerId: 'dk-retail-coop',
      awardingBodies: ['AMU'],
      issuerCountries: ['DK'],
      learningOutcomes: [
        'Assist customers and communicate with customers about products',
        'maintain store cleanliness',
      ],
      workloadValue: 3,
      workloadUnit: 'DAYS',
      participationForm: 'BLENDED',
      sectors: ['G47'],
    },
    { id: 'bare-1', title: 'A course nobody described', awardingBodies: ['Somebody'] },
    {
      id: 'social-media-1',
      title: 'Social media for small shops',
      providerId: 'dk-retail-coop',
      awardingBodies: ['AMU'],
      issuerCountries: ['DK'],
      issuerRegions: ['DK01'],
      learningOutcomes: ['Apply social media marketing to reach customers'],
      workloadValue: 2,
      workloadUnit: 'ECTS',
      eqfLevel: 5,
      participationForm: 'ONLINE',
      languages: ['da', 'en'],
      voucherEligible: false,
      sectors: ['G47'],
    },
  ],
};
const OFFER_IDS = catalogue.microCredentials.map((offer) => offer.id).sort();
/**
 * Suggestions for the outcomes of weld-arc-1, retail-customers-1 and social-media-1 on the demo taxonomy (pinned:
 * a change in linking shows here; the test also counts them in the graph). 17 since Porter2 stems: "communicate"
 * no longer proposes "assist community" (Porter stemmed both to "commun").
 */
const SUGGESTED_LINKS_WITHOUT_BARE_OFFER = 17;
/** The welder's essential skills that weld-arc-1's outcomes are linked to on the demo taxonomy. */
const WELDER_SKILLS_COVERED_BY_WELD_ARC = ['align components', 'apply arc welding techniques'];

const seedRelations = () =>
  parse(fs.readFileSync(path.join(demoSeedDir, 'occupationSkillRelations_en.csv')), {
    columns: true,
    bom: true,
  }) as Array<Record<string, string>>;

function writeCatalogue(content: unknown, name = 'catalogue.json'): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-')), name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** Removes every catalogue record (offers, providers, outcomes, qualifications, recognitions), keeping the taxonomy. */
async function emptyCatalogue(graph: GraphClient): Promise<void> {
  await graph.write(
    'MATCH (n) WHERE n:MicroCredential OR n:Provider OR n:LearningOutcome OR n:Qualification OR n:Recognition DETACH DELETE n',
  );
}

describe('micro-credential catalogue', () => {
  let graph: GraphClient;
  let hub: RunningHub;

  /** The state most tests start from: the demo taxonomy and exactly the catalogue above, freshly imported. */
  async function loadCatalogue(content: unknown = catalogue) {
    await emptyCatalogue(graph);
    return importCatalogue(graph, writeCatalogue(content), await new SkillLinkerCache().get(graph));
  }

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
      await loadCatalogue();
      const before = await graphFingerprint(graph);
      const broken = structuredClone(catalogue);
      broken.microCredentials[1] = { ...broken.microCredentials[1], workloadValue: -1 } as never;
      (broken.microCredentials[2] as Record<string, unknown>).eqfLevel = 9;
      broken.microCredentials[3].title = 'Social media for small shops, revised';
      const error = await importCatalogue(graph, writeCatalogue(broken), null).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message.split('\n').slice(1)).toEqual([
        "  microCredential 'retail-customers-1': workloadValue: must be greater than 0 and at most 100000 (got -1)",
        "  microCredential 'bare-1': eqfLevel: must be at most 8 and at least 1 (got 9)",
      ]);
      expect(await graphFingerprint(graph)).toEqual(before);
    });

    it('with skipInvalid, imports the valid records and reports each skipped one', async () => {
      await emptyCatalogue(graph);
      const broken = structuredClone(catalogue);
      (broken.microCredentials[2] as Record<string, unknown>).supervision = 'PROCTORED';
      const release = await new SkillLinkerCache().get(graph);
      const summary = await importCatalogue(graph, writeCatalogue(broken), release, { skipInvalid: true });
      expect(summary.microCredentials).toBe(3);
      expect(summary.skipped).toEqual([
        "microCredential 'bare-1': supervision: must be one of UNSUPERVISED_NO_IDENTITY_VERIFICATION, SUPERVISED_NO_IDENTITY_VERIFICATION, SUPERVISED_ONLINE, ONSITE_WITH_IDENTITY_VERIFICATION (got 'PROCTORED')",
      ]);
      const [{ offers, suggested }] = await graph.read<{ offers: string[]; suggested: number }>(
        `CALL { MATCH (m:MicroCredential) RETURN collect(m.id) AS offers }
         CALL { MATCH (:LearningOutcome)-[d:DEVELOPS {state: 'SUGGESTED'}]->() RETURN count(d) AS suggested }
         RETURN offers, suggested`,
      );
      expect(offers.sort()).toEqual(['retail-customers-1', 'social-media-1', 'weld-arc-1']);
      expect(summary.suggestedLinks).toBe(suggested);
      expect(summary.suggestedLinks).toBe(SUGGESTED_LINKS_WITHOUT_BARE_OFFER);
    });

    it('is idempotent: importing the same file twice changes nothing', async () => {
      await emptyCatalogue(graph);
      const release = await new SkillLinkerCache().get(graph);
      const file = writeCatalogue(catalogue);
      await importCatalogue(graph, file, release);
      const once = await graphFingerprint(graph);
      await importCatalogue(graph, file, release);
      expect(await graphFingerprint(graph)).toEqual(once);
      expect(once.nodes.MicroCredential.count).toBe(4);
    });

    it('reads CSV with list cells separated by | and yes/no booleans, naming the line of a bad record', async () => {
      await emptyCatalogue(graph);
      const csv =
        'id,title,awardingBodies,learningOutcomes,eqfLevel,voucherEligible,ilaEligible\n' +
        'csv-1,Forklift safety,AMU|Jobcenter,Operate a forklift| Stack goods ,3,yes,no\n' +
        'csv-2,Stock taking,AMU,,2,,\n';
      const summary = await importCatalogue(graph, writeCatalogue(csv, 'offers.csv'), null);
      expect(summary.microCredentials).toBe(2);
      const offers = await graph.read<Record<string, unknown>>(
        `MATCH (m:MicroCredential) RETURN m.id AS id, m.awardingBodies AS awardingBodies, m.learningOutcomes AS learningOutcomes, m.eqfLevel AS eqfLevel,
                m.voucherEligible AS voucherEligible, m.ilaEligible AS ila ORDER BY id`,
      );
      expect(offers).toEqual([
        {
          id: 'csv-1',
          awardingBodies: ['AMU', 'Jobcenter'],
          learningOutcomes: ['Operate a forklift', 'Stack goods'],
          eqfLevel: 3,
          voucherEligible: true,
          ila: false,
        },
        { id: 'csv-2', awardingBodies: ['AMU'], learningOutcomes: null, eqfLevel: 2, voucherEligible: null, ila: null },
      ]);

      const bad =
        'id,title,awardingBodies,learningOutcomes,eqfLevel,voucherEligible\ncsv-3,Pallets,AMU,,3,maybe\ncsv-4,,AMU,,2,no\n';
      const error = await importCatalogue(graph, writeCatalogue(bad, 'offers.csv'), null).catch((e: unknown) => e);
      expect((error as Error).message.split('\n').slice(1)).toEqual([
        "  offers.csv line 2 (microCredential 'csv-3'): voucherEligible: must be true or false (got 'maybe')",
        "  offers.csv line 3 (microCredential 'csv-4'): title: is required",
      ]);
    });
  });

  describe('GraphQL', () => {
    afterEach(() => vi.restoreAllMocks());
    const UPSERT = `mutation($input: MicroCredentialInput!) { upsertMicroCredential(input: $input) { id completeness { score missingMandatory } } }`;

    it.each([
      [{ eqfLevel: 9 }, 'eqfLevel'],
      [{ workloadValue: -2, workloadUnit: 'ECTS' }, 'workloadValue'],
      [{ supervision: 'SOMETIMES' }, 'supervision'],
      [{ title: null }, 'title'],
      [{ awardingBodies: [] }, 'awardingBodies'],
    ])('rejects %o with BAD_USER_INPUT naming the field', async (change, field) => {
      const { errors } = await gql(hub, UPSERT, {
        input: { id: 'mc-invalid', title: 'Something', awardingBodies: ['Body'], ...change },
      });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(errors?.[0].message).toContain(field);
    });

    it('reports several bad fields of one offer together, in extensions.problems, and writes nothing', async () => {
      const { data, errors } = await gql(hub, UPSERT, {
        input: {
          id: 'mc-many-errors',
          title: 'Something',
          awardingBodies: ['Body'],
          eqfLevel: 0,
          languages: ['english'],
          costAmount: 50,
        },
      });
      expect(data).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors![0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'eqfLevel',
        problems: [
          {
            record: "microCredential 'mc-many-errors'",
            field: 'eqfLevel',
            reason: 'must be at least 1 and at most 8 (got 0)',
          },
          {
            record: "microCredential 'mc-many-errors'",
            field: 'languages[0]',
            reason: "must be an ISO 639-1 language code such as en (got 'english')",
          },
          { record: "microCredential 'mc-many-errors'", field: 'costCurrency', reason: 'is required with costAmount' },
        ],
      });
      expect(errors![0].message).toBe(
        (errors![0].extensions as { problems: Array<{ field: string; reason: string }> }).problems
          .map((p) => `${p.field}: ${p.reason}`)
          .join('; '),
      );
      expect((await graph.read("MATCH (m:MicroCredential {id: 'mc-many-errors'}) RETURN m")).length).toBe(0);
    });

    it('accepts an offer whose other elements are unspecified, and lists them as missing', async () => {
      const { data, errors } = await gql(hub, UPSERT, {
        input: { id: 'mc-sparse', title: 'Sparse offer', awardingBodies: ['Body'], notApplicable: ['LEVEL'] },
      });
      expect(errors).toBeUndefined();
      expect(data.upsertMicroCredential.completeness).toEqual({
        score: 0.33,
        missingMandatory: [
          'ISSUER_COUNTRY',
          'LEARNING_OUTCOMES',
          'WORKLOAD',
          'ASSESSMENT_TYPE',
          'PARTICIPATION_FORM',
          'QUALITY_ASSURANCE',
        ],
      });
    });

    it('shows an offer with completeness, normalised workload and skills linked with evidence', async () => {
      await loadCatalogue();
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
      const weld = offer.skills.find(
        (s: { skill: { preferredLabel: string } }) => s.skill.preferredLabel === 'apply arc welding techniques',
      );
      expect(weld.links[0]).toMatchObject({
        state: 'SUGGESTED',
        matchedText: 'apply arc welding techniques',
        taxonomyVersion: '1.1.1-demo',
      });
      expect(weld.links[0].method).toContain('essential for a targeted occupation');
    });

    it('keeps curator decisions when the offer is re-linked and re-imported', async () => {
      await loadCatalogue();
      const outcomes = (
        await gql(
          hub,
          `{ microCredential(id: "retail-customers-1") { learningOutcomes { id text skillLinks { state skill { uri preferredLabel } } } } }`,
        )
      ).data.microCredential.learningOutcomes;
      const first = outcomes[0];
      const [accepted, rejected] = first.skillLinks;
      expect(accepted && rejected).toBeTruthy();
      const review = `mutation($o: ID!, $s: String!, $d: SkillLinkDecision!) { reviewSkillLink(outcomeId: $o, skillUri: $s, decision: $d, reviewer: "curator-1") { state reviewedBy } }`;
      expect(
        (await gql(hub, review, { o: first.id, s: accepted.skill.uri, d: 'ACCEPT' })).data.reviewSkillLink,
      ).toEqual({ state: 'ACCEPTED', reviewedBy: 'curator-1' });
      expect(
        (await gql(hub, review, { o: first.id, s: rejected.skill.uri, d: 'REJECT' })).data.reviewSkillLink.state,
      ).toBe('REJECTED');
      const handSkill =
        'http://data.europa.eu/esco/skill/' +
        (
          await graph.read<{ uri: string }>(
            "MATCH (s:Skill {preferredLabel: 'examine merchandise'}) RETURN s.uri AS uri",
          )
        )[0].uri.split('/skill/')[1];
      const added = await gql(
        hub,
        `mutation($o: ID!, $s: String!) { addSkillLink(outcomeId: $o, skillUri: $s, reviewer: "curator-1", note: "taught in module 2") { state method } }`,
        { o: first.id, s: handSkill },
      );
      expect(added.data.addSkillLink).toEqual({ state: 'ADDED', method: 'added by hand' });

      const relinked = await gql(
        hub,
        `mutation { relinkMicroCredential(id: "retail-customers-1") { id learningOutcomes { skillLinks(includeRejected: true) { state skill { uri } } } } }`,
      );
      expect(relinked.errors).toBeUndefined();
      const relinkedStates = relinked.data.relinkMicroCredential.learningOutcomes[0].skillLinks
        .filter((l: { skill: { uri: string } }) =>
          [accepted.skill.uri, rejected.skill.uri, handSkill].includes(l.skill.uri),
        )
        .map((l: { state: string; skill: { uri: string } }) => [l.skill.uri, l.state])
        .sort();
      expect(relinkedStates).toEqual(
        [
          [accepted.skill.uri, 'ACCEPTED'],
          [rejected.skill.uri, 'REJECTED'],
          [handSkill, 'ADDED'],
        ].sort(),
      );
      const release = await new SkillLinkerCache().get(graph);
      await importCatalogue(graph, writeCatalogue(catalogue), release);

      const after = (
        await gql(
          hub,
          `{ microCredential(id: "retail-customers-1") { learningOutcomes { id skillLinks(includeRejected: true) { state skill { uri } } } } }`,
        )
      ).data.microCredential.learningOutcomes[0];
      const state = (uri: string) =>
        after.skillLinks
          .filter((l: { skill: { uri: string } }) => l.skill.uri === uri)
          .map((l: { state: string }) => l.state);
      expect(after.id).toBe(first.id);
      expect(state(accepted.skill.uri)).toEqual(['ACCEPTED']);
      expect(state(rejected.skill.uri)).toEqual(['REJECTED']);
      expect(state(handSkill)).toEqual(['ADDED']);

      // The ELM export publishes the curator-confirmed skills only.
      const elm = (await gql(hub, `{ microCredential(id: "retail-customers-1") { elm { json unmapped } } }`)).data
        .microCredential.elm;
      const exported = JSON.parse(elm.json);
      const exportedSkills = exported.learningOutcome[0].relatedESCOSkill.map((s: { id: string }) => s.id).sort();
      expect(exportedSkills).toEqual([accepted.skill.uri, handSkill].sort());
      expect(exported.volumeOfLearning).toBe('PT22H30M');
      expect(exported.awardingOpportunity[0].awardingBody).toEqual([
        expect.objectContaining({ type: 'Organisation', legalName: { en: 'AMU' } }),
      ]);
      expect(elm.unmapped).toEqual([]);
    });

    it("shows which of an occupation's essential skills the catalogue covers, and completeness for dashboards", async () => {
      await loadCatalogue();
      const { data, errors } = await gql(
        hub,
        `query($o: String!) {
          occupationCoverage(occupationUri: $o) { essentialSkillCount coveredSkillCount coverage skills { covered skill { uri preferredLabel } offers { id } } }
          catalogueCompleteness { overall { offers averageScore complete missing { element offers } } byProvider { provider { id } summary { offers averageScore } } }
        }`,
        { o: WELDER },
      );
      expect(errors).toBeUndefined();
      const coverage = data.occupationCoverage;
      const essential = seedRelations()
        .filter((r) => r.occupationUri === WELDER && r.relationType === 'essential')
        .map((r) => r.skillUri);
      expect(coverage.skills.map((s: { skill: { uri: string } }) => s.skill.uri).sort()).toEqual(essential.sort());
      const covered = coverage.skills.filter((s: { covered: boolean }) => s.covered);
      expect(covered.map((s: { skill: { preferredLabel: string } }) => s.skill.preferredLabel).sort()).toEqual(
        WELDER_SKILLS_COVERED_BY_WELD_ARC,
      );
      expect(
        covered.every(
          (s: { offers: unknown[] }) => JSON.stringify(s.offers) === JSON.stringify([{ id: 'weld-arc-1' }]),
        ),
      ).toBe(true);
      expect(coverage).toMatchObject({
        essentialSkillCount: essential.length,
        coveredSkillCount: WELDER_SKILLS_COVERED_BY_WELD_ARC.length,
        coverage: Math.round((WELDER_SKILLS_COVERED_BY_WELD_ARC.length / essential.length) * 100) / 100,
      });
      // Uncovered first.
      expect(
        coverage.skills.slice(0, essential.length - covered.length).every((s: { covered: boolean }) => !s.covered),
      ).toBe(true);

      // weld-arc-1 states every mandatory element; the others lack the ones listed.
      const completeness = data.catalogueCompleteness;
      expect(completeness.overall).toMatchObject({ offers: 4, complete: 1 });
      expect(completeness.byProvider).toEqual(
        expect.arrayContaining([{ provider: { id: 'hr-weld-school' }, summary: { offers: 1, averageScore: 1 } }]),
      );
      expect(completeness.overall.missing).toContainEqual({ element: 'QUALITY_ASSURANCE', offers: 3 });
      expect(completeness.overall.missing).toContainEqual({ element: 'ASSESSMENT_TYPE', offers: 3 });
      expect(completeness.overall.missing).toContainEqual({ element: 'LEARNING_OUTCOMES', offers: 1 });
    });

    it('records what an offer stacks into and who recognises it, and refuses stacking into nothing', async () => {
      await loadCatalogue();
      const { data, errors } = await gql(
        hub,
        `{ microCredential(id: "weld-arc-1") { stacksIntoQualifications { id eqfLevel nationalLevel nationalFramework } recognitions { recognisedBy purpose date }
             completeness { checks { check outcome detail } } } }`,
      );
      expect(errors).toBeUndefined();
      expect(data.microCredential.stacksIntoQualifications).toEqual([
        { id: 'hr-welder', eqfLevel: 4, nationalLevel: '4.1', nationalFramework: 'CROQF' },
      ]);
      expect(data.microCredential.recognitions).toEqual([
        {
          recognisedBy: 'Croatian Employment Service',
          purpose: 'voucher-funded training for jobseekers',
          date: '2024-01-15',
        },
      ]);
      expect(data.microCredential.completeness.checks).toContainEqual({
        check: 'LEARNING_PATHWAY',
        outcome: 'PASS',
        detail: 'stacks into hr-welder',
      });

      const dangling = await gql(
        hub,
        `mutation { upsertMicroCredential(input: { id: "x-1", title: "X", awardingBodies: ["B"], stacksInto: ["nowhere"] }) { id } }`,
      );
      expect(dangling.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'stacksInto[0]' } });
      expect(dangling.errors?.[0].message).toContain("no micro-credential or qualification 'nowhere'");

      // A loop through the catalogue: loop-a → loop-b → loop-c stored, then loop-c stacking into loop-a.
      const upsert = (id: string, into: string[]) =>
        gql(hub, `mutation($input: MicroCredentialInput!) { upsertMicroCredential(input: $input) { id stacksInto } }`, {
          input: { id, title: id, awardingBodies: ['B'], stacksInto: into },
        });
      expect((await upsert('loop-c', [])).errors).toBeUndefined();
      expect((await upsert('loop-b', ['loop-c'])).errors).toBeUndefined();
      expect((await upsert('loop-a', ['loop-b'])).errors).toBeUndefined();
      const loop = await upsert('loop-c', ['hr-welder', 'loop-a']);
      expect(loop.errors?.[0]).toMatchObject({
        message: expect.stringContaining("stacking into 'loop-a' closes a loop: loop-c → loop-a → loop-b → loop-c"),
        extensions: { code: 'BAD_USER_INPUT', field: 'stacksInto[1]' },
      });
      // Nothing written: loop-c still stacks into nothing. Once loop-b no longer stacks into loop-c, it may.
      const stored = await gql(hub, `{ microCredential(id: "loop-c") { stacksInto } }`);
      expect(stored.data.microCredential.stacksInto).toEqual([]);
      expect((await upsert('loop-b', [])).errors).toBeUndefined();
      expect((await upsert('loop-c', ['loop-a'])).data?.upsertMicroCredential.stacksInto).toEqual(['loop-a']);
    });

    it('filters the catalogue by every filter and counts the matches', async () => {
      await loadCatalogue();
      const list = async (filter: Record<string, unknown>, sort?: string) =>
        (
          await gql(
            hub,
            `query($f: MicroCredentialFilter, $s: MicroCredentialSort) { microCredentials(first: 10, filter: $f, sort: $s) { totalCount edges { node { id } } } }`,
            { f: filter, s: sort },
          )
        ).data.microCredentials;
      const ids = async (filter: Record<string, unknown>) => {
        const page = await list(filter);
        const found = page.edges.map((e: { node: { id: string } }) => e.node.id).sort();
        expect(page.totalCount).toBe(found.length);
        return found;
      };
      const weldSkill = (
        await graph.read<{ uri: string }>(
          "MATCH (s:Skill {preferredLabel: 'apply arc welding techniques'}) RETURN s.uri AS uri",
        )
      )[0].uri;
      expect(await ids({})).toEqual(OFFER_IDS);
      expect(await ids({ sector: 'C' })).toEqual(['weld-arc-1']);
      expect(await ids({ sector: 'G47' })).toEqual(['retail-customers-1', 'social-media-1']);
      expect(await ids({ occupationUri: WELDER })).toEqual(['weld-arc-1']);
      expect(await ids({ accreditedOnly: true })).toEqual(['weld-arc-1']);
      expect(await ids({ providerId: 'dk-retail-coop' })).toEqual(['retail-customers-1', 'social-media-1']);
      expect(await ids({ skillUri: weldSkill })).toEqual(['weld-arc-1']);
      expect(await ids({ country: 'DK' })).toEqual(['retail-customers-1', 'social-media-1']);
      expect(await ids({ region: 'DK01' })).toEqual(['social-media-1']);
      expect(await ids({ region: 'DK02' })).toEqual([]);
      // EQF: weld-arc-1 is 4, social-media-1 is 5; offers without a level never match a range.
      expect(await ids({ eqfMin: 4, eqfMax: 4 })).toEqual(['weld-arc-1']);
      expect(await ids({ eqfMin: 5 })).toEqual(['social-media-1']);
      expect(await ids({ eqfMax: 5 })).toEqual(['social-media-1', 'weld-arc-1']);
      // 3 days = 22.5 h = 0.82 ECTS; 4 CSVET = 100 h = 3.64 ECTS; 2 ECTS; offers without a workload never match a range.
      expect(await ids({ ectsMax: 1 })).toEqual(['retail-customers-1']);
      expect(await ids({ ectsMin: 3, ectsMax: 4 })).toEqual(['weld-arc-1']);
      expect(await ids({ language: 'en' })).toEqual(['social-media-1']);
      expect(await ids({ language: 'hr' })).toEqual(['weld-arc-1']);
      expect(await ids({ voucherEligible: true })).toEqual(['weld-arc-1']);
      expect(await ids({ voucherEligible: false })).toEqual(['social-media-1']);
      expect(await ids({ collection: 'DIGITAL' })).toEqual(['social-media-1']);
      expect(await ids({ text: 'welding' })).toEqual(['weld-arc-1']);
      expect(await ids({ participationForm: 'BLENDED', country: 'DK' })).toEqual(['retail-customers-1']);
      expect(await ids({ participationForm: 'ONLINE', country: 'HR' })).toEqual([]);

      // Sorts: by title (the default), workload and level (unknown last), and most recently updated first.
      const order = async (sort?: string) =>
        (await list({}, sort)).edges.map((e: { node: { id: string } }) => e.node.id);
      expect(await order()).toEqual(['bare-1', 'weld-arc-1', 'retail-customers-1', 'social-media-1']);
      expect(await order('TITLE')).toEqual(['bare-1', 'weld-arc-1', 'retail-customers-1', 'social-media-1']);
      expect(await order('WORKLOAD')).toEqual(['retail-customers-1', 'social-media-1', 'weld-arc-1', 'bare-1']);
      expect(await order('EQF_LEVEL')).toEqual(['weld-arc-1', 'social-media-1', 'bare-1', 'retail-customers-1']);
      await gql(
        hub,
        `mutation { upsertMicroCredential(input: { id: "bare-1", title: "A course nobody described", awardingBodies: ["Somebody"], eqfLevel: 2 }) { id } }`,
      );
      expect((await order('RECENTLY_UPDATED'))[0]).toBe('bare-1');
      expect(await order('EQF_LEVEL')).toEqual(['bare-1', 'weld-arc-1', 'social-media-1', 'retail-customers-1']);

      // Retired offers leave the default listing (published and drafts) and can be asked for.
      await gql(hub, `mutation { retireMicroCredential(id: "bare-1") { status } }`);
      expect((await list({})).totalCount).toBe(3);
      expect(await ids({ status: 'RETIRED' })).toEqual(['bare-1']);
    });

    it('keeps database round trips independent of the number of offers listed (no N+1)', async () => {
      await loadCatalogue();
      const query = `query($n: Int!, $f: MicroCredentialFilter) { microCredentials(first: $n, filter: $f) { edges { node {
          id provider { name } completeness { score } targetOccupations { preferredLabel }
          learningOutcomes { text skillLinks { state skill { preferredLabel } } }
          skills { skill { uri } }
      } } } }`;
      // One offer that reaches every nested level (provider, target occupations, linked outcomes), against all of them.
      const one = await gql(hub, query, { n: 1, f: { sector: 'C' } });
      const all = await gql(hub, query, { n: 4 });
      expect(one.data.microCredentials.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['weld-arc-1']);
      expect(all.errors).toBeUndefined();
      expect(all.data.microCredentials.edges).toHaveLength(4);
      expect(all.extensions?.dbRoundTrips).toBe(one.extensions?.dbRoundTrips);
      // One query counts the matches and fetches the page with providers, outcomes and links (taxonomy fields come from the snapshot).
      expect(all.extensions?.dbRoundTrips).toBe(1);
    });

    it('leaves outcomes out of a page that shows none, and finds outcome fields asked through fragments', async () => {
      await loadCatalogue();
      // Watch the Cypher the hub sends (same process, real database): which page query carries the outcomes.
      const reads = vi.spyOn(GraphClient.prototype, 'read');
      const pageQueries = () =>
        reads.mock.calls.map(([cypher]) => cypher).filter((cypher) => cypher.includes('MicroCredential'));
      const plain = await gql(
        hub,
        `{ microCredentials(first: 10) { edges { node { id title completeness { score } } } } }`,
      );
      const plainQueries = pageQueries();
      reads.mockClear();
      const throughFragment = await gql(
        hub,
        `query { microCredentials(first: 10) { edges { node { id ...Offer } } } }
         fragment Offer on MicroCredential { ... on MicroCredential { skills { skill { uri } } } }`,
      );
      const fragmentQueries = pageQueries();
      expect(plain.errors).toBeUndefined();
      expect(throughFragment.errors).toBeUndefined();
      expect([plain.extensions?.dbRoundTrips, throughFragment.extensions?.dbRoundTrips]).toEqual([1, 1]);
      expect(plainQueries).toHaveLength(1);
      expect(fragmentQueries).toHaveLength(1);
      expect(plainQueries[0]).not.toContain('HAS_OUTCOME]->(lo:LearningOutcome)');
      expect(fragmentQueries[0]).toContain('HAS_OUTCOME]->(lo:LearningOutcome)');
      const withSkills = throughFragment.data.microCredentials.edges.filter(
        (edge: { node: { skills: unknown[] } }) => edge.node.skills.length > 0,
      );
      expect(withSkills.map((edge: { node: { id: string } }) => edge.node.id).sort()).toEqual([
        'retail-customers-1',
        'social-media-1',
        'weld-arc-1',
      ]);
    });

    it('pages forwards and backwards with the count in the same query', async () => {
      await loadCatalogue({ ...catalogue, microCredentials: catalogue.microCredentials.slice(0, 3) });
      const page = async (args: string) =>
        (
          await gql(
            hub,
            `{ microCredentials(${args}) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } }`,
          )
        ).data.microCredentials;
      const ids = (connection: { edges: Array<{ node: { id: string } }> }) =>
        connection.edges.map((edge) => edge.node.id);
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
      expect(await page(`first: 2, after: "${everything.edges[2].cursor}"`)).toMatchObject({
        totalCount: 3,
        edges: [],
        pageInfo: { hasNextPage: false },
      });
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
      awardingOpportunity: [
        {
          id: 'urn:example:ao:1',
          type: 'AwardingOpportunity',
          awardingBody,
          location: {
            id: 'urn:example:loc:1',
            type: 'Location',
            address: {
              id: 'urn:example:addr:1',
              type: 'Address',
              countryCode: { id: 'http://publications.europa.eu/resource/authority/country/DNK', type: 'Concept' },
            },
          },
        },
      ],
      learningOutcome: [
        {
          id: 'urn:example:lo:1',
          type: 'LearningOutcome',
          title: { en: 'Guarantee customer satisfaction in the shop' },
          relatedESCOSkill: [
            { id: KNOWN, type: 'Concept' },
            { id: UNKNOWN, type: 'Concept' },
          ],
        },
      ],
      mode: { id: 'http://data.europa.eu/snb/learning-assessment/920fbb3cbe', type: 'Concept' },
      learningSetting: { id: 'http://data.europa.eu/snb/learning-setting/e207a81fc7', type: 'Concept' },
    });
    const query = `{ microCredential(id: "elm:urn:example:spec:customer-care") { title awardingBodies issuerCountries participationForm elm { json }
      learningOutcomes { skillLinks { state method skill { uri } } } } }`;

    it('imports an ELM specification, with the skills it states as added links, and names what it did not read', async () => {
      const release = await new SkillLinkerCache().get(graph);
      const file = writeCatalogue(
        specification([{ id: 'urn:example:org:1', type: 'Organisation', legalName: { en: 'Example Retail Academy' } }]),
        'spec.jsonld.json',
      );
      const summary = await importCatalogue(graph, file, release, {
        elmValidator: () => elmValidatorFor(path.join(sharedDataDir, 'elm-v3')),
      });
      expect(summary).toMatchObject({ microCredentials: 1, statedLinks: 1, statedLinksToUnknownSkills: 1 });
      expect(summary.notes).toEqual([expect.stringContaining('not read: learningSetting')]);
      // Its awarding body has no location, which the shapes require: a warning, and the offer is imported all the same.
      expect(summary.warnings).toContain(
        'ELM shapes: Violation at urn:example:org:1 http://data.europa.eu/snb/model/elm/location: Less than 1 values',
      );
      const offer = (await gql(hub, query)).data.microCredential;
      expect(offer).toMatchObject({
        title: 'Customer care in retail',
        awardingBodies: ['Example Retail Academy'],
        issuerCountries: ['DK'],
        participationForm: 'ONLINE',
      });
      const stated = offer.learningOutcomes[0].skillLinks.filter((link: { state: string }) => link.state === 'ADDED');
      expect(stated).toEqual([
        { state: 'ADDED', method: 'stated in the imported ELM document', skill: { uri: KNOWN } },
      ]);

      // Importing it again, or importing the hub's own ELM export of it, changes nothing.
      const once = await graphFingerprint(graph);
      expect((await importCatalogue(graph, file, release)).statedLinks).toBe(0);
      expect(await graphFingerprint(graph)).toEqual(once);
      const exported = JSON.parse(offer.elm.json);
      expect(exported.learningOutcome[0].relatedESCOSkill.map((skill: { id: string }) => skill.id)).toEqual([KNOWN]);
      // The export exactly as exported: its own id leads back to the offer, whose source reference stays the original document's.
      expect(exported.id).toBe('urn:skills-hub:learningAchievementSpecification:elm:urn:example:spec:customer-care');
      await importCatalogue(graph, writeCatalogue(exported, 'export.json'), release);
      expect(await graphFingerprint(graph)).toEqual(once);
    });

    it('refuses an ELM specification without an awarding body, naming the element, and writes nothing', async () => {
      const before = await graphFingerprint(graph);
      const error = await importCatalogue(graph, writeCatalogue(specification([]), 'no-body.json'), null).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toContain(
        "microCredential 'elm:urn:example:spec:customer-care': awardingBodies: is required",
      );
      expect(await graphFingerprint(graph)).toEqual(before);
    });
  });
});
