/** What the server knows about the client that opens a session, stored with the session. */
export interface ClientInfo {
  /** `req.ip`: the socket address, or the first untrusted X-Forwarded-For hop when TRUST_PROXY is set. */
  ip: string;
  userAgent: string;
}
