import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { UserInputError } from '../../src/errors.js';
import { pageOf, pageOfWindow, pageWindow, selectedNodeFields } from '../../src/graphql/connections.js';
import { bestMatchingLabel, toLuceneQuery } from '../../src/taxonomy/search.js';

describe('toLuceneQuery', () => {
  it('boosts the whole phrase and keeps each word', () => {
    expect(toLuceneQuery('Project Management')).toBe('"project management"^3 project management');
    expect(toLuceneQuery('python')).toBe('python');
  });

  it('never passes Lucene syntax through from user text', () => {
    expect(toLuceneQuery('c++ AND (java) OR name:"x"~2')).toBe('"c java name x 2"^3 c java name x 2');
    expect(toLuceneQuery('  *?  ')).toBeNull();
  });
});

describe('bestMatchingLabel', () => {
  const concept = {
    preferredLabel: 'Python (computer programming)',
    altLabels: ['python scripting', 'programming in python'],
    hiddenLabels: ['pyhton'],
  };
  it('finds the label sharing most words with the text', () => {
    expect(bestMatchingLabel('python scripting', concept)).toEqual({
      label: 'python scripting',
      labelType: 'ALTERNATIVE',
    });
    expect(bestMatchingLabel('pyhton', concept)).toEqual({ label: 'pyhton', labelType: 'HIDDEN' });
  });
  it('prefers the preferred label on a tie', () => {
    expect(bestMatchingLabel('python', concept).labelType).toBe('PREFERRED');
  });
});

describe('pageOf', () => {
  const items = Array.from({ length: 30 }, (_, i) => i);
  it('pages with cursors and reports the total', () => {
    const first = pageOf({ first: 10 }, items, 100);
    expect(first.edges.map((edge) => edge?.node)).toEqual(items.slice(0, 10));
    expect(first.totalCount).toBe(30);
    const second = pageOf({ first: 10, after: first.pageInfo.endCursor }, items, 100);
    expect(second.edges[0]?.node).toBe(10);
  });
  it('refuses a page larger than the maximum instead of cutting it silently', () => {
    expect(() => pageOf({ first: 101 }, items, 100)).toThrow(/first: must be between 0 and 100/);
  });
  it('refuses a cursor it did not give as the caller’s error, naming the argument', () => {
    const forged = [
      'not base64!',
      Buffer.from('hello').toString('base64'),
      Buffer.from('OffsetConnection:x').toString('base64'),
      Buffer.from('OffsetConnection:-3').toString('base64'),
    ];
    for (const cursor of forged)
      for (const name of ['after', 'before'] as const) {
        let error: unknown;
        try {
          pageWindow({ first: 10, [name]: cursor }, 100);
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(UserInputError);
        expect((error as UserInputError).extensions).toEqual({ code: 'BAD_USER_INPUT', field: name });
      }
    // Its own cursors pass.
    expect(pageWindow({ first: 10, after: pageOf({ first: 10 }, items, 100).pageInfo.endCursor }, 100)).toEqual({
      from: 10,
      to: 21,
    });
  });
});

describe('pageWindow', () => {
  it('asks only for the positions a page can cover, and nothing for last: 0', () => {
    expect(pageWindow({ first: 10 }, 100)).toEqual({ from: 0, to: 11 });
    expect(pageWindow({ last: 3 }, 100)).toEqual({ from: -3, to: null });
    expect(pageWindow({ last: 0 }, 100)).toEqual({ from: 0, to: 0 });
    const empty = pageOfWindow({ last: 0 }, 30, 0, [], 100);
    expect(empty).toMatchObject({ totalCount: 30, edges: [] });
  });
});

describe('selectedNodeFields', () => {
  const infoFor = (query: string) => {
    const document = parse(query);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!;
    const fragments = Object.fromEntries(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    return {
      fieldNodes: [operation.selectionSet.selections[0] as FieldNode],
      fragments,
    } as unknown as GraphQLResolveInfo;
  };

  it("lists the fields selected on a connection's nodes, through aliases and fragments, and nothing else", () => {
    expect([
      ...selectedNodeFields(infoFor('{ list(first: 2) { totalCount edges { cursor node { id t: title } } } }')),
    ]).toEqual(['id', 'title']);
    const nested =
      infoFor(`{ list { edges { node { ...A ... on Offer { skills { skill { uri } } } } } pageInfo { hasNextPage } } }
      fragment A on Offer { completeness { score } ...B }
      fragment B on Offer { learningOutcomes { text } }`);
    expect([...selectedNodeFields(nested)].sort()).toEqual(['completeness', 'learningOutcomes', 'skills']);
    expect([...selectedNodeFields(infoFor('{ list { totalCount } }'))]).toEqual([]);
  });
});

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.seedDemo).toBe(true);
  });
  it('lists every bad value at once', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: 'abc', NEO4J_URI: 'http://db:7474', SEED_DEMO: 'maybe' });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toHaveLength(3);
    expect(error!.message).toMatch(/PORT must be a whole number from 0 to 65535 \(got 'abc'\)/);
    expect(error!.message).toMatch(/NEO4J_URI must start with one of bolt:\/\//);
  });
  it('accepts Aura and cluster URIs', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io' }).neo4j.uri).toBe(
      'neo4j+s://abc.databases.neo4j.io',
    );
  });
});
