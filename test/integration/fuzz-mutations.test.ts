import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphClient } from '../../src/graph/client.js';
import type { RunningHub } from '../../src/server/start.js';
import { hostileNumber, hostileText } from '../fuzz.js';
import { freshTestGraph, gql, startTestHub } from '../helpers.js';

const CURATOR = 'fuzz-curator-key-0123456789';
const UPSERT = `mutation($input: MicroCredentialInput!) { upsertMicroCredential(input: $input) { id } }`;
const READ = `query($id: ID!) { microCredential(id: $id) { id title description languages learningOutcomes { text stated } eqfLevel } }`;

/** Hostile text, and very long runs. */
const text = fc.oneof(hostileText(40), fc.string({ minLength: 5000, maxLength: 6000 }));
const number = hostileNumber;

const words = (max: number) => fc.string({ unit: 'grapheme', minLength: 1, maxLength: max });

/** A well-formed offer, its fields drawn at random. */
const wellFormed = fc.record(
  {
    id: fc.stringMatching(/^[a-z0-9][a-z0-9._:-]{0,30}$/),
    title: words(80),
    description: words(300),
    awardingBodies: fc.array(words(20), { minLength: 1, maxLength: 2 }),
    languages: fc.subarray(['en', 'fr', 'de', 'hr']),
    learningOutcomes: fc.array(words(120), { maxLength: 3 }),
    eqfLevel: fc.integer({ min: 1, max: 8 }),
    issuerCountries: fc.subarray(['FR', 'DE', 'HR']),
    participationForm: fc.constantFrom('ONLINE', 'ONSITE', 'BLENDED'),
    status: fc.constantFrom('DRAFT', 'PUBLISHED'),
    validUntil: fc.constantFrom('2027-01-31', '2028-06-30'),
  },
  { requiredKeys: ['id', 'title', 'awardingBodies'] },
);

/** Hostile values for any of its fields (and the ones it leaves out). */
const hostile = fc.record(
  {
    id: text,
    title: text,
    description: text,
    awardingBodies: fc.array(text, { maxLength: 2 }),
    languages: fc.array(text, { maxLength: 3 }),
    learningOutcomes: fc.array(text, { maxLength: 3 }),
    eqfLevel: fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constant(2 ** 31 - 1)),
    workloadValue: number,
    workloadUnit: fc.oneof(fc.constantFrom('ECTS', 'HOURS'), text),
    costAmount: number,
    costCurrency: fc.oneof(fc.constant('EUR'), text),
    issuerCountries: fc.array(text, { maxLength: 3 }),
    participationForm: text,
    status: text,
    validUntil: fc.oneof(fc.constantFrom('2027-02-30', '31/01/2027'), text),
    stacksInto: fc.array(text, { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

/** Half well-formed offers, half well-formed ones with some fields made hostile. */
const offer = fc.oneof(
  wellFormed,
  fc.tuple(wellFormed, hostile).map(([valid, bad]) => ({ ...valid, ...bad })),
);

/**
 * Random and adversarial offers through the API: each ends in a named error (BAD_USER_INPUT with the field)
 * and no change to the graph, or in an offer that reads back as it was sent; never an internal error.
 */
describe('upsertMicroCredential, fuzzed', () => {
  let graph: GraphClient;
  let hub: RunningHub;
  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
    hub = await startTestHub({
      HUB_API_KEYS: `fuzz:curator:${CURATOR}`,
      HUB_PSEUDONYM_SECRET: 'fuzz-test-pseudonym-secret-0123456789',
    });
  });
  afterAll(async () => {
    await hub?.stop();
    await graph?.close();
  });

  it('answers every offer with a named error and nothing written, or stores it as sent', async () => {
    const countOffers = async () =>
      (await graph.read<{ n: number }>('MATCH (m:MicroCredential) RETURN count(m) AS n'))[0].n;
    const outcomes = { stored: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(offer, async (input) => {
        const before = await countOffers();
        const storedBefore = (await gql(hub, READ, { id: input.id })).data?.microCredential ?? null;
        const answer = await gql(hub, UPSERT, { input }, CURATOR);
        const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
        expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
        if (answer.errors) {
          for (const error of answer.errors) {
            expect(error.extensions?.code).toBe('BAD_USER_INPUT');
            expect(error.extensions?.field).toBeTruthy();
          }
          // Nothing written: no new offer, and one of the same id is as it was.
          expect(await countOffers()).toBe(before);
          expect((await gql(hub, READ, { id: input.id })).data?.microCredential ?? null).toEqual(storedBefore);
          outcomes.refused += 1;
          return;
        }
        const stored = (await gql(hub, READ, { id: answer.data.upsertMicroCredential.id })).data.microCredential;
        expect([answer.data.upsertMicroCredential.id, stored.id]).toEqual([input.id, input.id]);
        // An upsert replaces the stored record: what the input leaves out reads back as not specified.
        expect(stored.title).toBe(input.title);
        expect(stored.description).toBe(input.description ?? null);
        // Without stated outcomes the offer's title stands in, marked stated: false.
        expect(
          stored.learningOutcomes.filter((o: { stated: boolean }) => o.stated).map((o: { text: string }) => o.text),
        ).toEqual(input.learningOutcomes ?? []);
        outcomes.stored += 1;
      }),
      { numRuns: 80, seed: 20261204 },
    );
    // Both ways were taken, so each check above ran.
    expect(outcomes.stored).toBeGreaterThan(10);
    expect(outcomes.refused).toBeGreaterThan(10);
  }, 300_000);
});
