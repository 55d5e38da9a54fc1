import { builder } from '../graphql/builder.js';
// Each capability registers its types on the builder when imported.
import '../taxonomy/schema/concepts.js';
import '../taxonomy/schema/taxonomy.js';
import '../linking/schema/occupation-search.js';
import '../linking/schema/link-skills.js';
import '../catalogue/schema/provider.js';
import '../catalogue/schema/micro-credential.js';
import '../catalogue/schema/mutations.js';
import '../catalogue/schema/coverage.js';
import '../credentials/schema/issued-credentials.js';
import '../intelligence/schema/gaps.js';
import '../intelligence/schema/relevance.js';
import '../intelligence/schema/recommendations.js';
import '../intelligence/schema/dashboard.js';
import '../intelligence/schema/demand-behind.js';
import '../intelligence/schema/skill-groups.js';
import '../intelligence/schema/sources.js';
import '../intelligence/schema/gap-ranking.js';
import '../intelligence/schema/gap-series.js';
import '../matching/schema/match.js';
import '../matching/schema/transitions.js';
import '../matching/schema/courses.js';
import '../matching/schema/profiles.js';
import '../matching/schema/outcomes.js';

export const schema = builder.toSchema({ sortSchema: true });
