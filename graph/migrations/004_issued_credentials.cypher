// Issued credentials (one learner's award of an offer), stored under a learner pseudonym, and the audit trail.
CREATE CONSTRAINT issued_credential_id IF NOT EXISTS FOR (n:IssuedCredential) REQUIRE n.id IS UNIQUE;
CREATE INDEX issued_credential_learner IF NOT EXISTS FOR (n:IssuedCredential) ON (n.learnerPseudonym);
CREATE INDEX audit_event_at IF NOT EXISTS FOR (n:AuditEvent) ON (n.at);
