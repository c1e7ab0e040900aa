/** The token of an `Authorization: Bearer <token>` header; the scheme name is case-insensitive (RFC 9110). */
export function bearerTokenOf(header: string | undefined): string | undefined {
  const match = /^bearer[ \t]+(.+)$/i.exec(header ?? '');
  const token = match?.[1].trim();
  return token ? token : undefined;
}
