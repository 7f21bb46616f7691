import { Role } from '@app/core';

/** Everything a route can require. A route without one is refused (deny by default). */
export enum Permission {
  SELF_READ = 'SELF_READ',
  /** Change one's own password */
  SELF_WRITE = 'SELF_WRITE',
  ENTERPRISE_READ = 'ENTERPRISE_READ',
  ENTERPRISE_WRITE = 'ENTERPRISE_WRITE',
  FIGURES_WRITE = 'FIGURES_WRITE',
  REFERENCE_READ = 'REFERENCE_READ',
  REFERENCE_WRITE = 'REFERENCE_WRITE',
  /** Chains and their segments (reference data) */
  CHAIN_WRITE = 'CHAIN_WRITE',
  /** Which enterprises are members of a chain (domain data) */
  CHAIN_MEMBER_WRITE = 'CHAIN_MEMBER_WRITE',
  DESIGNATION_WRITE = 'DESIGNATION_WRITE',
  COMMUNITY_WRITE = 'COMMUNITY_WRITE',
  QUOTA_READ = 'QUOTA_READ',
  QUOTA_WRITE = 'QUOTA_WRITE',
  REPORT_READ = 'REPORT_READ',
  REPORT_FREEZE = 'REPORT_FREEZE',
  IMPORT = 'IMPORT',
  EXPORT = 'EXPORT',
  AUDIT_READ = 'AUDIT_READ',
  CHANGE_REQUEST_SUBMIT = 'CHANGE_REQUEST_SUBMIT',
  CHANGE_REQUEST_REVIEW = 'CHANGE_REQUEST_REVIEW',
  USER_MANAGE = 'USER_MANAGE',
  /** The staff workbench: to-dos and headline figures in one's scope */
  WORKBENCH_READ = 'WORKBENCH_READ',
  /** See change requests: liaisons their own, staff the queue in their scope */
  CHANGE_REQUEST_READ = 'CHANGE_REQUEST_READ',
  /** The 亩均 evaluation's results and distribution, in one's scope */
  EVALUATION_READ = 'EVALUATION_READ',
  /** Edit the scheme, run, publicise and freeze a year */
  EVALUATION_MANAGE = 'EVALUATION_MANAGE',
  /** Decide firms' objections (in one's scope) */
  EVALUATION_DECIDE = 'EVALUATION_DECIDE',
  /** A liaison confirms or objects to the firm's own sheet */
  EVALUATION_RESPOND = 'EVALUATION_RESPOND',
  /** Investment projects in one's scope */
  PROJECT_READ = 'PROJECT_READ',
  /** Register and change projects, their stages and progress; review liaisons' progress reports */
  PROJECT_WRITE = 'PROJECT_WRITE',
  /** Report a project's monthly progress (a liaison's waits for review) */
  PROJECT_PROGRESS_REPORT = 'PROJECT_PROGRESS_REPORT',
  /** Remediation cases and land blocks: staff in their scope, liaisons their own firm's cases */
  REMEDIATION_READ = 'REMEDIATION_READ',
  /** Open, edit, move and close remediation cases; record land blocks */
  REMEDIATION_WRITE = 'REMEDIATION_WRITE',
}

/** What each permission lets a user do, in Chinese (the admin's user page shows it). */
export const PERMISSION_LABELS: Record<Permission, string> = {
  SELF_READ: '查看本人账号',
  SELF_WRITE: '修改本人密码',
  ENTERPRISE_READ: '查看企业',
  ENTERPRISE_WRITE: '登记和修改企业',
  FIGURES_WRITE: '录入经营数据',
  REFERENCE_READ: '查看基础数据',
  REFERENCE_WRITE: '维护基础数据',
  CHAIN_WRITE: '维护产业链与环节',
  CHAIN_MEMBER_WRITE: '维护产业链成员企业',
  DESIGNATION_WRITE: '认定与培育管理',
  COMMUNITY_WRITE: '共同体管理',
  QUOTA_READ: '查看目标进度',
  QUOTA_WRITE: '维护年度计划与填报',
  REPORT_READ: '查看季度报告',
  REPORT_FREEZE: '冻结季度报告',
  IMPORT: '数据导入',
  EXPORT: '数据导出',
  AUDIT_READ: '查看操作日志',
  CHANGE_REQUEST_SUBMIT: '提交变更申请',
  CHANGE_REQUEST_REVIEW: '审核变更申请',
  USER_MANAGE: '用户与权限管理',
  CHANGE_REQUEST_READ: '查看变更申请',
  WORKBENCH_READ: '查看工作台',
  EVALUATION_READ: '查看亩均评价结果',
  EVALUATION_MANAGE: '亩均评价方案、计算、公示与定档',
  EVALUATION_DECIDE: '处理亩均评价异议',
  EVALUATION_RESPOND: '确认本企业亩均评价单或提出异议',
  PROJECT_READ: '查看投资项目',
  PROJECT_WRITE: '登记和维护投资项目',
  PROJECT_PROGRESS_REPORT: '填报项目月度进度',
  REMEDIATION_READ: '查看整治提升案件与低效区块',
  REMEDIATION_WRITE: '整治提升立案、办理与销号',
};

