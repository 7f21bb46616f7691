import { money } from './format';

/** A field's value as a clerk reads it: money in 万元/亿元, areas in 亩, yes/no, lists joined. */
export function fieldValue(name: string, value: unknown, unit?: string): string {
  if (value === null || value === undefined || value === '') return '空';
  if (Array.isArray(value)) return value.length ? value.join('、') : '空';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (/Yuan$/.test(name) && unit !== '元/亩') return money(value as number);
  if (typeof value === 'number') return `${value.toLocaleString('zh-CN')}${unit && unit !== '元' ? unit : ''}`;
  return String(value);
}
