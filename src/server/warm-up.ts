import type { ApolloServer } from '@apollo/server';
import { ANONYMOUS_CALLER } from '../access/callers.js';
import type { HubContext } from '../graphql/context.js';
import { logger } from '../logger.js';
import { type HubServices, createContext } from './context.js';

/**
 * One dashboard cell computed before the hub takes requests. The first demand slice after a start pays
 * for what every slice shares once (Neo4j planning the slice's reads, the compiled code of the scoring):
 * about 1 s on the demo data against 0.07 s for the next slice. Paid here, the page's first view does not
 * wait for it. The slice: the first sector and region (not EU-wide) of the first source with sectors;
 * nothing when no source has one. Off with HUB_WARM_UP=false (the tests, which count round trips).
 */

const SOURCES = `{ demandSources { coverage { regions { code } sectors { code } } } }`;
const CELL = `query($sector: String!, $region: String!) { skillsDashboard(sectors: [$sector], region: $region) { gapIndex } }`;

export async function warmUp(apollo: ApolloServer<HubContext>, services: HubServices): Promise<void> {
  const started = performance.now();
  const run = async (query: string, variables: Record<string, string> = {}) => {
    const response = await apollo.executeOperation(
      { query, variables },
      { contextValue: createContext(services, ANONYMOUS_CALLER) },
    );
    return response.body.kind === 'single' ? response.body.singleResult : null;
  };
  type Coverage = { regions: Array<{ code: string }>; sectors: Array<{ code: string }> };
  const sources = (await run(SOURCES))?.data?.demandSources as Array<{ coverage: Coverage[] }> | undefined;
  const coverage = (sources ?? [])
    .flatMap((s) => s.coverage)
    .find((c) => c.sectors.length > 0 && c.regions.some((r) => r.code !== 'EU'));
  if (!coverage) return;
  const slice = { sector: coverage.sectors[0].code, region: coverage.regions.find((r) => r.code !== 'EU')!.code };
  const result = await run(CELL, slice);
  logger.info('warmed up', {
    ...slice,
    ms: Math.round(performance.now() - started),
    errors: result?.errors?.length ?? 0,
  });
}
