export enum Role {
  ADMIN = 'ADMIN',
  BUREAU_STAFF = 'BUREAU_STAFF',
  DISTRICT_STAFF = 'DISTRICT_STAFF',
  LIAISON = 'LIAISON',
  VIEWER = 'VIEWER',
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: '系统管理员',
  BUREAU_STAFF: '市局工作人员',
  DISTRICT_STAFF: '区县工作人员',
  LIAISON: '企业联络员',
  VIEWER: '只读用户(领导)',
};
