// The notifications the engine sends about tasks and deadlines. Titles are English fallbacks; the
// console renders each notification from its type and data in the reader's language. The projection adds
// the case's reference to the data when it writes them.
import type { CaseProjection, NotificationInput, Role, TaskState } from './types';

interface About {
  row: CaseProjection;
  clientName: string;
}

const dataOf = (task: TaskState, about: About) => ({
  step: task.step,
  caseType: about.row.type,
  clientName: about.clientName,
});

export const taskAvailable = (task: TaskState, about: About): NotificationInput => ({
  key: `${task.id}/available`,
  recipients: task.anyRoleInTeam ? { team: { teamId: task.teamId } } : { team: { teamId: task.teamId, roles: task.roles } },
  type: 'task_available',
  title: `New task in your queue: ${task.step}`,
  caseId: about.row.id,
  taskId: task.id,
  data: dataOf(task, about),
});

export const taskAssigned = (task: TaskState, about: About, assigneeId: string): NotificationInput => ({
  key: `${task.id}/assigned/${task.revision}`,
  recipients: { userIds: [assigneeId] },
  type: 'task_assigned',
  title: `Task assigned to you: ${task.step}`,
  caseId: about.row.id,
  taskId: task.id,
  data: dataOf(task, about),
});

export const slaReminder = (task: TaskState, about: About, percent: number): NotificationInput => ({
  key: `${task.id}/reminder/${percent}`,
  recipients: task.assigneeId
    ? { userIds: [task.assigneeId] }
    : task.anyRoleInTeam
      ? { team: { teamId: task.teamId } }
      : { team: { teamId: task.teamId, roles: task.roles } },
  type: 'sla_reminder',
  title: `${percent}% of the time for ${task.step} has passed`,
  caseId: about.row.id,
  taskId: task.id,
  data: { ...dataOf(task, about), dueAt: task.schedule.dueAt, percent },
});

export const slaEscalation = (task: TaskState, about: About, level: number, roles: Role[]): NotificationInput => ({
  key: `${task.id}/escalation/${level}`,
  recipients: level === 1 ? { team: { teamId: task.teamId, roles } } : { branch: { branchId: about.row.branchId, roles } },
  type: 'sla_escalation',
  title: `Escalation level ${level}: ${task.step} is overdue`,
  caseId: about.row.id,
  taskId: task.id,
  data: { ...dataOf(task, about), dueAt: task.schedule.dueAt, level },
});

export const caseBreached = (about: About, clockVersion: number, roles: Role[]): NotificationInput => ({
  key: `${about.row.workflowId}/case-breach/${clockVersion}`,
  recipients: { branch: { branchId: about.row.branchId, roles } },
  type: 'sla_escalation',
  title: `Case deadline missed for ${about.clientName}`,
  caseId: about.row.id,
  data: { caseType: about.row.type, clientName: about.clientName, level: 1 },
});
