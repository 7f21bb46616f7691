/**
 * Deterministic generator for the demo enterprise seed (seeds/demo/enterprises.json).
 *
 * All enterprises are FICTIONAL. The output depends only on SEED below, so running the script
 * twice gives byte-identical files.
 *
 *   cd /work/main && npx ts-node --transpile-only -r tsconfig-paths/register seeds/demo/generate-enterprises.ts
 *
 * Guarantees checked before writing (the script throws otherwise):
 * - every credit code is 18 characters, starts with "91" + a GB/T 2260 code from districts.json,
 *   carries a valid GB 32100 check character, and is unique; names are unique;
 * - every district / zone / industry / chain code exists in seeds/reference/*.json and a zone
 *   sits in its host district;
 * - scale tiers by operating revenue: exactly 3 firms first reach 100亿 in 2022, exactly 1 firm
 *   first reaches 500亿 in 2022, exactly 1 firm first reaches 1000亿 in 2023, and no other
 *   first-time crossing of any tier happens in 2021–2023 (industrial output obeys the same
 *   pattern); at least 6 firms are >= 100亿 and exactly 2 are >= 500亿 in 2022;
 * - every chain appears on at least 8 enterprises.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withCheckCharacter } from '@app/registry';

const SEED = 0x5eed2024;
const YEARS = [2020, 2021, 2022, 2023] as const;
const OUTPUT = path.join(__dirname, 'enterprises.json');
const REFERENCE_DIR = path.join(__dirname, '..', 'reference');

// ---------------------------------------------------------------------------------------------
// Reference data
// ---------------------------------------------------------------------------------------------

interface DistrictRow {
  code: string;
  name: string;
  kind: 'CITY' | 'DISTRICT' | 'COUNTY' | 'COUNTY_CITY' | 'FUNCTIONAL_ZONE';
  retired: boolean;
  parentCode: string | null;
  hostDistrictCodes: string[];
}
interface IndustryRow {
  code: string;
  name: string;
  level: 'SECTION' | 'DIVISION' | 'GROUP' | 'CLASS';
  parentCode: string | null;
}
interface ChainRow {
  code: string;
  name: string;
  provisional: boolean;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, file), 'utf8')) as T;
}

const districts = readJson<DistrictRow[]>('districts.json');
const industries = readJson<IndustryRow[]>('industries.json');
const chains = readJson<ChainRow[]>('chains.json');

const districtByCode = new Map(districts.map((d) => [d.code, d]));
const industryCodes = new Set(industries.map((i) => i.code));
const chainCodes = new Set(chains.map((c) => c.code));

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32) and helpers
// ---------------------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = mulberry32(SEED);
const between = (min: number, max: number): number => min + (max - min) * rand();
const intBetween = (min: number, max: number): number => Math.floor(between(min, max + 1));
const chance = (p: number): boolean => rand() < p;
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}
function pickWeighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, weight] of entries) {
    r -= weight;
    if (r < 0) return value;
  }
  return entries[entries.length - 1][0];
}
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
function gaussian(): number {
  const u = Math.max(rand(), 1e-12);
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
const logUniform = (min: number, max: number): number => Math.exp(between(Math.log(min), Math.log(max)));
const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const digits = (count: number): string => Array.from({ length: count }, () => String(intBetween(0, 9))).join('');

/** Decimal string with exactly two places, computed on integer cents to avoid float artefacts. */
function money(yuan: number): string {
  const cents = Math.round(yuan * 100);
  return `${Math.floor(cents / 100)}.${pad(cents % 100, 2)}`;
}

// ---------------------------------------------------------------------------------------------
// Chains and industry profiles
// ---------------------------------------------------------------------------------------------

type ChainCode =
  | 'CHEM_NEW_MATERIALS'
  | 'SMART_FORMING_EQUIPMENT'
  | 'RARE_EARTH_MAGNETIC'
  | 'GREEN_PETROCHEMICAL'
  | 'AUTO_PARTS'
  | 'KEY_BASIC_PARTS'
  | 'INTEGRATED_CIRCUIT'
  | 'OPTOELECTRONICS'
  | 'SMART_APPLIANCES'
  | 'FASHION_TEXTILE';

interface Profile {
  /** GB/T 4754-2017 code (most specific known). */
  industry: string;
  /** Business words placed between the trade name and the legal form. */
  words: string[];
  /** Short English token for e-mail domains. */
  token: string;
  /** Secondary chain that may also apply (0–1 extra chain on the enterprise). */
  alsoChain?: ChainCode;
  /** tce per 10,000 yuan of revenue. */
  energy: number;
  /** R&D spend as a share of revenue. */
  rd: [number, number];
  /** Revenue per employee, yuan. */
  perEmployee: [number, number];
  /** Relative frequency within its chain (default 1). */
  weight: number;
}

const p = (
  industry: string,
  words: string[],
  token: string,
  energy: number,
  rd: [number, number],
  perEmployee: [number, number],
  alsoChain?: ChainCode,
  weight = 1,
): Profile => ({ industry, words, token, energy, rd, perEmployee, alsoChain, weight });

