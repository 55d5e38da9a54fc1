// Labour-market demand: sources and their signals (one published figure each).
CREATE CONSTRAINT demand_source_id IF NOT EXISTS FOR (n:DemandSource) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT demand_signal_key IF NOT EXISTS FOR (n:DemandSignal) REQUIRE n.key IS UNIQUE;
CREATE INDEX demand_signal_source_period IF NOT EXISTS FOR (n:DemandSignal) ON (n.sourceId, n.period);
CREATE INDEX demand_signal_period IF NOT EXISTS FOR (n:DemandSignal) ON (n.period);
