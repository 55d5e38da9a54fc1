import type { ApolloServerPlugin } from '@apollo/server';
import { UserInputError } from '../errors.js';
import type { HubContext } from '../graphql/context.js';
import { ILL_FORMED_TEXT, illFormedTextIn } from '../text.js';

/**
 * Refuses a request whose variables hold text the graph cannot store as sent (src/text.ts), before anything
 * runs: BAD_USER_INPUT naming the variable's field (HTTP 400), for every field and mutation at once, so no
 * resolver stores a changed text. In the document itself graphql-js' parser refuses such text already.
 */
export function wellFormedTextPlugin(): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          const field = illFormedTextIn(request.variables ?? {}, '');
          if (field === null) return;
          const error = new UserInputError(field, ILL_FORMED_TEXT);
          error.extensions.http = { status: 400 };
          throw error;
        },
      };
    },
  };
}
