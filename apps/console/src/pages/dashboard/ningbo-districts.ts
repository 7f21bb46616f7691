/**
 * A schematic of Ningbo's ten county-level districts: each at its approximate position (x east,
 * y south, in arbitrary units), and which ones border each other. Not a survey map — enough for a
 * leader to find a district at a glance, shipped with the console so it works without internet.
 */
export const DISTRICT_POSITIONS: Record<string, { x: number; y: number }> = {
  '330282': { x: 6.2, y: 0.8 }, // 慈溪市
  '330281': { x: 2.8, y: 2.0 }, // 余姚市
  '330211': { x: 7.9, y: 2.2 }, // 镇海区
  '330205': { x: 6.0, y: 2.9 }, // 江北区
  '330206': { x: 9.6, y: 3.1 }, // 北仑区
  '330203': { x: 4.6, y: 3.9 }, // 海曙区
  '330212': { x: 7.2, y: 4.4 }, // 鄞州区
  '330213': { x: 5.4, y: 5.9 }, // 奉化区
  '330226': { x: 5.9, y: 7.7 }, // 宁海县
  '330225': { x: 8.6, y: 7.9 }, // 象山县
};

export const DISTRICT_BORDERS: [string, string][] = [
  ['330282', '330281'], ['330282', '330211'], ['330282', '330205'],
  ['330281', '330205'], ['330281', '330203'],
  ['330211', '330205'], ['330211', '330206'], ['330211', '330212'],
  ['330205', '330203'], ['330205', '330212'],
  ['330206', '330212'],
  ['330203', '330212'], ['330203', '330213'],
  ['330212', '330213'], ['330212', '330225'],
  ['330213', '330226'],
  ['330226', '330225'],
];
