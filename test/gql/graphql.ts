/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Which kind of ESCO label a search text matched. */
export type LabelType =
  /** An alternative label (a synonym or variant). */
  | 'ALTERNATIVE'
  /** A hidden label: a search term ESCO does not display (a misspelling, an outdated or colloquial term). */
  | 'HIDDEN'
  /** The preferred label. */
  | 'PREFERRED';

/** Which kind of ESCO label a linked text matched, and the weight its score gets. */
export type LinkLabelType =
  /** An alternative label, a synonym or variant (weight 0.95). */
  | 'ALTERNATIVE'
  /** A hidden label, a search term ESCO does not display such as a misspelling or outdated term (weight 0.85). */
  | 'HIDDEN'
  /** The preferred label (weight 1). */
  | 'PREFERRED';

/** ESCO collections a skill can belong to. */
export type SkillCollection =
  /** Skills of the DigComp digital competence framework, as ESCO maps them. */
  | 'DIGCOMP'
  /** Digital skills (ESCO digital skills collection). */
  | 'DIGITAL'
  /** Green skills (ESCO green skills collection). */
  | 'GREEN'
  /** Language skills and knowledge. */
  | 'LANGUAGE'
  /** Research skills. */
  | 'RESEARCH'
  /** Transversal skills and competences. */
  | 'TRANSVERSAL';

export type LinkSkillsQueryVariables = Exact<{
  text: string;
  first?: number | null | undefined;
}>;


export type LinkSkillsQuery = { linkSkills: Array<{ score: number, skill: { uri: string, preferredLabel: string }, evidence: { matchedText: string, matchedLabel: string, labelType: LinkLabelType, labelCoverage: number, phraseMatch: boolean, method: string, taxonomyVersion: string } }> };

export type TaxonomyCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type TaxonomyCountsQuery = { taxonomy: { version: string | null, skillCount: number, occupationCount: number, essentialRelationCount: number, optionalRelationCount: number, collections: Array<{ collection: SkillCollection, skills: number }> } };

export type SearchSkillsQueryVariables = Exact<{
  text: string;
  first?: number | null | undefined;
}>;


export type SearchSkillsQuery = { searchSkills: Array<{ score: number, matchedLabel: string, matchedLabelType: LabelType, method: string, skill: { uri: string, preferredLabel: string } }> };

export type OccupationWithEssentialSkillsQueryVariables = Exact<{
  uri: string;
  first?: number | null | undefined;
}>;


export type OccupationWithEssentialSkillsQuery = { occupation: { uri: string, preferredLabel: string, code: string | null, iscoGroup: { code: string, preferredLabel: string } | null, essentialSkills: { totalCount: number, edges: Array<{ node: { uri: string, preferredLabel: string } }> } } | null };

export type CollectionFanOutQueryVariables = Exact<{
  first: number;
}>;


export type CollectionFanOutQuery = { skillsInCollection: { totalCount: number, edges: Array<{ node: { preferredLabel: string, broader: Array<
          | { preferredLabel: string }
          | { preferredLabel: string }
          | { preferredLabel: string }
          | { preferredLabel: string }
        >, relatedSkills: Array<{ skill: { preferredLabel: string } }>, essentialForOccupations: { edges: Array<{ node: { preferredLabel: string, iscoGroup: { code: string } | null, essentialSkills: { totalCount: number } } }> } } }> } };


export const LinkSkillsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LinkSkills"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkSkills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skill"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"preferredLabel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"matchedText"}},{"kind":"Field","name":{"kind":"Name","value":"matchedLabel"}},{"kind":"Field","name":{"kind":"Name","value":"labelType"}},{"kind":"Field","name":{"kind":"Name","value":"labelCoverage"}},{"kind":"Field","name":{"kind":"Name","value":"phraseMatch"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"taxonomyVersion"}}]}}]}}]}}]} as unknown as DocumentNode<LinkSkillsQuery, LinkSkillsQueryVariables>;
export const TaxonomyCountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaxonomyCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxonomy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"skillCount"}},{"kind":"Field","name":{"kind":"Name","value":"occupationCount"}},{"kind":"Field","name":{"kind":"Name","value":"essentialRelationCount"}},{"kind":"Field","name":{"kind":"Name","value":"optionalRelationCount"}},{"kind":"Field","name":{"kind":"Name","value":"collections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collection"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}}]}}]}}]}}]} as unknown as DocumentNode<TaxonomyCountsQuery, TaxonomyCountsQueryVariables>;
export const SearchSkillsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchSkills"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchSkills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skill"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"preferredLabel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"matchedLabel"}},{"kind":"Field","name":{"kind":"Name","value":"matchedLabelType"}},{"kind":"Field","name":{"kind":"Name","value":"method"}}]}}]}}]} as unknown as DocumentNode<SearchSkillsQuery, SearchSkillsQueryVariables>;
export const OccupationWithEssentialSkillsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OccupationWithEssentialSkills"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uri"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"occupation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uri"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uri"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"preferredLabel"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"iscoGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"preferredLabel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"essentialSkills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"preferredLabel"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OccupationWithEssentialSkillsQuery, OccupationWithEssentialSkillsQueryVariables>;
export const CollectionFanOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CollectionFanOut"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skillsInCollection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"collection"},"value":{"kind":"EnumValue","value":"DIGITAL"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preferredLabel"}},{"kind":"Field","name":{"kind":"Name","value":"broader"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preferredLabel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"relatedSkills"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skill"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preferredLabel"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"essentialForOccupations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preferredLabel"}},{"kind":"Field","name":{"kind":"Name","value":"iscoGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"essentialSkills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CollectionFanOutQuery, CollectionFanOutQueryVariables>;