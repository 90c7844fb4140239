/**
 * Who is calling: attached to the request by the access-token guard after the session check passed. Everything
 * here comes from the verified access token, so reading it costs no store round trip. Read-only: one verified
 * principal may be shared by every request presenting the same token.
 */
export interface Principal {
  readonly userId: string;
  readonly sessionId: string;
  /** The roles when the token was signed. Admin routes re-read the current roles from the users repository. */
  readonly roles: readonly string[];
  /** The account's e-mail address when the token was signed (claim `email`). */
  readonly email: string;
  /** The account's display name when the token was signed (claim `name`). */
  readonly displayName: string;
}
