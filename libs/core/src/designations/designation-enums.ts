export enum DesignationType {
  CHAIN_LEADER = 'CHAIN_LEADER',
  CHAIN_CORE = 'CHAIN_CORE',
  CHAIN_BASE = 'CHAIN_BASE',
  SINGLE_CHAMPION = 'SINGLE_CHAMPION',
  LITTLE_GIANT = 'LITTLE_GIANT',
  SPECIALIZED_SME = 'SPECIALIZED_SME',
  INNOVATIVE_SME = 'INNOVATIVE_SME',
  BIG_EXCELLENT_STRONG = 'BIG_EXCELLENT_STRONG',
  SCALE_10B = 'SCALE_10B',
  SCALE_50B = 'SCALE_50B',
  SCALE_100B = 'SCALE_100B',
}

export const DESIGNATION_TYPE_LABELS: Record<DesignationType, string> = {
  CHAIN_LEADER: '链主',
  CHAIN_CORE: '链核',
  CHAIN_BASE: '链基',
  SINGLE_CHAMPION: '制造业单项冠军',
  LITTLE_GIANT: '专精特新“小巨人”',
  SPECIALIZED_SME: '专精特新中小企业',
  INNOVATIVE_SME: '创新型中小企业',
  BIG_EXCELLENT_STRONG: '大优强',
  SCALE_10B: '百亿级',
  SCALE_50B: '五百亿级',
  SCALE_100B: '千亿级',
};

/** The three chain tiers always name a chain. */
export const CHAIN_TYPES: readonly DesignationType[] = [DesignationType.CHAIN_LEADER, DesignationType.CHAIN_CORE, DesignationType.CHAIN_BASE];

/** Recognitions that lapse three years after recognition unless reviewed. */
export const EXPIRING_TYPES: readonly DesignationType[] = [DesignationType.LITTLE_GIANT, DesignationType.SINGLE_CHAMPION];

export enum DesignationLevel {
  NATIONAL = 'NATIONAL',
  PROVINCIAL = 'PROVINCIAL',
  MUNICIPAL = 'MUNICIPAL',
  DISTRICT = 'DISTRICT',
}

export const DESIGNATION_LEVEL_LABELS: Record<DesignationLevel, string> = {
  NATIONAL: '国家级',
  PROVINCIAL: '省级',
  MUNICIPAL: '市级',
  DISTRICT: '区县级',
};

export enum DesignationStatus {
  CANDIDATE = 'CANDIDATE',
  RECOGNISED = 'RECOGNISED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
  REJECTED = 'REJECTED',
}

export const DESIGNATION_STATUS_LABELS: Record<DesignationStatus, string> = {
  CANDIDATE: '培育对象',
  RECOGNISED: '已认定',
  UNDER_REVIEW: '复核中',
  EXPIRED: '已到期',
  REVOKED: '已撤销',
  REJECTED: '未通过',
};

/** Statuses in which an enterprise holds the designation (counted by "holding" quota lines). */
export const HOLDING_STATUSES: readonly DesignationStatus[] = [DesignationStatus.RECOGNISED, DesignationStatus.UNDER_REVIEW];

/** Statuses that are still open (not terminal): the duplicate rules look at these. */
export const LIVE_STATUSES: readonly DesignationStatus[] = [DesignationStatus.CANDIDATE, DesignationStatus.RECOGNISED, DesignationStatus.UNDER_REVIEW];

export enum CommunityStatus {
  PLANNED = 'PLANNED',
  FORMED = 'FORMED',
  DISSOLVED = 'DISSOLVED',
}

export const COMMUNITY_STATUS_LABELS: Record<CommunityStatus, string> = { PLANNED: '筹建中', FORMED: '已组建', DISSOLVED: '已解散' };

export enum CommunityRole {
  UPSTREAM_SUPPLIER = 'UPSTREAM_SUPPLIER',
  DOWNSTREAM_CUSTOMER = 'DOWNSTREAM_CUSTOMER',
  PEER = 'PEER',
  RESEARCH_PARTNER = 'RESEARCH_PARTNER',
  SERVICE_PROVIDER = 'SERVICE_PROVIDER',
}

export const COMMUNITY_ROLE_LABELS: Record<CommunityRole, string> = {
  UPSTREAM_SUPPLIER: '上游供应商',
  DOWNSTREAM_CUSTOMER: '下游客户',
  PEER: '同行协作',
  RESEARCH_PARTNER: '科研合作方',
  SERVICE_PROVIDER: '服务机构',
};
