import { Writable } from 'node:stream';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, applyEnterpriseScope, DESIGNATION_LEVEL_LABELS, DESIGNATION_STATUS_LABELS, DESIGNATION_TYPE_LABELS } from '@app/core';
import { DesignationEntity } from '@app/cultivation';
import { applyEnterpriseFilters, ENTERPRISE_STATUS_LABELS, EnterpriseEntity, EnterpriseStatus } from '@app/registry';

import { ExportDesignationsQueryDto, ExportEnterprisesQueryDto } from '../dto/export-query.dto';
import { DESIGNATION_COLUMNS } from '../kinds/designation.import';
import { ENTERPRISE_COLUMNS } from '../kinds/enterprise.import';
import { ExportFormat, tabularWriter } from './tabular-writer';

/** Rows fetched per round trip; the export walks the table by id (keyset), so memory stays flat. */
const PAGE = 2000;

type Row = Record<string, unknown>;

/**
 * Streams lists to CSV or XLSX. Exported enterprise files use the import headers, so an export
 * edited in Excel can be imported back. Scope (district, liaison) is applied in `scope` only.
 */
@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async enterprises(actor: Actor, query: ExportEnterprisesQueryDto, out: Writable): Promise<void> {
    const format: ExportFormat = query.format ?? 'csv';
    // Contact person, phone and e-mail are personal data: who exported what is recorded before the first byte.
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, { action: 'export.enterprises', entityType: 'enterprise', after: { format, filters: filtersOf(query) } }),
    );
    const writer = tabularWriter(format, out, ENTERPRISE_COLUMNS.map((c) => c.header), '企业名录');
    await this.walk(
      () => this.enterpriseQuery(actor, query),
      'e.id',
      async (e: Row) => {
        await writer.row([
          e.credit_code, e.name, e.short_name, (e.former_names as string[]).join(';'), e.district_code, e.functional_zone_code,
          e.industry_code, e.address, e.legal_representative, e.founded_on, e.registered_capital_yuan,
          ENTERPRISE_STATUS_LABELS[e.status as EnterpriseStatus] ?? e.status, e.above_scale ? '是' : '否', e.stock_code,
          e.land_area_mu, e.contact_person, e.contact_phone, e.contact_email, e.credit_code_override_reason,
        ] as (string | null)[]);
      },
    );
    await writer.end();
  }

  async designations(actor: Actor, query: ExportDesignationsQueryDto, out: Writable): Promise<void> {
    const writer = tabularWriter(query.format ?? 'csv', out, DESIGNATION_COLUMNS.map((c) => c.header), '认定名单');
    await this.walk(
      () => this.designationQuery(actor, query),
      'd.id',
      async (d: Row) => {
        await writer.row([
          d.credit_code, d.enterprise_name, DESIGNATION_TYPE_LABELS[d.type as keyof typeof DESIGNATION_TYPE_LABELS],
          DESIGNATION_LEVEL_LABELS[d.level as keyof typeof DESIGNATION_LEVEL_LABELS], d.chain_code,
          DESIGNATION_STATUS_LABELS[d.status as keyof typeof DESIGNATION_STATUS_LABELS], d.batch, d.year, d.notice_no,
          d.recognising_body, d.recognised_on, d.expires_on, d.product_name, d.product_code, d.evidence,
        ] as (string | null)[]);
      },
    );
    await writer.end();
  }

  /** The filtered enterprise list, exactly as GET /enterprises filters it. */
  enterpriseQuery(actor: Actor, query: ExportEnterprisesQueryDto): SelectQueryBuilder<EnterpriseEntity> {
    const qb = this.dataSource.getRepository(EnterpriseEntity).createQueryBuilder('e').select([
      'e.id AS id', 'e.credit_code AS credit_code', 'e.name AS name', 'e.short_name AS short_name', 'e.former_names AS former_names',
      'e.district_code AS district_code', 'e.functional_zone_code AS functional_zone_code', 'e.industry_code AS industry_code',
      'e.address AS address', 'e.legal_representative AS legal_representative', 'e.founded_on::text AS founded_on',
      'e.registered_capital_yuan::text AS registered_capital_yuan', 'e.status AS status', 'e.above_scale AS above_scale',
      'e.stock_code AS stock_code', 'e.land_area_mu::text AS land_area_mu', 'e.contact_person AS contact_person',
      'e.contact_phone AS contact_phone', 'e.contact_email AS contact_email', 'e.credit_code_override_reason AS credit_code_override_reason',
    ]);
    applyEnterpriseFilters(qb, query);
    this.scope(actor, qb, 'e');
    return qb;
  }

  designationQuery(actor: Actor, query: ExportDesignationsQueryDto): SelectQueryBuilder<DesignationEntity> {
    const qb = this.dataSource
      .getRepository(DesignationEntity)
      .createQueryBuilder('d')
      .innerJoin(EnterpriseEntity, 'e', 'e.id = d.enterprise_id')
      .leftJoin('chain', 'c', 'c.id = d.chain_id')
      .select([
        'd.id AS id', 'e.credit_code AS credit_code', 'e.name AS enterprise_name', 'd.type AS type', 'd.level AS level',
        'c.code AS chain_code', 'd.status AS status', 'd.batch AS batch', 'd.year AS year', 'd.notice_no AS notice_no',
        'd.recognising_body AS recognising_body', 'd.recognised_on::text AS recognised_on', 'd.expires_on::text AS expires_on',
        'd.product_name AS product_name', 'd.product_code AS product_code', 'd.evidence AS evidence',
      ]);
    if (query.type) qb.andWhere('d.type = :type', { type: query.type });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.level) qb.andWhere('d.level = :level', { level: query.level });
    if (query.chainCode) qb.andWhere('c.code = :chain', { chain: query.chainCode });
    if (query.districtCode) qb.andWhere('e.district_code = :district', { district: query.districtCode });
    if (query.year) qb.andWhere('d.year = :year', { year: query.year });
    this.scope(actor, qb, 'e');
    return qb;
  }

  /**
   * The one place where what an actor may export is narrowed (district staff to their districts,
   * liaisons to their enterprises). City-wide roles see everything.
   */
  private scope<T extends object>(actor: Actor, qb: SelectQueryBuilder<T>, enterpriseAlias: string): void {
    applyEnterpriseScope(qb, enterpriseAlias, actor);
  }

  /** Keyset walk by id: each page is an index range scan, however deep into the list. */
  private async walk(build: () => SelectQueryBuilder<object>, idColumn: string, each: (row: Row) => Promise<void>): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const qb = build();
      if (after) qb.andWhere(`${idColumn} > :after`, { after });
      const rows: Row[] = await qb.orderBy(idColumn, 'ASC').limit(PAGE).getRawMany();
      for (const row of rows) await each(row);
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1].id as string;
    }
  }
}

function filtersOf(query: ExportEnterprisesQueryDto): Record<string, unknown> {
  const { q, districtCode, industryCode, status, aboveScale, includeArchived, archived, designationType, designationStatus, chainId } = query;
  const filters = { q, districtCode, industryCode, status, aboveScale, includeArchived, archived, designationType, designationStatus, chainId };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
}
