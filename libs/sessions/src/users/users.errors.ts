/** The e-mail address already belongs to an account. */
export class EmailTakenError extends Error {
  readonly code = 'EMAIL_TAKEN';

  constructor() {
    super('An account with this e-mail address already exists');
    this.name = 'EmailTakenError';
  }
}
