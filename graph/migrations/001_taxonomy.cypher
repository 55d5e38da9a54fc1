// ESCO taxonomy: one node per concept, keyed by its URI.
CREATE CONSTRAINT skill_uri IF NOT EXISTS FOR (n:Skill) REQUIRE n.uri IS UNIQUE;
CREATE CONSTRAINT skill_group_uri IF NOT EXISTS FOR (n:SkillGroup) REQUIRE n.uri IS UNIQUE;
CREATE CONSTRAINT occupation_uri IF NOT EXISTS FOR (n:Occupation) REQUIRE n.uri IS UNIQUE;
CREATE CONSTRAINT isco_group_uri IF NOT EXISTS FOR (n:IscoGroup) REQUIRE n.uri IS UNIQUE;
CREATE CONSTRAINT taxonomy_release_version IF NOT EXISTS FOR (n:TaxonomyRelease) REQUIRE n.version IS UNIQUE;

// Range indexes for the lookups filters use.
CREATE INDEX isco_group_code IF NOT EXISTS FOR (n:IscoGroup) ON (n.code);
CREATE INDEX occupation_code IF NOT EXISTS FOR (n:Occupation) ON (n.code);
CREATE INDEX occupation_isco_group IF NOT EXISTS FOR (n:Occupation) ON (n.iscoGroup);
CREATE INDEX skill_group_code IF NOT EXISTS FOR (n:SkillGroup) ON (n.code);
CREATE INDEX skill_deprecated IF NOT EXISTS FOR (n:Skill) ON (n.deprecated);
CREATE INDEX occupation_deprecated IF NOT EXISTS FOR (n:Occupation) ON (n.deprecated);

// Full-text search over every label a person might type (preferred, alternative, hidden).
CREATE FULLTEXT INDEX skill_labels IF NOT EXISTS FOR (n:Skill) ON EACH [n.preferredLabel, n.altLabels, n.hiddenLabels];
CREATE FULLTEXT INDEX occupation_labels IF NOT EXISTS FOR (n:Occupation) ON EACH [n.preferredLabel, n.altLabels, n.hiddenLabels];
