import { UserEntity } from './entities/user.entity';

/**
 * Ends every token issued to `user` so far: the guard accepts a token only while its `tv` equals
 * the row's token version. Called on a password reset or change, a role or scope change and on
 * disabling; the caller saves the row in its transaction.
 */
export function endSessions(user: UserEntity): void {
  user.tokenVersion = (user.tokenVersion ?? 1) + 1;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Whether a change of role, scope or the active flag must end the user's tokens. */
export function changesAccess(
  user: Pick<UserEntity, 'role' | 'active' | 'districtCodes' | 'enterpriseIds'>,
  change: { role?: string; active?: boolean; districtCodes?: string[]; enterpriseIds?: string[] },
): boolean {
  return (
    (change.role !== undefined && change.role !== user.role) ||
    (change.active === false && user.active) ||
    (change.districtCodes !== undefined && !sameSet(change.districtCodes, user.districtCodes)) ||
    (change.enterpriseIds !== undefined && !sameSet(change.enterpriseIds, user.enterpriseIds))
  );
}
