import { EntityManager } from 'typeorm';

import type { Permission } from '@app/auth';
import { Actor } from '@app/core';

export enum ImportKind {
  ENTERPRISES = 'enterprises',
  FIGURES = 'figures',
  DESIGNATIONS = 'designations',
  CHAIN_MEMBERSHIPS = 'chain-memberships',
  LAND_USE = 'land-use',
  EVALUATION_FIGURES = 'evaluation-figures',
  PROJECTS = 'projects',
  PROJECT_PROGRESS = 'project-progress',
  CARRIERS = 'carriers',
  REMEDIATION_CASES = 'remediation-cases',
  LAND_BLOCKS = 'land-blocks',
}

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  enterprises: '企业名录',
  figures: '年度经济指标',
  designations: '认定与培育名单',
  'chain-memberships': '产业链企业',
  'land-use': '亩均评价用地',
  'evaluation-figures': '亩均评价指标数据',
  projects: '投资项目',
  'project-progress': '项目月度进度',
  carriers: '认定载体',
  'remediation-cases': '整治提升案件',
  'land-blocks': '低效用地区块',
};

/** A column a file may carry: the API field name (English header) and the Chinese header staff use. */
export interface ColumnSpec {
  field: string;
  header: string;
  /** Other headers seen in staff sheets */
  aliases?: string[];
  required?: boolean;
  /** Required only to create a record: a file that only updates may leave the column out */
  newOnly?: boolean;
  example: string;
}

export interface RowError {
  line: number;
  /** The header as written in the file, or the Chinese header when the column is missing */
  column: string;
  code: string;
  message: string;
}

export type RowAction = 'create' | 'update' | 'unchanged';

/** A row after validation: either errors, or what applying it would do. */
export interface PreparedRow<T = unknown> {
  line: number;
  errors: RowError[];
  /** Identity within the file (e.g. the credit code): a second row with the same key is rejected */
  key?: string;
  keyColumn?: string;
  action?: RowAction;
  data?: T;
}

export interface BatchContext {
  manager: EntityManager;
  actor: Actor;
  /** Fields present in the file's header */
  present: Set<string>;
  /** Header as written in the file, by field */
  headerOf(field: string): string;
}

export interface RawRow {
  line: number;
  /** Trimmed cell text by field; only fields whose column is present */
  values: Record<string, string>;
}

/** What one kind of import knows: its columns, how to check a batch of rows, and how to write it. */
export interface ImportHandler {
  kind: ImportKind;
  /** Needed on top of IMPORT: the permission of the route that writes the same records */
  permission: Permission;
  columns: ColumnSpec[];
  prepare(ctx: BatchContext, rows: RawRow[]): Promise<PreparedRow[]>;
  write(ctx: BatchContext, rows: PreparedRow[]): Promise<void>;
}
