import type { UserView } from '../services/user-admin.service.js';
import { Details } from './details.js';

export interface UserDetailsProps {
  user: UserView;
  colour?: boolean;
}

/** One account: never its password hash. */
export function UserDetails({ user, colour = false }: UserDetailsProps) {
  return (
    <Details
      colour={colour}
      entries={[
        ['id', user.id],
        ['email', user.email],
        ['display name', user.displayName],
        ['roles', user.roles.length > 0 ? user.roles.join(', ') : '(none)'],
        ['created', user.createdAt],
        ['live sessions', user.liveSessions],
      ]}
    />
  );
}
