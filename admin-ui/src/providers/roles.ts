import type { Role } from '../types';

/** Roles the API lets reassign tasks, list users and read the complaints dashboard. */
export const SUPERVISING: readonly Role[] = ['supervisor', 'complaints_manager', 'compliance_manager', 'admin'];

export const canSupervise = (role: unknown): boolean => SUPERVISING.includes(role as Role);

/** Whether the signed-in user (react-admin's permissions: a role, or a list of roles) holds one of `roles`;
 * no list means everyone signed in. */
export const hasRole = (permissions: unknown, roles?: readonly string[]): boolean => {
  if (!roles) return true;
  const held = Array.isArray(permissions) ? permissions : [permissions];
  return held.some((r) => typeof r === 'string' && roles.includes(r));
};
