import type { Role } from '../types';

/** Roles the API lets reassign tasks, list users and read the complaints dashboard. */
const SUPERVISING: readonly Role[] = ['supervisor', 'complaints_manager', 'compliance_manager', 'admin'];

export const canSupervise = (role: unknown): boolean => SUPERVISING.includes(role as Role);
