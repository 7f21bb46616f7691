export enum EnterpriseStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  DEREGISTERED = 'DEREGISTERED',
  MERGED = 'MERGED',
}

export const ENTERPRISE_STATUS_LABELS: Record<EnterpriseStatus, string> = {
  ACTIVE: '存续',
  SUSPENDED: '停业',
  DEREGISTERED: '注销',
  MERGED: '已合并',
};
