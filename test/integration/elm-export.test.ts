import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutContext } from '../../src/catalogue/elm-export.js';
import { elmValidatorFor, unsigned } from '../../src/catalogue/elm-validation.js';
import type { RunningHub } from '../../src/server/start.js';
import { freshTestGraph, gql, graphFingerprint, sharedDataDir, startTestHub, testGraphEnv } from '../helpers.js';
import { importCatalogue } from '../../src/catalogue/import.js';
import type { GraphClient } from '../../src/graph/client.js';
import { SkillLinkerCache } from '../../src/linking/cache.js';

const ELM_DIR = path.join(sharedDataDir, 'elm-v3');
/** The demo offers the sources give no issuer country for ("International (41 countries)"); their awarding body is located in Italy. */
const INTERNATIONAL = ['iiw-international-welding-engineer', 'iiw-international-welding-practitioner'];
const EDC_GENERIC_FULL = 'http://data.europa.eu/snb/model/ap/edc-generic-full';
/** What the demo's aquafarming offer holds that an ELM export has no place for: the catalogue's own fields and the entry's source. */
const KEPT_FROM_CATALOGUE = ['providerId', 'durationText', 'sectors', 'status', 'sourceName', 'sourceReference'];

interface Exported {
  id: string;
  elm: {
    json: string;
    unmapped: string[];
    validation: { conforms: boolean; violations: Array<{ focusNode: string; path: string | null; message: string }> };
  };
}

