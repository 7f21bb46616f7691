import { Injectable } from '@nestjs/common';

import { Permission } from '@app/auth';
import { fieldHeader, todayInChina } from '@app/core';

import { BatchContext, ColumnSpec, ImportHandler, ImportKind, PreparedRow, RawRow, RowError } from '../import-kind';
import { clip } from '../import-limits';
import { toBoolean } from '../row-validation';
import { ChainRef, loadChains, unknownChain } from './chain-lookup';
import { lookupEnterprises } from './enterprise-lookup';
import { jsonRecordset } from './sql-recordset';

export const CHAIN_MEMBERSHIP_COLUMNS: ColumnSpec[] = [
  { field: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码', '社会信用代码'], required: true, example: '91330200MA2AAAAA1X' },
  { field: 'name', header: '企业名称', example: '宁波示例智能装备有限公司' },
  { field: 'chainCode', header: '产业链代码', aliases: ['产业链', '所属产业链'], required: true, example: 'SMART_FORMING_EQUIPMENT' },
  { field: 'segmentCode', header: '环节代码', aliases: ['产业链环节代码'], example: '' },
  { field: 'mainProducts', header: fieldHeader('chain_membership', 'mainProducts'), example: '精密注塑机' },
  { field: 'keyEnterprise', header: fieldHeader('chain_membership', 'keyEnterprise'), example: '是' },
];

interface MembershipRow {
  enterpriseId: string;
  chainId: string;
  segmentId: string | null;
  mainProducts: string | null;
  keyEnterprise: boolean;
}

/** Places enterprises on chains; upserted by enterprise and chain (one membership per chain). */
@Injectable()
export class ChainMembershipImport implements ImportHandler {
  readonly kind = ImportKind.CHAIN_MEMBERSHIPS;
  /** The permission of the route that writes the same records */
  readonly permission = Permission.CHAIN_WRITE;
  readonly columns = CHAIN_MEMBERSHIP_COLUMNS;
  private chains?: Map<string, ChainRef>;

  reset(): void {
    this.chains = undefined;
  }

  async prepare(ctx: BatchContext, rows: RawRow[]): Promise<PreparedRow<MembershipRow>[]> {
    this.chains ??= await loadChains(ctx);
    const enterprises = await lookupEnterprises(ctx, rows);
    const prepared = rows.map((row, i): PreparedRow<MembershipRow> => {
      const e = enterprises[i];
      const errors: RowError[] = 'errors' in e ? [...e.errors] : [];
      const v = row.values;
      const chain = this.chains!.get(v.chainCode);
      if (!chain) errors.push(unknownChain(ctx, row.line, v.chainCode));
      let segmentId: string | null = null;
      if (chain && v.segmentCode) {
        segmentId = chain.segments.get(v.segmentCode) ?? null;
        if (!segmentId) errors.push({ line: row.line, column: ctx.headerOf('segmentCode'), code: 'SEGMENT_UNKNOWN', message: `产业链 ${chain.code} 没有环节“${clip(v.segmentCode)}”(unknown segment)` });
      }
      const key = toBoolean(v.keyEnterprise ?? '');
      if (typeof key !== 'boolean') errors.push({ line: row.line, column: ctx.headerOf('keyEnterprise'), code: 'VALIDATION_FAILED', message: '重点企业应填“是”或“否” (must be yes or no)' });
      if (v.mainProducts && v.mainProducts.length > 2000) errors.push({ line: row.line, column: ctx.headerOf('mainProducts'), code: 'VALIDATION_FAILED', message: '主要产品过长(最多 2000 字) (too long)' });
      if (errors.length || 'errors' in e) return { line: row.line, errors };
      return {
        line: row.line,
        errors: [],
        key: `${e.code}|${chain!.id}`,
        keyColumn: 'chainCode',
        data: { enterpriseId: e.id, chainId: chain!.id, segmentId, mainProducts: v.mainProducts || null, keyEnterprise: key as boolean },
      };
    });
    const valid = prepared.filter((p) => p.data);
    const stored = new Map<string, MembershipRow>();
    if (valid.length) {
      const found: (MembershipRow & { key: string })[] = await ctx.manager.query(
        `SELECT m.enterprise_id || '|' || m.chain_id AS key, m.segment_id AS "segmentId", m.main_products AS "mainProducts", m.key_enterprise AS "keyEnterprise"
           FROM chain_membership m JOIN unnest($1::uuid[], $2::uuid[]) AS p(e, c) ON m.enterprise_id = p.e AND m.chain_id = p.c WHERE m.left_on IS NULL`,
        [valid.map((p) => p.data!.enterpriseId), valid.map((p) => p.data!.chainId)],
      );
      for (const f of found) stored.set(f.key, f);
    }
    for (const p of valid) {
      const d = p.data!;
      const current = stored.get(`${d.enterpriseId}|${d.chainId}`);
      if (!current) p.action = 'create';
      else {
        // Columns left out of the file keep their stored values.
        if (!ctx.present.has('segmentCode')) d.segmentId = current.segmentId;
        if (!ctx.present.has('mainProducts')) d.mainProducts = current.mainProducts;
        if (!ctx.present.has('keyEnterprise')) d.keyEnterprise = current.keyEnterprise;
        const same = current.segmentId === d.segmentId && current.mainProducts === d.mainProducts && current.keyEnterprise === d.keyEnterprise;
        p.action = same ? 'unchanged' : 'update';
      }
    }
    return prepared;
  }

  async write(ctx: BatchContext, rows: PreparedRow<MembershipRow>[]): Promise<void> {
    if (!rows.length) return;
    // A membership created by an import is dated the day of the import (Beijing time); an update keeps its date.
    const today = todayInChina();
    const records = rows.map((r) => ({
      enterprise_id: r.data!.enterpriseId,
      chain_id: r.data!.chainId,
      segment_id: r.data!.segmentId,
      main_products: r.data!.mainProducts,
      key_enterprise: r.data!.keyEnterprise,
      joined_on: today,
    }));
    const columns = Object.keys(records[0]);
    const { select, from } = jsonRecordset(columns, { enterprise_id: 'uuid', chain_id: 'uuid', segment_id: 'uuid', main_products: 'text', key_enterprise: 'boolean', joined_on: 'date' });
    await ctx.manager.query(
      `INSERT INTO chain_membership (${columns.join(', ')}, version) SELECT ${select}, 1 FROM ${from}
       ON CONFLICT (enterprise_id, chain_id) WHERE left_on IS NULL DO UPDATE SET segment_id = EXCLUDED.segment_id, main_products = EXCLUDED.main_products,
         key_enterprise = EXCLUDED.key_enterprise, version = chain_membership.version + 1, updated_at = now()`,
      [JSON.stringify(records)],
    );
  }
}
