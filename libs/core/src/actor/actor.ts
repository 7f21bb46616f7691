/** Who is acting: the authenticated user as services see it (or the system, for seeds and CLI). */
export interface Actor {
  id: string | null;
  username: string;
  /** The name people know the user by (users' displayName); reports show it instead of the login name */
  displayName?: string;
  role: string;
  districtCodes: string[];
  enterpriseIds: string[];
}

export const SYSTEM_ACTOR: Actor = { id: null, username: 'system', role: 'SYSTEM', districtCodes: [], enterpriseIds: [] };
