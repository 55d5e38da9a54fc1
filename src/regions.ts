/**
 * The ISO 3166 country of a NUTS region or country code. NUTS and Eurostat write two countries
 * differently from ISO, which the catalogue's issuer countries use: Greece EL (ISO GR) and, in NUTS
 * 2016, the United Kingdom UK (ISO GB).
 */
const ISO_OF_NUTS_COUNTRY: Record<string, string> = { EL: 'GR', UK: 'GB' };

export function isoCountryOfNuts(nuts: string): string {
  const country = nuts.slice(0, 2).toUpperCase();
  return ISO_OF_NUTS_COUNTRY[country] ?? country;
}
