// Demand look-ups by metric (weights such as job ads and the occupation mix) and by region prefix (NUTS codes nest).
CREATE INDEX demand_signal_metric IF NOT EXISTS FOR (n:DemandSignal) ON (n.metric);
CREATE INDEX demand_signal_region IF NOT EXISTS FOR (n:DemandSignal) ON (n.region);
