import ImportIcon from '@mui/icons-material/UploadFile';
import { lazy } from 'react';

// Imports of leads, clients, trading accounts and transactions from CSV and XLSX files (api/imports): the jobs,
// a new import (kind, file, column mapping, dry run) and a job's live progress. Loaded when opened; the menu shows
// it to the roles the API allows (access.ts).
export default {
  list: lazy(() => import('./ImportList').then((m) => ({ default: m.ImportList }))),
  create: lazy(() => import('./ImportCreate').then((m) => ({ default: m.ImportCreate }))),
  show: lazy(() => import('./ImportShow').then((m) => ({ default: m.ImportShow }))),
  icon: ImportIcon,
  recordRepresentation: 'fileName',
};