const PROFILES: Record<ChainCode | 'NONE', Profile[]> = {
  CHEM_NEW_MATERIALS: [
    p('2651', ['新材料科技', '高分子材料', '塑胶新材料'], 'newmat', 0.12, [0.025, 0.05], [2.5e6, 6e6], 'GREEN_PETROCHEMICAL'),
    p('2652', ['弹性体材料', '合成橡胶'], 'elastomer', 0.14, [0.02, 0.045], [2.5e6, 5e6]),
    p('2661', ['化学助剂', '精细化工'], 'finechem', 0.1, [0.025, 0.05], [1.8e6, 4e6]),
    p('2662', ['电子化学品', '特种化学品'], 'echem', 0.08, [0.04, 0.08], [1.5e6, 3.5e6], 'INTEGRATED_CIRCUIT'),
    p('2641', ['涂料', '新型涂料'], 'coatings', 0.05, [0.03, 0.05], [1.2e6, 2.5e6]),
    p('2921', ['薄膜科技', '功能膜材料'], 'film', 0.06, [0.035, 0.06], [1.2e6, 2.8e6], 'OPTOELECTRONICS'),
    p('2653', ['化纤原料', '聚酯材料'], 'polyester', 0.15, [0.015, 0.03], [3e6, 7e6], 'FASHION_TEXTILE'),
  ],
  GREEN_PETROCHEMICAL: [
    p('2614', ['化工', '石化'], 'chem', 0.22, [0.01, 0.025], [5e6, 1.5e7], 'CHEM_NEW_MATERIALS'),
    p('2619', ['化工', '化学'], 'chemical', 0.18, [0.01, 0.025], [3e6, 8e6]),
    p('2511', ['石化', '能源化工'], 'petro', 0.3, [0.005, 0.015], [8e6, 2.2e7]),
    p('3521', ['化工装备', '石化设备'], 'chemequip', 0.02, [0.03, 0.05], [0.8e6, 1.6e6]),
  ],
  SMART_FORMING_EQUIPMENT: [
    p('3523', ['塑料机械', '注塑机械', '智能装备'], 'plasmach', 0.015, [0.035, 0.06], [0.9e6, 1.8e6]),
    p('3422', ['锻压机床', '成形机床'], 'forming', 0.018, [0.035, 0.055], [0.8e6, 1.5e6]),
    p('3423', ['压铸机械', '铸造机械'], 'diecast', 0.02, [0.035, 0.055], [0.8e6, 1.5e6]),
    p('3421', ['数控机床', '机床'], 'cnc', 0.015, [0.04, 0.07], [0.7e6, 1.4e6]),
    p('3425', ['机床附件', '机床功能部件'], 'mtparts', 0.015, [0.035, 0.06], [0.6e6, 1.2e6], 'KEY_BASIC_PARTS'),
    p('3525', ['模具', '精密模具', '模具科技'], 'mould', 0.02, [0.035, 0.06], [0.5e6, 1e6], 'KEY_BASIC_PARTS', 3),
  ],
  RARE_EARTH_MAGNETIC: [
    p('3232', ['稀土材料', '稀土科技'], 'rareearth', 0.09, [0.025, 0.045], [2e6, 5e6]),
    p('3240', ['磁业', '磁材科技', '磁性材料'], 'magnet', 0.05, [0.035, 0.06], [0.9e6, 2.2e6]),
    p('3985', ['磁电科技', '磁性材料'], 'magtech', 0.04, [0.04, 0.07], [0.8e6, 1.8e6]),
    p('3813', ['微电机', '电机'], 'motor', 0.012, [0.035, 0.06], [0.6e6, 1.3e6], 'AUTO_PARTS'),
  ],
  AUTO_PARTS: [
    p('3670', ['汽车零部件', '汽车部件', '汽车配件', '车业'], 'autoparts', 0.018, [0.03, 0.055], [0.8e6, 1.8e6]),
    p('3612', ['新能源汽车', '电动汽车'], 'ev', 0.01, [0.03, 0.06], [2e6, 4e6]),
    p('3841', ['新能源电池', '锂电科技'], 'battery', 0.02, [0.035, 0.06], [1.2e6, 3e6]),
    p('3453', ['传动科技', '齿轮'], 'gear', 0.018, [0.03, 0.05], [0.6e6, 1.3e6], 'KEY_BASIC_PARTS'),
    p('3392', ['铝合金压铸', '精密压铸'], 'casting', 0.06, [0.03, 0.045], [0.6e6, 1.3e6], 'KEY_BASIC_PARTS'),
  ],
  KEY_BASIC_PARTS: [
    p('3482', ['紧固件', '标准件'], 'fastener', 0.03, [0.025, 0.045], [0.6e6, 1.4e6]),
    p('3483', ['弹簧'], 'spring', 0.025, [0.025, 0.045], [0.5e6, 1.1e6]),
    p('3444', ['液压', '液压机械'], 'hydraulic', 0.02, [0.035, 0.06], [0.7e6, 1.5e6]),
    p('3446', ['气动', '气动元件'], 'pneumatic', 0.015, [0.035, 0.06], [0.6e6, 1.3e6]),
    p('3451', ['轴承'], 'bearing', 0.03, [0.03, 0.05], [0.5e6, 1.2e6]),
    p('3393', ['粉末冶金', '锻造'], 'pm', 0.06, [0.03, 0.05], [0.6e6, 1.3e6], 'AUTO_PARTS'),
    p('3481', ['密封件', '密封科技'], 'seal', 0.02, [0.03, 0.05], [0.5e6, 1.1e6]),
    p('3484', ['精密机械', '机械零部件'], 'precision', 0.02, [0.03, 0.05], [0.5e6, 1.1e6]),
    p('3525', ['模具', '精密模具'], 'mould', 0.02, [0.035, 0.06], [0.5e6, 1e6], 'SMART_FORMING_EQUIPMENT', 2),
  ],
  INTEGRATED_CIRCUIT: [
    p('3973', ['集成电路', '微电子', '芯片科技'], 'chip', 0.03, [0.1, 0.2], [1e6, 3e6]),
    p('3972', ['半导体', '功率半导体'], 'semi', 0.035, [0.07, 0.14], [1e6, 2.5e6], 'AUTO_PARTS'),
    p('3985', ['半导体材料', '电子材料'], 'emat', 0.05, [0.05, 0.1], [1.2e6, 3e6]),
    p('3983', ['传感科技', '传感器'], 'sensor', 0.015, [0.07, 0.12], [0.7e6, 1.6e6], 'OPTOELECTRONICS'),
  ],
  OPTOELECTRONICS: [
    p('3976', ['光电科技', '光电'], 'opto', 0.015, [0.06, 0.1], [0.6e6, 1.5e6]),
    p('3974', ['显示科技', '光显科技'], 'display', 0.025, [0.05, 0.09], [0.8e6, 2e6]),
    p('4040', ['光学仪器', '光学科技'], 'optics', 0.01, [0.06, 0.1], [0.5e6, 1.2e6]),
    p('3983', ['传感科技', '光学传感'], 'sensing', 0.015, [0.07, 0.12], [0.7e6, 1.6e6], 'INTEGRATED_CIRCUIT'),
  ],
  SMART_APPLIANCES: [
    p('3851', ['制冷电器', '冷链电器'], 'cooling', 0.012, [0.03, 0.05], [0.8e6, 1.6e6]),
    p('3852', ['空调', '空调设备'], 'aircon', 0.012, [0.03, 0.05], [0.9e6, 1.8e6]),
    p('3853', ['电器', '风扇电器'], 'fan', 0.01, [0.025, 0.045], [0.5e6, 1.1e6]),
    p('3854', ['厨具电器', '厨房电器'], 'kitchen', 0.01, [0.03, 0.055], [0.6e6, 1.3e6]),
    p('3855', ['清洁电器', '环境电器'], 'clean', 0.01, [0.035, 0.06], [0.6e6, 1.3e6]),
    p('3856', ['个人护理电器', '家电科技'], 'care', 0.01, [0.03, 0.055], [0.5e6, 1.1e6]),
    p('3857', ['电器配件', '家电配件'], 'appparts', 0.015, [0.025, 0.045], [0.5e6, 1e6]),
    p('3859', ['家用电器', '电器'], 'appliance', 0.01, [0.025, 0.045], [0.5e6, 1.1e6]),
  ],
  FASHION_TEXTILE: [
    p('1819', ['服饰', '服装'], 'apparel', 0.012, [0.01, 0.025], [0.2e6, 0.45e6]),
    p('1829', ['针织', '针织服饰'], 'knit', 0.015, [0.01, 0.025], [0.2e6, 0.45e6]),
    p('1713', ['印染', '纺织印染'], 'dyeing', 0.12, [0.015, 0.03], [0.6e6, 1.2e6]),
    p('1751', ['纺织', '织造'], 'textile', 0.05, [0.015, 0.03], [0.5e6, 1e6]),
    p('2822', ['化纤', '化纤科技'], 'fiber', 0.15, [0.015, 0.03], [2e6, 5e6], 'CHEM_NEW_MATERIALS'),
  ],
  NONE: [
    p('2929', ['塑料制品', '塑胶制品'], 'plastic', 0.03, [0.02, 0.04], [0.5e6, 1.1e6]),
    p('3251', ['铜业', '铜材'], 'copper', 0.05, [0.01, 0.03], [3e6, 8e6]),
    p('3491', ['机器人', '自动化设备'], 'robot', 0.01, [0.06, 0.1], [0.7e6, 1.5e6]),
    p('27', ['药业', '生物医药'], 'pharma', 0.03, [0.06, 0.12], [0.8e6, 2e6]),
    p('21', ['家具'], 'furniture', 0.015, [0.015, 0.03], [0.3e6, 0.7e6]),
    p('24', ['文具', '文体用品'], 'stationery', 0.012, [0.015, 0.03], [0.3e6, 0.7e6]),
    p('33', ['五金', '金属制品'], 'hardware', 0.03, [0.02, 0.035], [0.4e6, 0.9e6]),
    p('40', ['仪表', '仪器'], 'meter', 0.01, [0.05, 0.09], [0.5e6, 1.2e6]),
    p('22', ['纸业', '包装'], 'paper', 0.1, [0.01, 0.025], [0.8e6, 1.8e6]),
    p('14', ['食品'], 'food', 0.03, [0.01, 0.02], [0.6e6, 1.4e6]),
  ],
};

