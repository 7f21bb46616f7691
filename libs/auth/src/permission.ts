import { Role } from './role';

/** Everything a route can require. A route without one is refused (deny by default). */
export enum Permission {
  ENTERPRISE_READ = 'ENTERPRISE_READ',
  ENTERPRISE_WRITE = 'ENTERPRISE_WRITE',
  FIGURES_WRITE = 'FIGURES_WRITE',
  REFERENCE_READ = 'REFERENCE_READ',
  REFERENCE_WRITE = 'REFERENCE_WRITE',
  USER_MANAGE = 'USER_MANAGE',
  SELF_READ = 'SELF_READ',
}

/** The one role → permission table. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.ADMIN]: [
    Permission.ENTERPRISE_READ,
    Permission.REFERENCE_READ,
    Permission.REFERENCE_WRITE,
    Permission.USER_MANAGE,
    Permission.SELF_READ,
  ],
  [Role.BUREAU_STAFF]: [
    Permission.ENTERPRISE_READ,
    Permission.ENTERPRISE_WRITE,
    Permission.FIGURES_WRITE,
    Permission.REFERENCE_READ,
    Permission.REFERENCE_WRITE,
    Permission.SELF_READ,
  ],
  [Role.DISTRICT_STAFF]: [
    Permission.ENTERPRISE_READ,
    Permission.ENTERPRISE_WRITE,
    Permission.FIGURES_WRITE,
    Permission.REFERENCE_READ,
    Permission.SELF_READ,
  ],
  [Role.LIAISON]: [Permission.ENTERPRISE_READ, Permission.REFERENCE_READ, Permission.SELF_READ],
  [Role.VIEWER]: [Permission.ENTERPRISE_READ, Permission.REFERENCE_READ, Permission.SELF_READ],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}
