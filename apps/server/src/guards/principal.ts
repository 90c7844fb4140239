/** Who is calling: attached to the request by the access-token guard after the session check passed. */
export interface Principal {
  userId: string;
  sessionId: string;
  /** The roles claimed by the access token. Admin routes re-read the current roles from the users repository. */
  roles: string[];
}
