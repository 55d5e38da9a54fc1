// Micro-credential catalogue: providers, offers, their learning outcomes and qualifications they stack into.
CREATE CONSTRAINT provider_id IF NOT EXISTS FOR (n:Provider) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT micro_credential_id IF NOT EXISTS FOR (n:MicroCredential) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT learning_outcome_id IF NOT EXISTS FOR (n:LearningOutcome) REQUIRE n.id IS UNIQUE;

CREATE INDEX micro_credential_status IF NOT EXISTS FOR (n:MicroCredential) ON (n.status);
CREATE INDEX micro_credential_eqf IF NOT EXISTS FOR (n:MicroCredential) ON (n.eqfLevel);
CREATE INDEX micro_credential_ects IF NOT EXISTS FOR (n:MicroCredential) ON (n.workloadEcts);

// Full-text search over what an offer says about itself.
CREATE FULLTEXT INDEX micro_credential_text IF NOT EXISTS FOR (n:MicroCredential) ON EACH [n.title, n.description, n.learningOutcomes];
