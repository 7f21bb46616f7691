import {
  AimOutlined, BarChartOutlined, BellOutlined, CarryOutOutlined, EditOutlined, FileDoneOutlined, FundOutlined, HomeOutlined, ProfileOutlined, ScheduleOutlined, SolutionOutlined,
  ApartmentOutlined, AuditOutlined, BankOutlined, ClusterOutlined, TagsOutlined, CloudUploadOutlined, DashboardOutlined, DatabaseOutlined,
  FileSearchOutlined, ProjectOutlined, TeamOutlined, ToolOutlined, TrophyOutlined, UserOutlined, UsergroupAddOutlined,
} from '@ant-design/icons';
import { ReactNode } from 'react';

import type { Permission } from '../api/auth';

export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  /** shown when the caller holds this permission (from GET /auth/me) */
  permission: Permission;
}

// The console's own page titles; the permission names are the API's (libs/auth/src/permission.ts).
export const MENU: MenuEntry[] = [
  { path: '/workbench', label: '工作台', icon: <DashboardOutlined />, permission: 'WORKBENCH_READ' },
  { path: '/my/enterprise', label: '我的企业', icon: <HomeOutlined />, permission: 'CHANGE_REQUEST_SUBMIT' },
  { path: '/my/change', label: '申请修改', icon: <EditOutlined />, permission: 'CHANGE_REQUEST_SUBMIT' },
  { path: '/my/figures', label: '经营数据填报', icon: <ProfileOutlined />, permission: 'CHANGE_REQUEST_SUBMIT' },
  { path: '/my/requests', label: '我的申请', icon: <SolutionOutlined />, permission: 'CHANGE_REQUEST_SUBMIT' },
  { path: '/my/evaluation', label: '亩均评价单', icon: <CarryOutOutlined />, permission: 'EVALUATION_RESPOND' },
  { path: '/dashboard', label: '领导驾驶舱', icon: <FundOutlined />, permission: 'QUOTA_READ' },
  { path: '/progress', label: '目标进度', icon: <AimOutlined />, permission: 'QUOTA_READ' },
  { path: '/plans', label: '年度计划', icon: <ScheduleOutlined />, permission: 'QUOTA_WRITE' },
  { path: '/reports', label: '季度报告', icon: <FileDoneOutlined />, permission: 'REPORT_READ' },
  { path: '/evaluation', label: '亩均评价', icon: <BarChartOutlined />, permission: 'EVALUATION_READ' },
  { path: '/enterprises', label: '企业名录', icon: <BankOutlined />, permission: 'ENTERPRISE_READ' },
  { path: '/designations', label: '认定管理', icon: <TrophyOutlined />, permission: 'DESIGNATION_WRITE' },
  { path: '/projects', label: '投资项目', icon: <ProjectOutlined />, permission: 'PROJECT_READ' },
  { path: '/carriers', label: '载体', icon: <ClusterOutlined />, permission: 'DESIGNATION_WRITE' },
  { path: '/recognition-types', label: '认定类型', icon: <TagsOutlined />, permission: 'REFERENCE_WRITE' },
  { path: '/remediation', label: '整治提升', icon: <ToolOutlined />, permission: 'REMEDIATION_READ' },
  { path: '/chains', label: '产业链', icon: <ApartmentOutlined />, permission: 'REFERENCE_READ' },
  { path: '/communities', label: '共同体', icon: <UsergroupAddOutlined />, permission: 'COMMUNITY_WRITE' },
  { path: '/change-requests', label: '变更审核', icon: <FileSearchOutlined />, permission: 'CHANGE_REQUEST_READ' },
  { path: '/imports', label: '数据导入', icon: <CloudUploadOutlined />, permission: 'IMPORT' },
  { path: '/audit', label: '操作日志', icon: <AuditOutlined />, permission: 'AUDIT_READ' },
  { path: '/admin/users', label: '用户与权限', icon: <TeamOutlined />, permission: 'USER_MANAGE' },
  { path: '/admin/reference', label: '基础数据', icon: <DatabaseOutlined />, permission: 'USER_MANAGE' },
  { path: '/inbox', label: '消息', icon: <BellOutlined />, permission: 'SELF_READ' },
  { path: '/profile', label: '个人中心', icon: <UserOutlined />, permission: 'SELF_READ' },
];

export function homePath(can: (permission: Permission) => boolean): string {
  return MENU.find((m) => can(m.permission))?.path ?? '/profile';
}
