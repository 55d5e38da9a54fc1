import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api';

export const Loading = (props: { what: string }) => (
  <p class="loading" role="status">
    Loading {props.what}…
  </p>
);

/** The API's words next to the field they name (extensions.field); nothing for another field or no error. */
export const FieldError = (props: { error: ApiError | null; field: string }) =>
  props.error?.field === props.field ? (
    <span class="field-error" role="alert">
      {props.error.message}
    </span>
  ) : null;

/** An API error in its own words, naming the argument at fault when the API does. */
export const Failure = (props: { error: ApiError }) => (
  <p class="error" role="alert">
    {props.error.field ? <strong>{props.error.field}: </strong> : null}
    {props.error.message}
  </p>
);

/** The button under a table that downloads it as CSV (csv.ts). */
export const DownloadCsv = (props: { onClick: () => void }) => (
  <p class="actions">
    <button type="button" onClick={props.onClick}>
      Download CSV
    </button>
  </p>
);

/**
 * A table that scrolls sideways on a narrow screen, reachable by keyboard (for tables with no link or button
 * of their own to focus).
 */
export const ScrollingTable = (props: { label: string; children: ComponentChildren }) => (
  <div class="table-wrap" tabIndex={0} role="region" aria-label={props.label}>
    {props.children}
  </div>
);