function findProfile(chain: ChainCode | 'NONE', industry: string): Profile {
  const found = PROFILES[chain].find((x) => x.industry === industry);
  if (!found) throw new Error(`no profile ${chain}/${industry}`);
  return found;
}

// District weights (Ningbo's industrial geography, approximate) per chain.
const BASE_DISTRICTS: Array<readonly [string, number]> = [
  ['330203', 12], ['330205', 10], ['330206', 20], ['330211', 12], ['330212', 20],
  ['330213', 7], ['330225', 5], ['330226', 7], ['330281', 16], ['330282', 16],
];
const CHAIN_DISTRICT_BIAS: Partial<Record<ChainCode | 'NONE', Record<string, number>>> = {
  GREEN_PETROCHEMICAL: { '330211': 60, '330206': 40 },
  CHEM_NEW_MATERIALS: { '330211': 30, '330206': 25, '330282': 15 },
  SMART_FORMING_EQUIPMENT: { '330206': 30, '330281': 25, '330226': 15 },
  RARE_EARTH_MAGNETIC: { '330212': 25, '330205': 20, '330226': 12, '330282': 12 },
  AUTO_PARTS: { '330206': 25, '330282': 25, '330212': 20 },
  KEY_BASIC_PARTS: { '330211': 25, '330213': 15, '330282': 15, '330225': 8 },
  INTEGRATED_CIRCUIT: { '330212': 30, '330206': 12, '330281': 12 },
  OPTOELECTRONICS: { '330281': 45, '330212': 15 },
  SMART_APPLIANCES: { '330282': 40, '330281': 25, '330226': 12 },
  FASHION_TEXTILE: { '330212': 25, '330213': 20, '330225': 15, '330206': 15 },
};
function pickDistrict(chain: ChainCode | 'NONE'): string {
  const bias = CHAIN_DISTRICT_BIAS[chain] ?? {};
  return pickWeighted(BASE_DISTRICTS.map(([code, w]) => [code, w + (bias[code] ?? 0)] as const));
}

const ZONES_BY_HOST: Record<string, { share: number; zones: Array<readonly [string, number]> }> = {
  '330206': { share: 0.65, zones: [['ZONE-BSQ', 5], ['ZONE-DXKFQ', 2], ['ZONE-MS', 2]] },
  '330212': { share: 0.55, zones: [['ZONE-GXQ', 4], ['ZONE-DQH', 1]] },
  '330282': { share: 0.6, zones: [['ZONE-QWXQ', 1]] },
};
function pickZone(district: string): string | null {
  const entry = ZONES_BY_HOST[district];
  if (!entry || !chance(entry.share)) return null;
  return pickWeighted(entry.zones);
}

// ---------------------------------------------------------------------------------------------
// Names, people, addresses
// ---------------------------------------------------------------------------------------------

// Trade-name syllables with pinyin (for e-mail domains). Combinations are checked against a
// list of well-known real trade names so the demo never imitates a famous firm.
const FIRST: Array<readonly [string, string]> = [
  ['澄', 'cheng'], ['曜', 'yao'], ['骁', 'xiao'], ['璟', 'jing'], ['翎', 'ling'], ['瀚', 'han'],
  ['珩', 'heng'], ['朔', 'shuo'], ['霁', 'ji'], ['钧', 'jun'], ['璞', 'pu'], ['峻', 'jun'],
  ['岚', 'lan'], ['湛', 'zhan'], ['屹', 'yi'], ['骐', 'qi'], ['熠', 'yi'], ['恒', 'heng'],
  ['瑞', 'rui'], ['鑫', 'xin'], ['锦', 'jin'], ['嘉', 'jia'], ['裕', 'yu'], ['晟', 'sheng'],
  ['昊', 'hao'], ['鼎', 'ding'], ['汇', 'hui'], ['骏', 'jun'], ['卓', 'zhuo'], ['睿', 'rui'],
  ['澜', 'lan'], ['甬', 'yong'], ['禾', 'he'], ['旭', 'xu'], ['润', 'run'], ['泓', 'hong'],
  ['铭', 'ming'], ['宸', 'chen'], ['赫', 'he'], ['沁', 'qin'], ['垚', 'yao'],
];
const SECOND: Array<readonly [string, string]> = [
  ['达', 'da'], ['泰', 'tai'], ['丰', 'feng'], ['宇', 'yu'], ['昌', 'chang'], ['腾', 'teng'],
  ['越', 'yue'], ['晖', 'hui'], ['诚', 'cheng'], ['邦', 'bang'], ['峰', 'feng'], ['辉', 'hui'],
  ['安', 'an'], ['晨', 'chen'], ['迈', 'mai'], ['驰', 'chi'], ['锐', 'rui'], ['凯', 'kai'],
  ['源', 'yuan'], ['川', 'chuan'], ['航', 'hang'], ['拓', 'tuo'], ['岳', 'yue'], ['瑞', 'rui'],
  ['祺', 'qi'], ['弘', 'hong'], ['璋', 'zhang'], ['宏', 'hong'], ['坤', 'kun'], ['盈', 'ying'],
];
/** Pinyin for characters used only in fixed trade names. */
const EXTRA_PINYIN: Array<readonly [string, string]> = [['峦', 'luan'], ['庭', 'ting']];
const FAMOUS_BLACKLIST = new Set([
  '海天', '华翔', '均胜', '拓普', '舜宇', '方太', '公牛', '雅戈', '申洲', '杉杉', '金田', '博威',
  '韵升', '富邦', '逸盛', '万华', '金发', '吉利', '德业', '容百', '激智', '江丰', '东睦', '敏实',
  '继峰', '圣龙', '旭升', '双林', '天龙', '宁兴', '太平', '永新', '恒力', '荣盛', '恒逸', '宏达',
  '天通', '科达', '鼎泰', '汇川', '卓越', '瑞丰', '恒泰', '锦江', '嘉宇', '润达', '旭腾', '昊华',
  '鼎汇', '骏达', '裕丰', '晟泰', '恒瑞', '骏驰', '恒宏', '甬岳', '汇丰', '恒丰', '恒安', '润丰',
  '旭辉', '瑞达', '嘉凯', '鑫源', '恒源', '汇源', '卓达', '瀚宇', '瀚川', '汇宇', '恒川', '锦安',
]);

