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

/**
 * The codes the rules name (chain tiers, scale tiers, the MIIT ladder). The catalogue (recognition_type)
 * holds every type — these and those staff add — with its name, levels and validity; these labels are
 * the seeded names, for messages about the coded types only.
 */
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

export enum DesignationLevel {
  NATIONAL = 'NATIONAL',
  PROVINCIAL = 'PROVINCIAL',
  MUNICIPAL = 'MUNICIPAL',
  DISTRICT = 'DISTRICT',
  // MIIT's national smart-factory ladder (since 2024): four national grades.
  BASIC = 'BASIC',
  ADVANCED = 'ADVANCED',
  EXCELLENT = 'EXCELLENT',
  LEADING = 'LEADING',
}

export const DESIGNATION_LEVEL_LABELS: Record<DesignationLevel, string> = {
  NATIONAL: '国家级',
  PROVINCIAL: '省级',
  MUNICIPAL: '市级',
  DISTRICT: '区县级',
  BASIC: '国家级(基础级)',
  ADVANCED: '国家级(先进级)',
  EXCELLENT: '国家级(卓越级)',
  LEADING: '国家级(领航级)',
};

/** How high a level stands: the four national smart-factory grades are national. "市级以上" = rank ≥ MUNICIPAL's. */
export const DESIGNATION_LEVEL_RANK: Record<DesignationLevel, number> = {
  DISTRICT: 1,
  MUNICIPAL: 2,
  PROVINCIAL: 3,
  NATIONAL: 4,
  BASIC: 4,
  ADVANCED: 4,
  EXCELLENT: 4,
  LEADING: 4,
};

/** The levels at or above `min` (a quota line's "市级以上"). */
export function levelsAtLeast(min: DesignationLevel | string): DesignationLevel[] {
  const floor = DESIGNATION_LEVEL_RANK[min as DesignationLevel] ?? Infinity;
  return (Object.keys(DESIGNATION_LEVEL_RANK) as DesignationLevel[]).filter((l) => DESIGNATION_LEVEL_RANK[l] >= floor);
}

/** Who holds a recognition: an enterprise, or a carrier (a park, a product, a platform, an industry brain or one of its apps). */
export enum HolderKind {
  ENTERPRISE = 'ENTERPRISE',
  CARRIER = 'CARRIER',
}

export const HOLDER_KIND_LABELS: Record<HolderKind, string> = { ENTERPRISE: '企业', CARRIER: '载体' };

/** What a carrier is. */
export enum CarrierKind {
  GREEN_PARK = 'GREEN_PARK',
  GREEN_DESIGN_PRODUCT = 'GREEN_DESIGN_PRODUCT',
  INDUSTRIAL_INTERNET_PLATFORM = 'INDUSTRIAL_INTERNET_PLATFORM',
  INDUSTRY_BRAIN = 'INDUSTRY_BRAIN',
  INDUSTRY_BRAIN_APP = 'INDUSTRY_BRAIN_APP',
}

export const CARRIER_KIND_LABELS: Record<CarrierKind, string> = {
  GREEN_PARK: '园区',
  GREEN_DESIGN_PRODUCT: '产品',
  INDUSTRIAL_INTERNET_PLATFORM: '工业互联网平台',
  INDUSTRY_BRAIN: '产业大脑',
  INDUSTRY_BRAIN_APP: '产业大脑应用',
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
