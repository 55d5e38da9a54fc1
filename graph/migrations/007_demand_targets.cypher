// Demand look-ups by target (an occupation's figures, a unit group's job ads): occupation-level questions such as matching.
CREATE INDEX demand_signal_target IF NOT EXISTS FOR (n:DemandSignal) ON (n.targetCode);