const P = Permission;

/**
 * The one role → permission table. Record-level scope (district, own enterprise) is checked in services.
 * The admin reads everything (city-wide) and writes users and reference data; domain data is staff's.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.ADMIN]: [
    P.SELF_READ, P.SELF_WRITE, P.ENTERPRISE_READ, P.REFERENCE_READ, P.REFERENCE_WRITE, P.CHAIN_WRITE, P.QUOTA_READ, P.REPORT_READ,
    P.EXPORT, P.AUDIT_READ, P.CHANGE_REQUEST_READ, P.WORKBENCH_READ, P.USER_MANAGE,
    P.EVALUATION_READ, P.PROJECT_READ, P.REMEDIATION_READ,
  ],
  [Role.BUREAU_STAFF]: [
    P.SELF_READ, P.SELF_WRITE, P.ENTERPRISE_READ, P.ENTERPRISE_WRITE, P.FIGURES_WRITE, P.REFERENCE_READ, P.REFERENCE_WRITE, P.CHAIN_WRITE,
    P.CHAIN_MEMBER_WRITE, P.DESIGNATION_WRITE, P.COMMUNITY_WRITE, P.QUOTA_READ, P.QUOTA_WRITE, P.REPORT_READ, P.REPORT_FREEZE, P.IMPORT, P.EXPORT,
    P.AUDIT_READ, P.CHANGE_REQUEST_REVIEW, P.CHANGE_REQUEST_READ, P.WORKBENCH_READ,
    P.EVALUATION_READ, P.EVALUATION_MANAGE, P.EVALUATION_DECIDE,
    P.PROJECT_READ, P.PROJECT_WRITE, P.PROJECT_PROGRESS_REPORT,
    P.REMEDIATION_READ, P.REMEDIATION_WRITE,
  ],
  [Role.DISTRICT_STAFF]: [
    P.SELF_READ, P.SELF_WRITE, P.ENTERPRISE_READ, P.ENTERPRISE_WRITE, P.FIGURES_WRITE, P.REFERENCE_READ, P.DESIGNATION_WRITE, P.COMMUNITY_WRITE,
    P.QUOTA_READ, P.REPORT_READ, P.IMPORT, P.EXPORT, P.AUDIT_READ, P.CHANGE_REQUEST_REVIEW, P.CHANGE_REQUEST_READ, P.WORKBENCH_READ,
    P.EVALUATION_READ, P.EVALUATION_DECIDE,
    P.PROJECT_READ, P.PROJECT_WRITE, P.PROJECT_PROGRESS_REPORT,
    P.REMEDIATION_READ, P.REMEDIATION_WRITE,
  ],
  [Role.LIAISON]: [
    P.SELF_READ, P.SELF_WRITE, P.ENTERPRISE_READ, P.REFERENCE_READ, P.CHANGE_REQUEST_SUBMIT, P.CHANGE_REQUEST_READ,
    P.EVALUATION_RESPOND,
    P.PROJECT_READ, P.PROJECT_PROGRESS_REPORT,
    P.REMEDIATION_READ,
  ],
  [Role.VIEWER]: [
    P.SELF_READ, P.SELF_WRITE, P.ENTERPRISE_READ, P.REFERENCE_READ, P.QUOTA_READ, P.REPORT_READ, P.EXPORT,
    P.EVALUATION_READ,
    P.PROJECT_READ,
    P.REMEDIATION_READ,
  ],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}
