/** Numbers as the page shows them. */
export const pct = (value: number | null | undefined, digits = 1) =>
  value == null ? '–' : `${(value * 100).toFixed(digits)} %`;
export const num = (value: number | null | undefined) =>
  value == null
    ? '–'
    : Math.abs(value) >= 100 || Number.isInteger(value)
      ? Math.round(value).toLocaleString('en')
      : value.toPrecision(3);
export const signed = (value: number | null | undefined) =>
  value == null ? '–' : `${value >= 0 ? '+' : '−'}${(Math.abs(value) * 100).toFixed(1)} %`;
/** An API code in words: NOT_SPECIFIED → "not specified". */
export const words = (code: string) => code.toLowerCase().replace(/_/g, ' ');
