/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query LinkSkills($text: String!, $first: Int) {\n  linkSkills(text: $text, first: $first) {\n    skill {\n      uri\n      preferredLabel\n    }\n    score\n    evidence {\n      matchedText\n      matchedLabel\n      labelType\n      labelCoverage\n      phraseMatch\n      method\n      taxonomyVersion\n    }\n  }\n}": typeof types.LinkSkillsDocument,
    "query TaxonomyCounts {\n  taxonomy {\n    version\n    skillCount\n    occupationCount\n    essentialRelationCount\n    optionalRelationCount\n    collections {\n      collection\n      skills\n    }\n  }\n}\n\nquery SearchSkills($text: String!, $first: Int) {\n  searchSkills(text: $text, first: $first) {\n    skill {\n      uri\n      preferredLabel\n    }\n    score\n    matchedLabel\n    matchedLabelType\n    method\n  }\n}\n\nquery OccupationWithEssentialSkills($uri: String!, $first: Int) {\n  occupation(uri: $uri) {\n    uri\n    preferredLabel\n    code\n    iscoGroup {\n      code\n      preferredLabel\n    }\n    essentialSkills(first: $first) {\n      totalCount\n      edges {\n        node {\n          uri\n          preferredLabel\n        }\n      }\n    }\n  }\n}\n\nquery CollectionFanOut($first: Int!) {\n  skillsInCollection(collection: DIGITAL, first: $first) {\n    totalCount\n    edges {\n      node {\n        preferredLabel\n        broader {\n          preferredLabel\n        }\n        relatedSkills {\n          skill {\n            preferredLabel\n          }\n        }\n        essentialForOccupations(first: 5) {\n          edges {\n            node {\n              preferredLabel\n              iscoGroup {\n                code\n              }\n              essentialSkills(first: 3) {\n                totalCount\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.TaxonomyCountsDocument,
};
const documents: Documents = {
    "query LinkSkills($text: String!, $first: Int) {\n  linkSkills(text: $text, first: $first) {\n    skill {\n      uri\n      preferredLabel\n    }\n    score\n    evidence {\n      matchedText\n      matchedLabel\n      labelType\n      labelCoverage\n      phraseMatch\n      method\n      taxonomyVersion\n    }\n  }\n}": types.LinkSkillsDocument,
    "query TaxonomyCounts {\n  taxonomy {\n    version\n    skillCount\n    occupationCount\n    essentialRelationCount\n    optionalRelationCount\n    collections {\n      collection\n      skills\n    }\n  }\n}\n\nquery SearchSkills($text: String!, $first: Int) {\n  searchSkills(text: $text, first: $first) {\n    skill {\n      uri\n      preferredLabel\n    }\n    score\n    matchedLabel\n    matchedLabelType\n    method\n  }\n}\n\nquery OccupationWithEssentialSkills($uri: String!, $first: Int) {\n  occupation(uri: $uri) {\n    uri\n    preferredLabel\n    code\n    iscoGroup {\n      code\n      preferredLabel\n    }\n    essentialSkills(first: $first) {\n      totalCount\n      edges {\n        node {\n          uri\n          preferredLabel\n        }\n      }\n    }\n  }\n}\n\nquery CollectionFanOut($first: Int!) {\n  skillsInCollection(collection: DIGITAL, first: $first) {\n    totalCount\n    edges {\n      node {\n        preferredLabel\n        broader {\n          preferredLabel\n        }\n        relatedSkills {\n          skill {\n            preferredLabel\n          }\n        }\n        essentialForOccupations(first: 5) {\n          edges {\n            node {\n              preferredLabel\n              iscoGroup {\n                code\n              }\n              essentialSkills(first: 3) {\n                totalCount\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.TaxonomyCountsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LinkSkills($text: String!, $first: Int) {\n  linkSkills(text: $text, first: $first) {\n    skill {\n      uri\n      preferredLabel\n    }\n    score\n    evidence {\n      matchedText\n      matchedLabel\n      labelType\n      labelCoverage\n      phraseMatch\n      method\n      taxonomyVersion\n    }\n  }\n}"): (typeof documents)["query LinkSkills($text: String!, $first: Int) {\n  linkSkills(text: $text, first: $first) {\n    skill {\n      uri\n      preferredLabel\n    }\n    score\n    evidence {\n      matchedText\n      matchedLabel\n      labelType\n      labelCoverage\n      phraseMatch\n      method\n      taxonomyVersion\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TaxonomyCounts {\n  taxonomy {\n    version\n    skillCount\n    occupationCount\n    essentialRelationCount\n    optionalRelationCount\n    collections {\n      collection\n      skills\n    }\n  }\n}\n\nquery SearchSkills($text: String!, $first: Int) {\n  searchSkills(text: $text, first: $first) {\n    skill {\n      uri\n      preferredLabel\n    }\n    score\n    matchedLabel\n    matchedLabelType\n    method\n  }\n}\n\nquery OccupationWithEssentialSkills($uri: String!, $first: Int) {\n  occupation(uri: $uri) {\n    uri\n    preferredLabel\n    code\n    iscoGroup {\n      code\n      preferredLabel\n    }\n    essentialSkills(first: $first) {\n      totalCount\n      edges {\n        node {\n          uri\n          preferredLabel\n        }\n      }\n    }\n  }\n}\n\nquery CollectionFanOut($first: Int!) {\n  skillsInCollection(collection: DIGITAL, first: $first) {\n    totalCount\n    edges {\n      node {\n        preferredLabel\n        broader {\n          preferredLabel\n        }\n        relatedSkills {\n          skill {\n            preferredLabel\n          }\n        }\n        essentialForOccupations(first: 5) {\n          edges {\n            node {\n              preferredLabel\n              iscoGroup {\n                code\n              }\n              essentialSkills(first: 3) {\n                totalCount\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query TaxonomyCounts {\n  taxonomy {\n    version\n    skillCount\n    occupationCount\n    essentialRelationCount\n    optionalRelationCount\n    collections {\n      collection\n      skills\n    }\n  }\n}\n\nquery SearchSkills($text: String!, $first: Int) {\n  searchSkills(text: $text, first: $first) {\n    skill {\n      uri\n      preferredLabel\n    }\n    score\n    matchedLabel\n    matchedLabelType\n    method\n  }\n}\n\nquery OccupationWithEssentialSkills($uri: String!, $first: Int) {\n  occupation(uri: $uri) {\n    uri\n    preferredLabel\n    code\n    iscoGroup {\n      code\n      preferredLabel\n    }\n    essentialSkills(first: $first) {\n      totalCount\n      edges {\n        node {\n          uri\n          preferredLabel\n        }\n      }\n    }\n  }\n}\n\nquery CollectionFanOut($first: Int!) {\n  skillsInCollection(collection: DIGITAL, first: $first) {\n    totalCount\n    edges {\n      node {\n        preferredLabel\n        broader {\n          preferredLabel\n        }\n        relatedSkills {\n          skill {\n            preferredLabel\n          }\n        }\n        essentialForOccupations(first: 5) {\n          edges {\n            node {\n              preferredLabel\n              iscoGroup {\n                code\n              }\n              essentialSkills(first: 3) {\n                totalCount\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;