// Pieces of plausible Ningbo company names. Trade names are two characters drawn from a small
// set, so two-character searches hit from a handful to many thousands of rows, as in real life.
const TRADE = '甬海东方天华新金恒博永瑞宏鑫兴达力泰德信明光远通宁升丰盛昌隆源汇利凯豪富佳嘉诚君悦晨晟航舜宇翔锦众创联合美康健益中亚太环球浙江北仑镇海鄞慈余姚象山奉化';
const TRADE_CHARS = [...TRADE];
const INDUSTRY_WORDS: Record<string, string[]> = {
  '13': ['食品'], '14': ['食品'], '15': ['饮品'], '17': ['纺织', '印染'], '18': ['服饰', '服装'], '19': ['鞋业'], '21': ['家具'], '22': ['纸业'],
  '24': ['文具', '体育用品'], '25': ['石化'], '26': ['化工', '新材料'], '27': ['药业', '生物医药'], '28': ['化纤'], '29': ['塑业', '橡塑'],
  '30': ['建材'], '31': ['钢铁'], '32': ['有色金属'], '33': ['五金', '金属制品'], '34': ['机械', '精密机械', '液压', '气动'], '35': ['智能装备', '模具'],
  '36': ['汽车零部件', '汽配'], '37': ['船舶'], '38': ['电器', '电机', '磁业', '家电'], '39': ['电子', '光电', '半导体'], '40': ['仪器仪表'],
};
const SUFFIX = ['有限公司', '有限公司', '有限公司', '股份有限公司', '集团有限公司'];

export function syntheticName(random: () => number, industryCode: string): string {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const words = INDUSTRY_WORDS[industryCode.slice(0, 2)] ?? ['科技', '实业', '贸易'];
  return `宁波${pick(TRADE_CHARS)}${pick(TRADE_CHARS)}${pick(words)}${pick(SUFFIX)}`;
}
