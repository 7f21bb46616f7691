/**
 * The Chinese name of every field a user edits, by the entity type the audit trail records
 * (`audit_log.entity_type`) and the API field name. One home: the dictionary route, the import and
 * export headers, the quota metrics and the history sentences all read it. `unit` is the unit the
 * API value is in (元, 亩 …); a console may show 万元 for display.
 */
export interface FieldLabel {
  label: string;
  unit?: string;
}

const f = (label: string, unit?: string): FieldLabel => (unit ? { label, unit } : { label });

export const FIELD_LABELS = {
  enterprise: {
    creditCode: f('统一社会信用代码'),
    creditCodeOverrideReason: f('信用代码例外说明'),
    name: f('企业名称'),
    shortName: f('企业简称'),
    formerNames: f('曾用名'),
    districtCode: f('所属区县'),
    functionalZoneCode: f('功能区'),
    industryCode: f('所属行业'),
    address: f('地址'),
    legalRepresentative: f('法定代表人'),
    foundedOn: f('成立日期'),
    registeredCapitalYuan: f('注册资本', '元'),
    status: f('经营状态'),
    aboveScale: f('规上企业'),
    stockCode: f('股票代码'),
    landAreaMu: f('用地面积', '亩'),
    contactPerson: f('联系人'),
    contactPhone: f('联系电话'),
    contactEmail: f('联系邮箱'),
    archived: f('已归档'),
  },
  enterprise_figure: {
    year: f('年度'),
    quarter: f('季度'),
    operatingRevenueYuan: f('营业收入', '元'),
    industrialOutputYuan: f('工业总产值', '元'),
    taxPaidYuan: f('实缴税金', '元'),
    rdSpendYuan: f('研发投入', '元'),
    valueAddedYuan: f('工业增加值', '元'),
    employees: f('从业人员', '人'),
    energyUseTce: f('综合能耗', '吨标准煤'),
    taxPerMuYuan: f('亩均税收', '元/亩'),
  },
  designation: {
    type: f('认定类型'),
    level: f('级别'),
    chainId: f('产业链'),
    productName: f('产品名称'),
    productCode: f('产品代码'),
    status: f('状态'),
    batch: f('批次'),
    year: f('年度'),
    noticeNo: f('文号'),
    recognisingBody: f('认定机构'),
    recognisedOn: f('认定日期'),
    expiresOn: f('到期日期'),
    candidateSince: f('纳入培育日期'),
    evidence: f('依据'),
    effectiveOn: f('生效日期'),
    reason: f('原因'),
  },
  chain: {
    code: f('产业链代码'),
    name: f('产业链名称'),
    description: f('简介'),
    leadUnit: f('牵头单位'),
    promotionAgency: f('推进机构'),
    provisional: f('暂定'),
    confirmedBy: f('确认依据'),
    sortOrder: f('排序'),
  },
  chain_segment: {
    code: f('环节代码'),
    name: f('环节名称'),
    stage: f('上中下游'),
    parentId: f('上级环节'),
    sortOrder: f('排序'),
  },
  chain_membership: {
    enterpriseId: f('企业'),
    segmentId: f('所属环节'),
    mainProducts: f('主要产品'),
    keyEnterprise: f('重点企业'),
  },
  community: {
    name: f('共同体名称'),
    chainId: f('产业链'),
    leadEnterpriseId: f('牵头企业'),
    status: f('状态'),
    plannedOn: f('筹建日期'),
    formedOn: f('组建日期'),
    dissolvedOn: f('解散日期'),
    description: f('简介'),
  },
  community_member: {
    enterpriseId: f('成员企业'),
    role: f('成员角色'),
    joinedOn: f('加入日期'),
    leftOn: f('退出日期'),
  },
  quota_line: {
    label: f('指标名称'),
    unit: f('单位'),
    group: f('指标分组'),
    target: f('目标值'),
    direction: f('方向'),
    measureKind: f('计算方式'),
    measureParams: f('计算参数'),
    sortOrder: f('排序'),
    note: f('备注'),
    splits: f('目标分解'),
  },
  quota_manual_report: {
    value: f('填报值'),
    reportedOn: f('填报日期'),
    evidence: f('佐证材料'),
    districtCode: f('区县'),
    chainId: f('产业链'),
  },
  user: {
    username: f('用户名'),
    displayName: f('姓名'),
    role: f('角色'),
    active: f('启用'),
    districtCodes: f('负责区县'),
    enterpriseIds: f('联络企业'),
  },
  saved_view: {
    name: f('视图名称'),
    page: f('页面'),
    shared: f('共享'),
    state: f('筛选与列设置'),
  },
} satisfies Record<string, Record<string, FieldLabel>>;

export type FieldEntity = keyof typeof FIELD_LABELS;

/** A column header with the unit, e.g. 注册资本(元) — the form import templates and exports use. */
export function fieldHeader<E extends FieldEntity>(entity: E, field: keyof (typeof FIELD_LABELS)[E]): string {
  const { label, unit } = FIELD_LABELS[entity][field] as FieldLabel;
  return unit ? `${label}(${unit})` : label;
}