describe('ELM exports of the demo catalogue, checked against the Commission shapes', () => {
  let hub: RunningHub;
  let graph: GraphClient;
  let offers: Exported[];

  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
    hub = await startTestHub(); // loads the demo catalogue
    const response = await gql(
      hub,
      `{ microCredentials(first: 100) { edges { node {
      id elm { json unmapped validation { conforms violations { focusNode path message } } } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    offers = response.data.microCredentials.edges.map((edge: { node: Exported }) => edge.node);
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('validates every demo offer through the API: all 13 conform with nothing unmapped, the international ones with their awarding body located where it is established', () => {
    expect(offers).toHaveLength(13);
    for (const offer of offers)
      expect([offer.id, offer.elm.validation.conforms, offer.elm.validation.violations, offer.elm.unmapped]).toEqual([
        offer.id,
        true,
        [],
        [],
      ]);
    for (const offer of offers.filter((o) => INTERNATIONAL.includes(o.id))) {
      const document = JSON.parse(offer.elm.json);
      expect(document.awardingOpportunity).toHaveLength(1);
      expect(document.awardingOpportunity[0].location).toBeUndefined(); // issued in 41 countries: no one country of issue
      expect(
        document.awardingOpportunity[0].awardingBody.map(
          (body: { location: Array<{ address: { countryCode: { id: string } } }> }) =>
            body.location.map((l) => l.address.countryCode.id),
        ),
      ).toEqual([['http://publications.europa.eu/resource/authority/country/ITA']]);
    }
  });

  it('exports documents that also conform inside the Commission sample credential, in place of its qualification', async () => {
    const validator = await elmValidatorFor(ELM_DIR);
    const carrier = unsigned(
      JSON.parse(fs.readFileSync(path.join(ELM_DIR, 'samples', 'Sample-MC-Annex1-signed.jsonld'), 'utf8')),
    ) as { credentialSubject: { hasClaim: { specifiedBy: unknown } } };
    for (const offer of offers) {
      const document = JSON.parse(offer.elm.json);
      expect(document['@context']).toEqual([
        'https://www.w3.org/2018/credentials/v1',
        'http://data.europa.eu/snb/model/context/edc-ap',
      ]);
      const credential = structuredClone(carrier);
      credential.credentialSubject.hasClaim.specifiedBy = withoutContext(document);
      expect([offer.id, (await validator.validate(credential)).violations]).toEqual([offer.id, []]);
    }
  });

  it('writes one file per offer with `hub export elm`, and `hub validate elm` passes a conforming file and fails a non-conforming one with exit code 1, naming node, property and message', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'elm-export-'));
    const env = { ...process.env, ...testGraphEnv(), LOG_LEVEL: 'warn' };
    const hubCli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/hub.ts', ...args], { env, encoding: 'utf8' });
    const exported = hubCli('export', 'elm', '--out', out);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain(`13 of 13 export(s) conform to ${EDC_GENERIC_FULL}`);
    expect(fs.readdirSync(out).sort()).toEqual(offers.map((offer) => `${offer.id}.jsonld`).sort());
    const fromFile = JSON.parse(fs.readFileSync(path.join(out, 'ie-sta-aquafarming.jsonld'), 'utf8'));
    expect(fromFile).toEqual(JSON.parse(offers.find((o) => o.id === 'ie-sta-aquafarming')!.elm.json));

    const good = hubCli('validate', 'elm', path.join(out, 'ie-sta-aquafarming.jsonld'));
    expect([good.status, good.stdout.trim()]).toEqual([
      0,
      `${path.join(out, 'ie-sta-aquafarming.jsonld')}: conforms to ${EDC_GENERIC_FULL}`,
    ]);
    // The same document with its awarding body's location removed, as our exports were before they located it.
    const unlocated = JSON.parse(fs.readFileSync(path.join(out, `${INTERNATIONAL[0]}.jsonld`), 'utf8'));
    delete unlocated.awardingOpportunity[0].awardingBody[0].location;
    const badFile = path.join(out, 'unlocated.jsonld');
    fs.writeFileSync(badFile, JSON.stringify(unlocated));
    const bad = hubCli('validate', 'elm', badFile);
    expect(bad.status).toBe(1);
    expect(bad.stdout.split('\n')[0]).toBe(
      `Violation  urn:skills-hub:organisation:${INTERNATIONAL[0]}:1  http://data.europa.eu/snb/model/elm/location  Less than 1 values`,
    );
    const notElm = hubCli('validate', 'elm', path.join(process.cwd(), 'package.json'));
    expect([notElm.status, notElm.stderr.trim()]).toEqual([
      1,
      `error: ${path.join(process.cwd(), 'package.json')}: the document has no @context, so a JSON-LD processor reads no id or type from it (an ELM document names http://data.europa.eu/snb/model/context/edc-ap)`,
    ]);
  });

  it('re-imports an export exactly as exported without changing anything, not even updatedAt, and never clears what a document leaves out', async () => {
    const release = await new SkillLinkerCache().get(graph);
    const elmValidator = () => elmValidatorFor(ELM_DIR);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elm-reimport-'));
    const exported = JSON.parse(offers.find((o) => o.id === 'ie-sta-aquafarming')!.elm.json);
    const file = path.join(dir, 'ie-sta-aquafarming.jsonld');
    fs.writeFileSync(file, JSON.stringify(exported));
    const before = await graphFingerprint(graph);
    const summary = await importCatalogue(graph, file, release, { elmValidator });
    expect(await graphFingerprint(graph)).toEqual(before);
    expect(summary.warnings).toEqual([]); // it conforms to the shapes
    expect(summary.notes).toEqual([
      `microCredential 'ie-sta-aquafarming': kept as the catalogue holds them (not in the document): ${KEPT_FROM_CATALOGUE.join(', ')}`,
    ]);

    // So does an international offer's: its awarding body's country is read back as that, not as a country of issue.
    const international = path.join(dir, `${INTERNATIONAL[0]}.jsonld`);
    fs.writeFileSync(international, offers.find((o) => o.id === INTERNATIONAL[0])!.elm.json);
    await importCatalogue(graph, international, release, { elmValidator });
    expect(await graphFingerprint(graph)).toEqual(before);

    // A document without the quality-assurance note keeps the quality assurance the hub holds, and says so.
    const query = '{ microCredential(id: "ie-sta-aquafarming") { qualityAssurance updatedAt sourceReference } }';
    const held = (await gql(hub, query)).data.microCredential;
    const withoutQa = {
      ...exported,
      additionalNote: exported.additionalNote.filter(
        (note: { noteLiteral: { en: string } }) => !note.noteLiteral.en.startsWith('Quality assurance:'),
      ),
    };
    fs.writeFileSync(file, JSON.stringify(withoutQa));
    const partial = await importCatalogue(graph, file, release, { elmValidator });
    expect((await gql(hub, query)).data.microCredential).toEqual(held);
    expect(held.qualityAssurance).toBe('QQI validation of the programme; statutory external review of the provider');
    expect(partial.notes[0]).toContain('qualityAssurance');
    expect(await graphFingerprint(graph)).toEqual(before);
  });
});
