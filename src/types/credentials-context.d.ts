// The W3C Verifiable Credentials v1 context, as the npm package credentials-context ships it (no types of its own).
declare module 'credentials-context' {
  const credentialsContext: { CONTEXT_URL: string; CONTEXT: Record<string, unknown> };
  export default credentialsContext;
}
