// Qualifications micro-credentials stack into, and recognitions of micro-credentials.
CREATE CONSTRAINT qualification_id IF NOT EXISTS FOR (n:Qualification) REQUIRE n.id IS UNIQUE;
