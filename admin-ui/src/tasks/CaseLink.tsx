import type { MouseEvent } from 'react';
import { Link } from 'react-admin';
import { useCaseTypeOf } from '../caseTypeRegistry';
import type { Task } from '../types';

/** The case's reference as staff quote it (CMP-2026-000123); the id for a task from before references. */
export const caseReferenceOf = (task: Pick<Task, 'caseId' | 'reference' | 'case'>) => task.reference ?? task.case?.reference ?? task.caseId;

/** The task's case by its reference, on its case type's page (rows are clickable: the click must not also open the row). */
export const CaseLink = ({ task }: { task: Task }) => {
  const caseTypeOf = useCaseTypeOf();
  const link = caseTypeOf(task.caseType)?.link(task.caseId);
  const reference = caseReferenceOf(task);
  if (!link) return <span data-case-id={task.caseId}>{reference}</span>;
  return (
    <Link to={link} onClick={(e: MouseEvent) => e.stopPropagation()} data-case-id={task.caseId} data-testid="case-reference">
      {reference}
    </Link>
  );
};
