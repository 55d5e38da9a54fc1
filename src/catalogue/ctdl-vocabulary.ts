/** The CTDL vocabulary the reader maps (ctdl.ts): record kinds, properties read, and why others are not. */

export type Kind = 'provider' | 'qualification' | 'microCredential' | 'assessment' | 'other';

export const CTDL_SOURCE = 'Credential Engine Registry (CTDL)';
export const KINDS: Array<[RegExp, Kind]> = [
  [/^ceterms:(QA)?CredentialOrganization$/, 'provider'],
  [/^ceterms:(\w*(Degree|Diploma|Doctorate)|GeneralEducationDevelopment)$/, 'qualification'],
  [/^ceterms:(\w*Certificate\w*|\w*Badge|Certification|License|\w*Credential)$/, 'microCredential'],
  [/^ceterms:(LearningOpportunityProfile|LearningOpportunity|Course|LearningProgram)$/, 'microCredential'],
  [/^ceterms:AssessmentProfile$/, 'assessment'],
];

const IDENTITY = ['@context', '@type', '@id', 'ceterms:ctid', 'ceterms:name', 'schema:name'];
const DESCRIBED = ['ceterms:description', 'schema:description', 'ceterms:subjectWebpage', 'schema:url'];
export const OWNERS = ['ceterms:ownedBy', 'ceterms:owner', 'ceterms:offeredBy'];
export const PLACES = ['ceterms:jurisdiction', 'ceterms:availableAt'];
/** Quality assurance bodies, read as "accredited by <name>" and so on. */
export const QA = ['ceterms:accreditedBy', 'ceterms:approvedBy', 'ceterms:recognizedBy', 'ceterms:regulatedBy'];
const CREDENTIAL = [...IDENTITY, ...DESCRIBED, ...OWNERS, ...PLACES, 'ceterms:credentialStatusType'];
/** The top-level properties each kind maps; `notes` names every other one. */
export const CTDL_MAPPED: Record<'provider' | 'qualification' | 'microCredential', Set<string>> = {
  provider: new Set([...IDENTITY, 'ceterms:subjectWebpage', 'schema:url', 'ceterms:address', 'ceterms:agentType']),
  qualification: new Set(CREDENTIAL),
  microCredential: new Set([
    ...CREDENTIAL,
    ...['ceterms:requires', 'ceterms:teaches', 'ceterms:estimatedDuration', 'ceterms:deliveryType'],
    ...['ceterms:inLanguage', ...QA, 'ceterms:processStandardsDescription'],
  ]),
};
/** What a condition profile (ceterms:requires) gives: texts → prerequisites, competencies → outcomes, its assessment. */
export const CONDITION_READ = new Set([
  ...['@type', '@id', 'ceterms:description', 'ceterms:experience', 'ceterms:condition'],
  ...['ceterms:targetCompetency', 'ceterms:targetAssessment'],
]);

const NAICS = 'NAICS industry codes have no NACE mapping here';
const BUSINESS_NUMBER = 'a US business or tax number is not an accreditation register id';
const PROVIDER_DESCRIPTION = 'the catalogue holds no description of a provider';
/** Why a property is not read; any other: "the catalogue has no field for it". */
export const WHY: Record<string, string> = {
  'ceterms:industryType': NAICS,
  'ceterms:naics': NAICS,
  'ceterms:occupationType': 'O*NET and SOC occupation codes are not the ESCO occupation URIs targetOccupations holds',
  'ceterms:subject': 'subjects are topics, not learning outcomes, and the catalogue holds no subjects',
  'ceterms:keyword': 'the catalogue holds no keywords',
  'ceterms:audienceLevelType': 'a US audience level is not an EQF level',
  'ceterms:estimatedCost': 'CTDL prices are per audience and cost type; the catalogue holds one cost of the offer',
  'ceterms:renewal': 'the catalogue holds no renewal conditions',
  'ceterms:revocation': 'the catalogue holds no revocation conditions',
  'ceterms:learningMethodType': 'learning methods (lecture, seminar) have no catalogue field',
  'ceterms:deliveryTypeDescription': 'free text on delivery, not a participation form',
  'ceterms:availabilityListing': 'registration pages have no catalogue field',
  'ceterms:dateEffective': 'the catalogue holds no start date',
  'ceterms:creditValue': 'US credit units have no workload unit here',
  'ceterms:duns': BUSINESS_NUMBER,
  'ceterms:fein': BUSINESS_NUMBER,
  'ceterms:owns': "an organization's offers are read from their own records",
  'ceterms:accreditedIn': 'where an organization is accredited is not an accreditation register',
  'ceterms:sameAs': 'social media pages are not the website',
  'ceterms:description': PROVIDER_DESCRIPTION,
  'schema:description': PROVIDER_DESCRIPTION,
  'schema:creator': 'who wrote the description, not who awards the credential',
  'ceterms:requires': "the catalogue holds no qualification's requirements",
  condition:
    "of a condition, its texts are the offer's prerequisites, its competencies outcomes, its assessment the type",
};

export const PROVIDER_TYPES: Array<[RegExp, string]> = [
  [/^(fouryear|twoyear|postsecondary)$/, 'HIGHER_EDUCATION'],
  [/^(technical|vocational|jobtraining)$/, 'VET'],
  [/^government$/, 'PUBLIC_AUTHORITY'],
  [/^business$/, 'PRIVATE'],
];
export const PARTICIPATION_FORM: Record<string, string> = {
  inperson: 'ONSITE',
  onlineonly: 'ONLINE',
  blendeddelivery: 'BLENDED',
};
export const COUNTRY_BY_NAME: Record<string, string> = {
  'united states': 'US',
  'united states of america': 'US',
  usa: 'US',
};
export const COUNTRY_BY_GEONAMES: Record<string, string> = { '6252001': 'US', '6251999': 'CA' };
export const LANGUAGE_BY_NAME: Record<string, string> = { english: 'en', spanish: 'es', french: 'fr', german: 'de' };
export const RETIRED = ['deprecated', 'ceased'];