const SURNAMES = [
  '王', '陈', '张', '李', '周', '徐', '胡', '林', '应', '俞', '孙', '鲍', '邵', '竺', '戴', '忻', '虞',
  '励', '屠', '毛', '史', '董', '范', '包', '蒋', '舒', '杨', '吴', '黄', '朱', '沈', '顾', '郑', '谢',
  '叶', '方', '金', '袁', '钱', '汪', '任', '傅', '葛', '柴', '冯', '孔', '余',
];
const GIVEN = [
  '建', '国', '平', '海', '波', '志', '明', '伟', '军', '华', '敏', '静', '丽', '芳', '勇', '强', '磊', '洋',
  '杰', '涛', '斌', '辉', '刚', '亮', '峰', '红', '燕', '霞', '英', '琴', '雷', '鹏', '飞', '超', '浩', '宇',
  '晨', '欣', '怡', '佳', '俊', '凯', '文', '立', '新', '忠', '德', '荣', '宏', '良', '林', '云', '松', '春',
  '秋', '航', '琳', '婷', '颖', '蕾', '益', '耀', '祥', '定', '根', '芬', '萍', '维', '剑', '锋',
];
function personName(): string {
  const given = chance(0.7) ? pick(GIVEN) + pick(GIVEN) : pick(GIVEN);
  return pick(SURNAMES) + given;
}

const TOWNS: Record<string, string[]> = {
  '330203': ['石碾街道', '集士港镇', '古林镇', '高桥镇', '横街镇', '望春街道'],
  '330205': ['慈城镇', '洪塘街道', '庄桥街道', '甬江街道', '孔浦街道'],
  '330206': ['小港街道', '大碶街道', '霞浦街道', '柴桥街道', '春晓街道', '新碶街道'],
  '330211': ['骆驼街道', '庄市街道', '蛟川街道', '澥浦镇', '九龙湖镇', '招宝山街道'],
  '330212': ['姜山镇', '五乡镇', '邱隘镇', '云龙镇', '咸祥镇', '首南街道', '下应街道'],
  '330213': ['岳林街道', '锦屏街道', '江口街道', '西坞街道', '萧王庙街道', '莼湖街道'],
  '330225': ['丹东街道', '丹西街道', '爵溪街道', '石浦镇', '西周镇', '贤庠镇'],
  '330226': ['跃龙街道', '桃源街道', '梅林街道', '桥头胡街道', '西店镇', '长街镇'],
  '330281': ['阳明街道', '凤山街道', '兰江街道', '朗霞街道', '泗门镇', '马渚镇', '小曹娥镇'],
  '330282': ['浒山街道', '古塘街道', '坎墩街道', '宗汉街道', '周巷镇', '观海卫镇', '新浦镇', '龙山镇'],
};
const ZONE_ADDRESS: Record<string, { prefix: string; towns: string[] }> = {
  'ZONE-GXQ': { prefix: '浙江省宁波市高新区', towns: ['聚贤街道', '梅墟街道', '新明街道'] },
  'ZONE-QWXQ': { prefix: '浙江省宁波市前湾新区', towns: ['庵东镇', '滨海新城', '兴慈片区'] },
  'ZONE-BSQ': { prefix: '浙江省宁波市北仑区保税区', towns: ['东区', '西区', '南区'] },
  'ZONE-DXKFQ': { prefix: '浙江省宁波市北仑区', towns: ['大榭街道'] },
  'ZONE-MS': { prefix: '浙江省宁波市北仑区', towns: ['梅山街道'] },
  'ZONE-DQH': { prefix: '浙江省宁波市鄞州区', towns: ['东钱湖镇'] },
};
const ROAD_STEMS = [
  '兴业', '创业', '工业', '科技', '滨海', '园区', '东海', '港城', '明珠', '金源', '永丰', '新园', '振兴',
  '长兴', '聚英', '庆丰', '锦绣', '海港', '同心', '晨光', '望海', '文昌', '云海', '广源', '富港', '环湖',
];
const ROAD_SUFFIXES = ['路', '路', '大道', '东路', '西路', '北路', '南路', '一路', '二路'];
function address(district: string, zone: string | null): string {
  const road = pick(ROAD_STEMS) + pick(ROAD_SUFFIXES);
  const number = `${intBetween(1, 988)}号`;
  const tail = chance(0.2) ? `${intBetween(1, 9)}幢` : '';
  if (zone) {
    const z = ZONE_ADDRESS[zone];
    return `${z.prefix}${pick(z.towns)}${road}${number}${tail}`;
  }
  return `浙江省宁波市${districtByCode.get(district)!.name}${pick(TOWNS[district])}${road}${number}${tail}`;
}

function landline(): string {
  return `0574-8${digits(7)}`;
}
function mobile(): string {
  return `13${digits(9)}`;
}

// ---------------------------------------------------------------------------------------------
// Credit codes
// ---------------------------------------------------------------------------------------------

