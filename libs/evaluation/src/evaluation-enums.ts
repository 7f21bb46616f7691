/** Enums of the 亩均 evaluation, in English for the API, with the Chinese labels the dictionaries route serves. */

export enum LandTenure {
  OWNED = 'OWNED',
  LEASED = 'LEASED',
}
export const LAND_TENURE_LABELS: Record<LandTenure, string> = { OWNED: '自有用地', LEASED: '租赁用地' };

/** Ningbo 4.0 (甬亩均办〔2022〕7号) populations; which one a firm falls in is a rule in evaluation-sql.ts. */
export enum PopulationKind {
  ABOVE_SCALE = 'ABOVE_SCALE',
  BELOW_SCALE_LARGE = 'BELOW_SCALE_LARGE',
  BELOW_SCALE_SMALL = 'BELOW_SCALE_SMALL',
  LEASED = 'LEASED',
}
export const POPULATION_KIND_LABELS: Record<PopulationKind, string> = {
  ABOVE_SCALE: '规上工业企业',
  BELOW_SCALE_LARGE: '规下企业(用地≥门槛亩数)',
  BELOW_SCALE_SMALL: '规下企业(用地<门槛亩数)',
  LEASED: '租赁厂房企业',
};

/** What an indicator measures; its formula is code (INDICATOR_SQL), its weight, benchmark and cap are scheme data. */
export enum IndicatorKind {
  TAX_PER_MU = 'TAX_PER_MU',
  VALUE_ADDED_PER_MU = 'VALUE_ADDED_PER_MU',
  VALUE_ADDED_PER_ENERGY = 'VALUE_ADDED_PER_ENERGY',
  VALUE_ADDED_PER_EMISSION = 'VALUE_ADDED_PER_EMISSION',
  LABOUR_PRODUCTIVITY = 'LABOUR_PRODUCTIVITY',
  RD_SHARE = 'RD_SHARE',
  TAX_PER_ELECTRICITY = 'TAX_PER_ELECTRICITY',
}
export const INDICATOR_KINDS = Object.values(IndicatorKind);
export const INDICATOR_LABELS: Record<IndicatorKind, string> = {
  TAX_PER_MU: '亩均税收',
  VALUE_ADDED_PER_MU: '亩均增加值',
  VALUE_ADDED_PER_ENERGY: '单位能耗增加值',
  VALUE_ADDED_PER_EMISSION: '单位排放增加值',
  LABOUR_PRODUCTIVITY: '全员劳动生产率',
  RD_SHARE: '研发经费占主营业务收入比重',
  TAX_PER_ELECTRICITY: '单位电耗税收',
};
export const INDICATOR_UNITS: Record<IndicatorKind, string> = {
  TAX_PER_MU: '万元/亩',
  VALUE_ADDED_PER_MU: '万元/亩',
  VALUE_ADDED_PER_ENERGY: '万元/吨标准煤',
  VALUE_ADDED_PER_EMISSION: '万元/吨',
  LABOUR_PRODUCTIVITY: '万元/人',
  RD_SHARE: '%',
  TAX_PER_ELECTRICITY: '元/千瓦时',
};

export enum BenchmarkRule {
  /** Σ numerator ÷ Σ denominator over the population's evaluated firms (e.g. total tax ÷ total land) */
  POPULATION_AGGREGATE = 'POPULATION_AGGREGATE',
  /** Arithmetic mean of the firms' indicator values */
  POPULATION_MEAN = 'POPULATION_MEAN',
  /** A number set in the scheme */
  FIXED = 'FIXED',
}
export const BENCHMARK_RULE_LABELS: Record<BenchmarkRule, string> = {
  POPULATION_AGGREGATE: '本类企业总量平均(总量÷总量)',
  POPULATION_MEAN: '本类企业算术平均',
  FIXED: '固定基准值',
};

export enum EvaluationClass {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}
export const EVALUATION_CLASSES = Object.values(EvaluationClass);
export const EVALUATION_CLASS_LABELS: Record<EvaluationClass, string> = { A: 'A类 优先发展', B: 'B类 提升发展', C: 'C类 调控帮扶', D: 'D类 倒逼整治' };

export enum ExclusionReason {
  FIRM_TOO_YOUNG = 'FIRM_TOO_YOUNG',
  LAND_TOO_RECENT = 'LAND_TOO_RECENT',
  NO_LAND = 'NO_LAND',
  NO_POPULATION = 'NO_POPULATION',
}
export const EXCLUSION_REASON_LABELS: Record<ExclusionReason, string> = {
  FIRM_TOO_YOUNG: '成立未满规定年限,不参评',
  LAND_TOO_RECENT: '用地投入使用未满规定年限,不参评',
  NO_LAND: '无当年用地记录,不参评',
  NO_POPULATION: '所属评价类别未列入当年方案,不参评',
};

/** computed → publicised (with dates) → frozen; liaisons confirm or object while computed or publicised. */
export enum EvaluationStatus {
  COMPUTED = 'COMPUTED',
  PUBLICISED = 'PUBLICISED',
  FROZEN = 'FROZEN',
}
export const EVALUATION_STATUS_LABELS: Record<EvaluationStatus, string> = { COMPUTED: '已计算(企业确认中)', PUBLICISED: '公示中', FROZEN: '已定档冻结' };

export enum ResponseKind {
  CONFIRM = 'CONFIRM',
  OBJECT = 'OBJECT',
}
export const RESPONSE_KIND_LABELS: Record<ResponseKind, string> = { CONFIRM: '确认无异议', OBJECT: '提出异议' };

export enum ObjectionStatus {
  PENDING = 'PENDING',
  UPHELD = 'UPHELD',
  REJECTED = 'REJECTED',
  /** A confirmation needs no decision */
  NONE = 'NONE',
}
export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = { PENDING: '待处理', UPHELD: '异议成立', REJECTED: '异议不成立', NONE: '无需处理' };
