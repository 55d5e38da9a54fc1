// Regional figures added up at import into each coarser region (src/demand/rollups.ts): read by source, period and region.
CREATE INDEX demand_rollup_source_period_region IF NOT EXISTS FOR (n:DemandRollup) ON (n.sourceId, n.period, n.region);