const CC_ALPHABET_NO_CHECK = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const GB11714_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** Organisation-code check character (GB 11714): 8 body characters -> 9 characters. */
function withOrgCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i];
    const v = ch >= '0' && ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * GB11714_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return body8 + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}
const usedCodes = new Set<string>();
function creditCode(registeredUnder: string, foundedYear: number): string {
  for (;;) {
    let org: string;
    if (foundedYear >= 2016) {
      // Post-reform registrations: "MA" series organisation part.
      let body = 'MA2';
      for (let i = 0; i < 5; i++) body += pick(CC_ALPHABET_NO_CHECK.split(''));
      org = withOrgCheck(body);
    } else {
      org = withOrgCheck(pick(['14', '25', '61', '67', '70', '71', '72', '73', '74', '75', '76', '78', '79']) + digits(6));
    }
    const code = withCheckCharacter(`91${registeredUnder}${org}`);
    if (!usedCodes.has(code)) {
      usedCodes.add(code);
      return code;
    }
  }
}

const usedStock = new Set<string>(['601018', '002048']);
function stockCode(kind: 'LARGE' | 'TECH' | 'OTHER'): string {
  for (;;) {
    const board =
      kind === 'LARGE'
        ? pickWeighted([['600', 1], ['601', 2], ['603', 2], ['002', 2]] as const)
        : kind === 'TECH'
          ? pickWeighted([['688', 3], ['300', 2], ['301', 1]] as const)
          : pickWeighted([['603', 4], ['605', 1], ['601', 1], ['002', 3], ['001', 1], ['300', 1]] as const);
    const code = board + digits(3);
    if (usedStock.has(code)) continue;
    usedStock.add(code);
    return `${code}.${board.startsWith('6') ? 'SH' : 'SZ'}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Slots: special firms, scripted histories, then the bulk
// ---------------------------------------------------------------------------------------------

type Status = 'ACTIVE' | 'SUSPENDED' | 'DEREGISTERED' | 'MERGED';

interface Slot {
  chain: ChainCode | 'NONE';
  industry?: string;
  district?: string;
  zone?: string | null;
  registeredUnder?: string;
  founded?: [number, number];
  tradeName?: string;
  /** Text between "宁波" and the trade name, e.g. "镇海". */
  placePrefix?: string;
  /** Full override of the legal-name prefix (default "宁波"). */
  namePrefix?: string;
  word?: string;
  joint?: boolean;
  listed?: boolean;
  former?: (tradeName: string) => string;
  /** Operating revenue per year (2020–2023), yuan — only for the scale-tier firms. */
  revenue?: [number, number, number, number];
  alsoChain?: ChainCode | null;
  small?: boolean;
}

const SPECIAL: Slot[] = [
  // >= 1000亿 first in 2023 (already >= 500亿 since 2020).
  { chain: 'GREEN_PETROCHEMICAL', industry: '2511', district: '330211', zone: null, tradeName: '澄泓', placePrefix: '镇海', word: '石化',
    joint: true, listed: true, founded: [1993, 1996], revenue: [68.2e9, 81.6e9, 94.3e9, 106.4e9], alsoChain: 'CHEM_NEW_MATERIALS' },
  // >= 500亿 first in 2022.
  { chain: 'AUTO_PARTS', industry: '3612', district: '330282', zone: 'ZONE-QWXQ', tradeName: '骁驰', word: '汽车',
    joint: true, listed: true, founded: [2003, 2006], revenue: [31.5e9, 43.8e9, 53.6e9, 58.9e9], alsoChain: null },
  // >= 100亿 throughout.
  { chain: 'SMART_APPLIANCES', industry: '3852', district: '330212', zone: null, tradeName: '澜庭', word: '电器',
    joint: true, listed: true, founded: [1994, 1998], revenue: [14.2e9, 16.9e9, 18.1e9, 20.3e9], alsoChain: null },
  { chain: 'FASHION_TEXTILE', industry: '1829', district: '330206', zone: null, tradeName: '锦峦', word: '针织服饰',
    joint: true, listed: false, founded: [1990, 1993], revenue: [11.3e9, 12.6e9, 11.9e9, 12.8e9], alsoChain: null },
  // >= 100亿 first in 2022.
  { chain: 'CHEM_NEW_MATERIALS', industry: '2651', district: '330206', zone: 'ZONE-DXKFQ', tradeName: '珩宇', word: '新材料',
    joint: true, listed: true, founded: [2005, 2008], revenue: [5.9e9, 8.2e9, 11.4e9, 12.7e9], alsoChain: 'GREEN_PETROCHEMICAL' },
  { chain: 'AUTO_PARTS', industry: '3670', district: '330206', zone: 'ZONE-BSQ', tradeName: '骏岳', word: '汽车部件',
    joint: true, listed: true, founded: [1998, 2002], revenue: [6.6e9, 8.9e9, 10.8e9, 12.1e9], alsoChain: 'KEY_BASIC_PARTS' },
  { chain: 'OPTOELECTRONICS', industry: '3976', district: '330281', zone: null, tradeName: '曜宸', word: '光电科技',
    joint: true, listed: true, founded: [1996, 2000], revenue: [5.2e9, 7.7e9, 10.6e9, 11.6e9], alsoChain: 'INTEGRATED_CIRCUIT' },
];

const SCRIPTED: Slot[] = [
  // Two "吉利" trade names for two-character search demos (fictional firms).
  { chain: 'KEY_BASIC_PARTS', industry: '3484', district: '330211', tradeName: '吉利达', namePrefix: '宁波', word: '精密机械' },
  { chain: 'SMART_APPLIANCES', industry: '3857', district: '330282', zone: null, tradeName: '吉利华', namePrefix: '慈溪市', word: '电器' },
  // Old enterprises whose former names differ meaningfully.
  { chain: 'CHEM_NEW_MATERIALS', industry: '2661', district: '330211', zone: null, founded: [1979, 1984], word: '新材料', joint: true,
    former: (t) => `镇海县${t}化工厂` },
  { chain: 'CHEM_NEW_MATERIALS', industry: '2921', district: '330211', zone: null, founded: [1988, 1995], word: '薄膜科技',
    former: (t) => `宁波市镇海${t}塑料厂` },
  { chain: 'RARE_EARTH_MAGNETIC', industry: '3240', district: '330211', zone: null, founded: [1990, 1996], word: '磁业', joint: true,
    former: (t) => `镇海${t}磁材厂` },
  { chain: 'SMART_APPLIANCES', industry: '3854', district: '330212', zone: null, registeredUnder: '330204', founded: [1992, 2000],
    word: '厨具电器', former: (t) => `宁波市江东${t}电器厂` },
  { chain: 'FASHION_TEXTILE', industry: '1819', district: '330213', registeredUnder: '330283', founded: [1991, 1999], word: '服饰',
    former: (t) => `奉化市${t}服装厂` },
  { chain: 'SMART_FORMING_EQUIPMENT', industry: '3523', district: '330281', founded: [1989, 1997], word: '智能装备', joint: true,
    former: (t) => `余姚市${t}塑料机械厂` },
  { chain: 'KEY_BASIC_PARTS', industry: '3451', district: '330282', zone: null, founded: [1986, 1995], word: '轴承',
    former: (t) => `慈溪市${t}轴承厂` },
  { chain: 'KEY_BASIC_PARTS', industry: '3482', district: '330206', zone: null, founded: [1990, 1998], placePrefix: '北仑', word: '紧固件',
    former: (t) => `宁波市北仑区${t}五金厂` },
  { chain: 'SMART_FORMING_EQUIPMENT', industry: '3525', district: '330226', founded: [1993, 2001], word: '模具科技',
    former: (t) => `宁海县${t}模具厂` },
  { chain: 'AUTO_PARTS', industry: '3670', district: '330212', zone: 'ZONE-GXQ', founded: [2002, 2008], word: '汽车零部件',
    former: (t) => `宁波${t}进出口有限公司` },
  { chain: 'FASHION_TEXTILE', industry: '1829', district: '330225', founded: [1988, 1996], word: '针织',
    former: (t) => `象山县${t}针织厂` },
  // More retired-code registrations (江东 / 奉化市), no rename.
  { chain: 'RARE_EARTH_MAGNETIC', industry: '3985', district: '330212', zone: null, registeredUnder: '330204', founded: [1998, 2012] },
  { chain: 'INTEGRATED_CIRCUIT', industry: '3973', district: '330212', zone: null, registeredUnder: '330204', founded: [2006, 2014] },
  { chain: 'KEY_BASIC_PARTS', industry: '3446', district: '330213', registeredUnder: '330283', founded: [1996, 2013] },
  { chain: 'NONE', industry: '21', district: '330213', registeredUnder: '330283', founded: [1995, 2012] },
  // District-name trade names for two-character search demos.
  { chain: 'GREEN_PETROCHEMICAL', industry: '2614', district: '330211', zone: null, placePrefix: '镇海' },
  { chain: 'KEY_BASIC_PARTS', industry: '3482', district: '330211', zone: null, placePrefix: '镇海' },
  { chain: 'SMART_FORMING_EQUIPMENT', industry: '3525', district: '330206', zone: null, placePrefix: '北仑', word: '模具' },
  { chain: 'SMART_FORMING_EQUIPMENT', industry: '3523', district: '330206', zone: null, placePrefix: '北仑' },
];

// Bulk chain quotas (regular firms), on top of the special and scripted slots.
const QUOTAS: Array<readonly [ChainCode | 'NONE', number]> = [
  ['CHEM_NEW_MATERIALS', 17], ['GREEN_PETROCHEMICAL', 9], ['SMART_FORMING_EQUIPMENT', 18],
  ['RARE_EARTH_MAGNETIC', 18], ['AUTO_PARTS', 23], ['KEY_BASIC_PARTS', 21], ['INTEGRATED_CIRCUIT', 12],
  ['OPTOELECTRONICS', 13], ['SMART_APPLIANCES', 16], ['FASHION_TEXTILE', 10], ['NONE', 15],
];

// ---------------------------------------------------------------------------------------------
// Enterprise assembly
// ---------------------------------------------------------------------------------------------

interface Figures {
  year: number;
  operatingRevenueYuan: string;
  industrialOutputYuan: string;
  taxPaidYuan: string;
  rdSpendYuan: string;
  valueAddedYuan: string;
  employees: number;
  energyUseTce: string;
}
interface Enterprise {
  creditCode: string;
  name: string;
  shortName: string;
  formerNames: string[];
  districtCode: string;
  functionalZoneCode: string | null;
  industryCode: string;
  address: string;
  legalRepresentative: string;
  foundedOn: string;
  registeredCapitalYuan: string;
  status: Status;
  aboveScale: boolean;
  stockCode: string | null;
  landAreaMu: string | null;
  contactPerson: string;
  contactPhone: string;
  contactEmail: string;
  chainCodes: string[];
  figures: Figures[];
}

const usedNames = new Set<string>();
const usedTradeNames = new Set<string>();
const tradeNamePinyin = new Map<string, string>([
  ['吉利达', 'jilida'], ['吉利华', 'jilihua'],
]);
function newTradeName(): string {
  for (;;) {
    const [a, pa] = pick(FIRST);
    const [b, pb] = pick(SECOND);
    const name = a + b;
    if (a === b || FAMOUS_BLACKLIST.has(name) || usedTradeNames.has(name)) continue;
    usedTradeNames.add(name);
    tradeNamePinyin.set(name, pa + pb);
    return name;
  }
}
function reserveTradeName(name: string): void {
  if (usedTradeNames.has(name)) throw new Error(`trade name reused: ${name}`);
  usedTradeNames.add(name);
  if (!tradeNamePinyin.has(name)) {
    const chars = [...name];
    const lookup = new Map([...FIRST, ...SECOND, ...EXTRA_PINYIN].map(([c, py]) => [c, py] as const));
    tradeNamePinyin.set(name, chars.map((c) => lookup.get(c) ?? 'x').join(''));
  }
}

/** Short forms of long business words, for shortName. */
const SHORT_WORD: Record<string, string> = {
  功率半导体: '半导体', 汽车零部件: '汽车部件', 个人护理电器: '护理电器', 新能源汽车: '汽车', 高分子材料: '高分子',
  塑胶新材料: '新材料', 弹性体材料: '弹性体', 功能膜材料: '功能膜', 新能源电池: '电池', 铝合金压铸: '压铸',
  半导体材料: '半导体', 自动化设备: '自动化', 机床功能部件: '机床部件', 新材料科技: '新材料', 特种化学品: '化学品', 电子化学品: '化学品', 机械零部件: '零部件',
};

function dateIn(yearFrom: number, yearTo: number): string {
  const year = intBetween(yearFrom, yearTo);
  const month = intBetween(1, 12);
  const day = intBetween(1, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]);
  return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
}

const REVENUE_CAP = 6.5e9; // regular firms stay well below the 100亿 tier

function regularRevenue(small: boolean): [number, number, number, number] {
  const r2023 = small
    ? logUniform(5e6, 1.9e7)
    : Math.min(REVENUE_CAP, Math.max(2.5e7, Math.exp(Math.log(3.2e8) + 1.05 * gaussian())));
  const g2023 = between(-0.08, 0.2);
  const g2022 = between(-0.12, 0.22);
  const g2021 = between(0.02, 0.35);
  const r2022 = r2023 / (1 + g2023);
  const r2021 = r2022 / (1 + g2022);
  const r2020 = r2021 / (1 + g2021);
  return [r2020, r2021, r2022, r2023].map((r) => Math.min(REVENUE_CAP, r)) as [number, number, number, number];
}

function buildFigures(revenue: number[], profile: Profile, special: boolean, lowYield: boolean): Figures[] {
  const outputRatio = special ? between(0.976, 0.994) : between(0.86, 1.04);
  const taxRate = profile.industry === '2511' ? between(0.07, 0.09) : lowYield ? between(0.002, 0.006) : between(0.018, 0.055);
  const rdRate = between(profile.rd[0], profile.rd[1]);
  const vaRate = between(0.17, 0.3);
  // Small and mid-sized firms cannot run on a handful of staff, whatever their sector.
  const sampled = between(profile.perEmployee[0], profile.perEmployee[1]);
  const perEmployee =
    revenue[3] < 5e7
      ? Math.min(sampled, between(2e5, 8e5))
      : revenue[3] < 2e8
        ? Math.min(sampled, between(4e5, 1.5e6))
        : sampled;
  const energy = profile.energy * between(0.7, 1.3);
  return YEARS.map((year, i) => {
    const r = revenue[i];
    const o = r * (special ? outputRatio : Math.min(1.05, outputRatio * between(0.98, 1.02)));
    const jitter = (): number => between(0.92, 1.08);
    return {
      year,
      operatingRevenueYuan: money(r),
      industrialOutputYuan: money(o),
      taxPaidYuan: money(r * taxRate * jitter()),
      rdSpendYuan: money(r * rdRate * jitter()),
      valueAddedYuan: money(o * vaRate * jitter()),
      employees: Math.max(8, Math.round((r / perEmployee) * between(0.95, 1.05))),
      energyUseTce: money((r / 1e4) * energy * jitter()),
    };
  });
}

function assemble(slot: Slot, status: Status, lowYield: boolean): Enterprise {
  const chain = slot.chain;
  const profile = slot.industry
    ? findProfile(chain, slot.industry)
    : pickWeighted(PROFILES[chain].map((x) => [x, x.weight] as const));
  const special = slot.revenue !== undefined;
  const district = slot.district ?? pickDistrict(chain);
  const zone = slot.zone !== undefined ? slot.zone : pickZone(district);
  const small = slot.small ?? false;

  const revenue = slot.revenue
    ? slot.revenue.map((r) => r * between(0.997, 1.003))
    : regularRevenue(small);
  const r2023 = revenue[3];

  const founded = slot.founded
    ? dateIn(slot.founded[0], slot.founded[1])
    : dateIn(r2023 > 1.5e9 ? 1988 : 1992, small ? 2021 : r2023 > 3e8 ? 2014 : 2020);
  const foundedYear = Number(founded.slice(0, 4));
  let registeredUnder = slot.registeredUnder ?? district;
  if (!slot.registeredUnder && foundedYear < 2016 && district === '330212' && zone === null && chance(0.12)) registeredUnder = '330204';
  if (!slot.registeredUnder && foundedYear < 2016 && district === '330213' && chance(0.3)) registeredUnder = '330283';

  const listed = slot.listed ?? (!small && status === 'ACTIVE' && (r2023 > 1.5e9 ? chance(0.7) : r2023 > 4e8 && chance(0.12)));
  const joint = slot.joint ?? (listed || (r2023 > 1e9 && chance(0.35)));

  let tradeName: string;
  if (slot.tradeName) {
    tradeName = slot.tradeName;
    reserveTradeName(tradeName);
  } else {
    tradeName = newTradeName();
  }
  const word = slot.word ?? pick(profile.words);
  const form = joint ? (special && chance(0.3) ? '集团股份有限公司' : '股份有限公司') : '有限公司';
  let prefix = slot.namePrefix ?? '宁波';
  if (slot.placePrefix) prefix = `宁波${slot.placePrefix}`;
  else if (!slot.namePrefix && !slot.former && !listed) {
    const local: Record<string, string> = { '330281': '余姚市', '330282': '慈溪市', '330226': '宁海县', '330225': '象山县' };
    if (local[district] && chance(0.3)) prefix = local[district];
    else if (district === '330211' && chance(0.3)) prefix = '宁波镇海';
    else if (district === '330206' && chance(0.3)) prefix = '宁波北仑';
    else if (chance(0.12)) prefix = '宁波市';
  }
  const name = `${prefix}${tradeName}${word}${form}`;
  if (usedNames.has(name)) throw new Error(`duplicate name ${name}`);
  usedNames.add(name);
  const shortName = `${tradeName}${SHORT_WORD[word] ?? (word.length > 4 ? word.slice(-2) : word)}`;

  const formerNames: string[] = [];
  if (slot.former) formerNames.push(slot.former(tradeName));
  else if (joint && !special && chance(0.35)) formerNames.push(`${prefix}${tradeName}${word}有限公司`);
  else if (!joint && chance(0.09)) {
    const alt = profile.words.find((w) => w !== word) ?? `${word}制造`;
    formerNames.push(`${prefix}${tradeName}${alt}有限公司`);
  }
  for (const f of formerNames) if (f === name) throw new Error(`former name equals name: ${name}`);

  const chainList: string[] = [];
  if (chain !== 'NONE') chainList.push(chain);
  const also = slot.alsoChain !== undefined ? slot.alsoChain : profile.alsoChain && chance(0.45) ? profile.alsoChain : null;
  if (also && chain !== 'NONE' && also !== chain) chainList.push(also);

  const regCapital = listed
    ? Math.round(logUniform(1.2e8, special ? 3.5e9 : 9e8) / 1e4) * 1e4
    : small
      ? Math.round(logUniform(5e5, 2e7) / 1e5) * 1e5
      : Math.max(5e5, Math.round((r2023 * between(0.02, 0.15)) / 1e5) * 1e5);

  const figures = buildFigures(revenue, profile, special, lowYield);
  const tax2023 = Number(figures[3].taxPaidYuan);
  let landAreaMu: string | null = null;
  if (special || lowYield || !chance(0.13)) {
    const taxPerMu = lowYield ? between(0.25e4, 0.9e4) : small ? logUniform(2e4, 2.5e5) : logUniform(1.2e5, 1.6e6);
    const mu = Math.min(9000, Math.max(3, tax2023 / taxPerMu));
    landAreaMu = (Math.round(mu * 10) / 10).toFixed(1);
  }

  const slug = `${tradeNamePinyin.get(tradeName) ?? 'nb'}-${profile.token}`;
  const contactEmail = small || chance(0.15)
    ? pick([`${slug.replace('-', '')}${intBetween(1, 99)}@163.com`, `${slug.replace('-', '')}@126.com`, `${intBetween(10000000, 999999999)}@qq.com`])
    : `${pick(['office', 'info', 'hr', 'contact', 'service', 'admin'])}@${slug}.${pick(['com', 'com.cn', 'cn'])}`;

  return {
    creditCode: creditCode(registeredUnder, foundedYear),
    name,
    shortName,
    formerNames,
    districtCode: district,
    functionalZoneCode: zone,
    industryCode: profile.industry,
    address: address(district, zone),
    legalRepresentative: personName(),
    foundedOn: founded,
    registeredCapitalYuan: String(regCapital),
    status,
    aboveScale: !small && status === 'ACTIVE' && r2023 >= 2e7,
    stockCode: listed
      ? stockCode(special ? 'LARGE' : ['INTEGRATED_CIRCUIT', 'OPTOELECTRONICS'].includes(chain) ? 'TECH' : 'OTHER')
      : null,
    landAreaMu,
    contactPerson: personName(),
    contactPhone: chance(0.55) ? landline() : mobile(),
    contactEmail,
    chainCodes: chainList,
    figures,
  };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function main(): void {
  const bulk: Slot[] = [];
  for (const [chain, count] of QUOTAS) for (let i = 0; i < count; i++) bulk.push({ chain });
  const total = SPECIAL.length + SCRIPTED.length + bulk.length;
  if (total !== 200) throw new Error(`expected 200 slots, got ${total}`);

  // 58 bulk firms are small (below the 2000万 规上 line); 12 of them are no longer active;
  // 5 are low-yield (tax per mu < 1万元) for the 亩均 demo.
  shuffle(bulk);
  const statuses: Status[] = [
    'SUSPENDED', 'SUSPENDED', 'SUSPENDED', 'SUSPENDED', 'SUSPENDED',
    'DEREGISTERED', 'DEREGISTERED', 'DEREGISTERED', 'DEREGISTERED',
    'MERGED', 'MERGED', 'MERGED',
  ];
  bulk.forEach((slot, i) => {
    slot.small = i < 58;
  });

  const ordered: Array<{ slot: Slot; status: Status; lowYield: boolean }> = [];
  SPECIAL.forEach((slot) => ordered.push({ slot, status: 'ACTIVE', lowYield: false }));
  SCRIPTED.forEach((slot) => ordered.push({ slot, status: 'ACTIVE', lowYield: false }));
  bulk.forEach((slot, i) =>
    ordered.push({ slot, status: i < statuses.length ? statuses[i] : 'ACTIVE', lowYield: i >= 20 && i < 25 }),
  );

  const enterprises = ordered.map(({ slot, status, lowYield }) => assemble(slot, status, lowYield));
  // Stable but mixed order: by credit code.
  enterprises.sort((a, b) => a.creditCode.localeCompare(b.creditCode));

  validate(enterprises);
  fs.writeFileSync(OUTPUT, `${JSON.stringify(enterprises, null, 2)}\n`, 'utf8');
  const bytes = fs.statSync(OUTPUT).size;
  process.stdout.write(`wrote ${enterprises.length} enterprises to ${path.relative(process.cwd(), OUTPUT)} (${bytes} bytes)\n`);
}

function validate(list: Enterprise[]): void {
  const fail = (msg: string): never => {
    throw new Error(`demo seed check failed: ${msg}`);
  };
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const e of list) {
    if (e.creditCode.length !== 18 || withCheckCharacter(e.creditCode.slice(0, 17)) !== e.creditCode) fail(`bad code ${e.creditCode}`);
    if (!e.creditCode.startsWith('91')) fail(`code prefix ${e.creditCode}`);
    if (!districtByCode.has(e.creditCode.slice(2, 8))) fail(`code area ${e.creditCode}`);
    if (codes.has(e.creditCode)) fail(`duplicate code ${e.creditCode}`);
    codes.add(e.creditCode);
    if (names.has(e.name)) fail(`duplicate name ${e.name}`);
    names.add(e.name);
    const d = districtByCode.get(e.districtCode);
    if (!d || d.retired || d.kind === 'CITY' || d.kind === 'FUNCTIONAL_ZONE') fail(`district ${e.districtCode}`);
    if (e.functionalZoneCode) {
      const z = districtByCode.get(e.functionalZoneCode);
      if (!z || z.kind !== 'FUNCTIONAL_ZONE' || !z.hostDistrictCodes.includes(e.districtCode)) fail(`zone ${e.functionalZoneCode}`);
    }
    if (!industryCodes.has(e.industryCode)) fail(`industry ${e.industryCode}`);
    for (const c of e.chainCodes) if (!chainCodes.has(c)) fail(`chain ${c}`);
    if (e.chainCodes.length > 2) fail(`too many chains on ${e.name}`);
    if (e.figures.length !== YEARS.length) fail(`figures of ${e.name}`);
  }
  for (const c of chainCodes) {
    const n = list.filter((e) => e.chainCodes.includes(c)).length;
    if (n < 8) fail(`chain ${c} has only ${n} enterprises`);
  }
  for (const word of ['镇海', '吉利', '北仑', '模具', '磁']) {
    if (list.filter((e) => e.name.includes(word)).length < 2) fail(`too few names containing ${word}`);
  }

  const metric = (e: Enterprise, year: number, key: 'operatingRevenueYuan' | 'industrialOutputYuan'): number =>
    Number(e.figures.find((f) => f.year === year)![key]);
  for (const key of ['operatingRevenueYuan', 'industrialOutputYuan'] as const) {
    const firstCrossings = (threshold: number, year: number): number =>
      list.filter((e) => metric(e, year, key) >= threshold && metric(e, year - 1, key) < threshold).length;
    const expected: Array<readonly [number, number, number]> = [
      [1e10, 2021, 0], [1e10, 2022, 3], [1e10, 2023, 0],
      [5e10, 2021, 0], [5e10, 2022, 1], [5e10, 2023, 0],
      [1e11, 2021, 0], [1e11, 2022, 0], [1e11, 2023, 1],
    ];
    for (const [threshold, year, count] of expected) {
      const got = firstCrossings(threshold, year);
      if (got !== count) fail(`${key}: ${got} first crossings of ${threshold} in ${year}, expected ${count}`);
    }
    const at = (threshold: number, year: number): number => list.filter((e) => metric(e, year, key) >= threshold).length;
    if (at(1e10, 2022) < 6) fail(`${key}: fewer than 6 firms >= 100亿 in 2022`);
    if (at(5e10, 2022) !== 2) fail(`${key}: expected 2 firms >= 500亿 in 2022`);
    if (at(1e11, 2023) !== 1) fail(`${key}: expected 1 firm >= 1000亿 in 2023`);
  }
}

main();
