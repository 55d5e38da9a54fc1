import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphClient } from '../../src/graph/client.js';
import type { RunningHub } from '../../src/server/start.js';
import { freshTestGraph, gql, importDemandExample, startTestHub } from '../helpers.js';

// src/server/warm-up.ts: the first source with sectors is the example's; its first sector and region are F and HR03.
const CELL = `{ skillsDashboard(sectors: ["F"], region: "HR03") { sector region gapIndex } }`;

describe('the warm-up at start', () => {
  let graph: GraphClient;
  const hubs: RunningHub[] = [];

  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
    await importDemandExample(graph);
  });
  afterAll(async () => {
    for (const hub of hubs) await hub.stop();
    await graph?.close();
  });

  it('computes the first source’s first dashboard cell before the hub answers, so that request is served as a repeat is', async () => {
    const cold = await startTestHub();
    hubs.push(cold);
    const unwarmed = await gql(cold, CELL);
    expect(unwarmed.errors).toBeUndefined();
    // Without the warm-up the first request reads the figures; a repeat only checks the import stamp.
    const repeat = (await gql(cold, CELL)).extensions!.dbRoundTrips!;
    expect(unwarmed.extensions!.dbRoundTrips!).toBeGreaterThan(repeat);
    await cold.stop();
    hubs.pop();
    // A new hub process state: the derivation cache is per demand import and shared in the process, so reset it
    // by importing the example again (a new import stamp) before the warmed hub starts.
    await importDemandExample(graph);
    const warm = await startTestHub({ HUB_WARM_UP: 'true' });
    hubs.push(warm);
    const warmed = await gql(warm, CELL);
    expect(warmed.data).toEqual(unwarmed.data);
    expect(warmed.extensions?.dbRoundTrips).toBe(repeat);
  });
});
