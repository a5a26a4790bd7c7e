import type { MouseEvent } from 'react';
import { Link } from 'react-admin';
import { useCaseTypeOf } from '../caseTypeRegistry';
import type { Task } from '../types';

/** The task's case, on its case type's page (rows are clickable: the click must not also open the row). */
export const CaseLink = ({ task }: { task: Task }) => {
  const caseTypeOf = useCaseTypeOf();
  const link = caseTypeOf(task.caseType)?.link(task.caseId);
  if (!link) return <>{task.caseId}</>;
  return (
    <Link to={link} onClick={(e: MouseEvent) => e.stopPropagation()}>
      {task.caseId}
    </Link>
  );
};
