import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphClient } from '../../src/graph/client.js';
import { SkillLinker } from '../../src/linking/linker.js';
import { OFF_THREAD_CHARS } from '../../src/linking/linker-thread.js';
import { linkableSkillsFromGraph } from '../../src/linking/skills.js';
import type { RunningHub } from '../../src/server/start.js';
import { freshTestGraph, gql, startTestHub } from '../helpers.js';

const LINK = `query($text: String!) { linkSkills(text: $text, first: 10) { skill { uri } score evidence { matchedText matchedLabel } } }`;

async function offThreadCount(hub: RunningHub): Promise<number> {
  const text = await (await fetch(`${hub.server.url}/metrics`)).text();
  return Number(/^hub_linking_off_thread_total (\d+)$/m.exec(text)![1]);
}

/**
 * linkSkills links a long text (OFF_THREAD_CHARS or more) in a worker thread, so the request thread stays
 * free for the requests that arrive meanwhile; the answers are the linker's, in place or not.
 * (How much that spares a cheap query is measured in `npm run bench`, not here.)
 */
describe('linking long texts off the request thread', () => {
  let graph: GraphClient;
  let hub: RunningHub;
  let inPlace: RunningHub;
  let oracle: SkillLinker;
  let texts: { long: string[]; short: string[] };

  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
    hub = await startTestHub({ HUB_LINK_OFF_THREAD: 'true' });
    inPlace = await startTestHub({ HUB_LINK_OFF_THREAD: 'false' });
    const skills = await linkableSkillsFromGraph(graph);
    // The linker as the hub builds it, run here in place: the answer each text must get.
    oracle = new SkillLinker(skills);
    const labels = skills.map((s) => s.preferredLabel);
    const paragraph = (from: number) =>
      Array.from({ length: 400 }, (_, i) => labels[(from + i * 7) % labels.length]).join(', ');
    texts = {
      long: [0, 1, 2].map((i) => paragraph(i * 13).slice(0, OFF_THREAD_CHARS + 500 * i)),
      short: ['weld steel plates and read technical drawings', labels.slice(0, 6).join('; ')],
    };
    expect(texts.long.every((t) => t.length >= OFF_THREAD_CHARS)).toBe(true);
    expect(texts.short.every((t) => t.length < OFF_THREAD_CHARS)).toBe(true);
  });
  afterAll(async () => {
    await hub?.stop();
    await inPlace?.stop();
    await graph?.close();
  });

  const expected = (text: string) =>
    oracle.link(text, 10).map((l) => ({
      skill: { uri: l.uri },
      score: l.score,
      evidence: { matchedText: l.evidence.matchedText, matchedLabel: l.evidence.matchedLabel },
    }));

  it('sends the long texts to the worker and links the short ones in place, each answered as the linker links it', async () => {
    // The worker builds its index in the background; until then long texts are linked in place.
    for (let i = 0; i < 80 && (await offThreadCount(hub)) === 0; i += 1) {
      await gql(hub, LINK, { text: texts.long[0] });
      if ((await offThreadCount(hub)) === 0) await new Promise((r) => setTimeout(r, 250));
    }
    const before = await offThreadCount(hub);
    expect(before).toBeGreaterThan(0);
    const all = [...texts.long, ...texts.short];
    const answers = await Promise.all(all.map((text) => gql(hub, LINK, { text })));
    expect(await offThreadCount(hub)).toBe(before + texts.long.length);
    answers.forEach((answer, i) => {
      expect(answer.errors).toBeUndefined();
      expect(answer.data.linkSkills.length).toBeGreaterThan(0);
      expect(answer.data.linkSkills).toEqual(expected(all[i]));
    });
  });

  it('links everything in place with HUB_LINK_OFF_THREAD=false, with the same answers', async () => {
    const answers = await Promise.all(texts.long.map((text) => gql(inPlace, LINK, { text })));
    answers.forEach((answer, i) => expect(answer.data.linkSkills).toEqual(expected(texts.long[i])));
    expect(await offThreadCount(inPlace)).toBe(0);
  });
});
