import { useEffect, useState } from 'preact/hooks';
import { type ApiError, asApiError, request } from './api';
import type { TypedDocumentString } from './gql/graphql';

export type QueryState<R> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'done'; data: R };

/** A step of a flow the user drives (a form sent, a write): not started yet, or a query's state. */
export type Step<T> = { status: 'idle' } | QueryState<T>;

/** Runs one step of such a flow, setting its state as it goes. */
export async function run<T>(set: (step: Step<T>) => void, work: () => Promise<T>) {
  set({ status: 'loading' });
  try {
    set({ status: 'done', data: await work() });
  } catch (error) {
    set({ status: 'error', error: asApiError(error) });
  }
}

/** Runs `run` whenever `key` changes (null waits), keeping only the latest answer. */
function useAsync<T>(key: string | null, run: () => Promise<T>): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState({ status: 'loading' });
    run().then(
      (data) => live && setState({ status: 'done', data }),
      (error: unknown) => live && setState({ status: 'error', error: asApiError(error) }),
    );
    return () => {
      live = false;
    };
    // `key` stands for everything `run` reads.
  }, [key]);
  return state;
}

/** Runs a query whenever its variables change (compared as JSON); null variables wait. */
export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: V | null): QueryState<R> {
  const key = variables === null ? null : `${document.toString()}\n${JSON.stringify(variables)}`;
  return useAsync(key, () => request(document, variables as V));
}

/**
 * Several runs of one query (one per region of the overview), one after another, each state shown as soon as
 * it answers: the first column of a slow dashboard appears without waiting for the last.
 */
export function useQueriesInTurn<R, V>(document: TypedDocumentString<R, V>, variables: V[]): Array<QueryState<R>> {
  const key = `${document.toString()}\n${JSON.stringify(variables)}`;
  const loading = (): Array<QueryState<R>> => variables.map(() => ({ status: 'loading' }));
  const [states, setStates] = useState<{ key: string; states: Array<QueryState<R>> }>({ key: '', states: [] });
  useEffect(() => {
    let live = true;
    const next = loading();
    setStates({ key, states: next });
    void (async () => {
      for (const [i, v] of variables.entries()) {
        let state: QueryState<R>;
        try {
          state = { status: 'done', data: await request(document, v) };
        } catch (error) {
          state = { status: 'error', error: asApiError(error) };
        }
        if (!live) return;
        next[i] = state;
        setStates({ key, states: [...next] });
      }
    })();
    return () => {
      live = false;
    };
    // `key` stands for the document and the variables.
  }, [key]);
  return states.key === key ? states.states : loading();
}
