import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';

import { AuditService } from '@app/audit';
import {
  Actor,
  AppException,
  applyEnterpriseScope,
  assertCanReadEnterprise,
  assertCanWriteEnterprise,
  assertDistrictInScope,
  ErrorCode,
  Paginated,
  paginated,
  parseSort,
  PreparedStatement,
  queryPrepared,
  todayInChina,
} from '@app/core';

import { CreateEnterpriseDto } from '../dto/create-enterprise.dto';
import { EnterpriseFieldsDto } from '../dto/enterprise-fields.dto';
import { EnterpriseDto } from '../dto/enterprise.dto';
import { ListEnterprisesQueryDto } from '../dto/list-enterprises.query.dto';
import { UpdateEnterpriseDto } from '../dto/update-enterprise.dto';
import { EnterpriseEntity } from '../entities/enterprise.entity';
import { acceptCreditCode, duplicateCreditCode, enterpriseNotFound } from '../registry.errors';
import { recordDistrictMoves } from './enterprise-as-of';
import { decodeCursor, encodeCursor } from './enterprise-cursor';
import { applyEnterpriseFilters } from './enterprise-filters';
import { canWalkNameSearch, matchedFormerName, walkNameSearch } from './enterprise-search';
import { ReferenceCheckService } from './reference-check.service';

const SORTABLE = {
  name: 'e.name',
  creditCode: 'e.credit_code',
  districtCode: 'e.district_code',
  industryCode: 'e.industry_code',
  createdAt: 'e.created_at',
  updatedAt: 'e.updated_at',
};

const DEFAULT_SORT = 'name:asc';

const money = (value: number | null | undefined) => (value === undefined ? undefined : value === null ? null : value.toFixed(2));

@Injectable()
export class EnterpriseService {
  private byCodeSql?: PreparedStatement;
  private listSelect?: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly references: ReferenceCheckService,
  ) {}

  async create(actor: Actor, dto: CreateEnterpriseDto): Promise<EnterpriseDto> {
    assertRequired(dto);
    const { code, override } = acceptCreditCode(dto.creditCode, dto.creditCodeOverrideReason);
    assertDistrictInScope(actor, dto.districtCode);
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(EnterpriseEntity, { where: { creditCode: code }, select: { id: true } });
      if (existing) throw duplicateCreditCode(code, existing.id);
      const fields = await this.checkedFields(manager, dto);
      const entity = await manager.save(manager.create(EnterpriseEntity, { ...fields, creditCode: code, creditCodeOverrideReason: override }));
      const view = EnterpriseDto.from(entity);
      await this.audit.record(manager, actor, { action: 'enterprise.create', entityType: 'enterprise', entityId: entity.id, after: view });
      return view;
    });
  }

  async list(actor: Actor, query: ListEnterprisesQueryDto): Promise<Paginated<EnterpriseDto>> {
    const qb = this.dataSource.getRepository(EnterpriseEntity).createQueryBuilder('e');
    applyEnterpriseScope(qb, 'e', actor);
    applyEnterpriseFilters(qb, query);
    const sortKey = query.sort ?? DEFAULT_SORT;
    const [column, direction] = parseSort(sortKey, SORTABLE, 'e.name ASC').split(' ');
    const cursor = query.after ? decodeCursor(query.after, sortKey) : undefined;
    const offset = cursor ? 0 : (query.page - 1) * query.pageSize;
    const cap = query.q ? SEARCH_COUNT_CAP : LIST_COUNT_CAP;

    let walked: { page?: EnterpriseEntity[]; count?: { total: number; capped: boolean } } = {};
    if (query.q && sortKey === DEFAULT_SORT && isWalkable(query)) walked = await this.walkSearch(actor, query, cursor, offset, cap);

    const pageQuery = async (): Promise<{ rows: EnterpriseEntity[]; values: string[] }> => {
      if (walked.page) return { rows: walked.page, values: walked.page.map((row) => row.name) };
      // The page's keys first, then its rows: the keys of a deep page come from the index alone
      // (page 400 skips 9,975 index entries instead of 9,975 table rows), and only the page's own
      // rows are read, straight into the entity's property names (no hydration of 26 entities).
      const keys = qb
        .clone()
        .select('e.id', 'id')
        .addSelect(column, 'sort_key')
        .addSelect(`${column}::text`, 'cursor_value')
        .orderBy(column, direction as 'ASC' | 'DESC')
        .addOrderBy('e.id', 'ASC')
        .offset(offset)
        .limit(query.pageSize + 1);
      if (cursor) {
        // (value, id) strictly after the cursor row in the same order; the row comparison walks the index.
        const after = direction === 'ASC' ? `(${column}, e.id) > (:cursorValue, :cursorId)` : `(${column} < :cursorValue OR (${column} = :cursorValue AND e.id > :cursorId))`;
        keys.andWhere(after, { cursorValue: cursor.value, cursorId: cursor.id });
      }
      const [keysSql, params] = keys.getQueryAndParameters();
      const select = (this.listSelect ??= entitySelectList(this.dataSource, EnterpriseEntity, 'e'));
      const raw: (EnterpriseEntity & { cursor_value: string })[] = await this.dataSource.query(
        `SELECT ${select}, p.cursor_value FROM (${keysSql}) p JOIN enterprise e ON e.id = p.id ORDER BY p.sort_key ${direction}, p.id`,
        params,
      );
      return { rows: raw, values: raw.map((r) => r.cursor_value) };
    };
    const [{ rows: fetched, values }, { total, capped }] = await pageAndCount(pageQuery, async () => walked.count ?? countRows(qb, cap), offset, query.pageSize, cap);
    const rows = fetched.slice(0, query.pageSize);
    const next = fetched.length > query.pageSize ? rows.length - 1 : -1;
    const nextCursor = next >= 0 ? encodeCursor({ sort: sortKey, value: values[next], id: rows[next].id }) : undefined;
    const items = rows.map((row) => (query.q ? { ...EnterpriseDto.from(row), matchedFormerName: matchedFormerName(row, query.q) } : EnterpriseDto.from(row)));
    return paginated(items, query.page, query.pageSize, total, capped, nextCursor);
  }

  /**
   * A name search in name order, served by walking the live-name index (`walkNameSearch`) when the
   * word is common: the page (one more row, to know there is a next) and the capped count. What
   * the walk cannot settle is left undefined for the bigram-index queries.
   */
  private async walkSearch(
    actor: Actor,
    query: ListEnterprisesQueryDto,
    cursor: { value: string; id: string } | undefined,
    offset: number,
    cap: number,
  ): Promise<{ page?: EnterpriseEntity[]; count?: { total: number; capped: boolean } }> {
    const base = { districtCode: query.districtCode };
    const need = offset + query.pageSize + 1;
    // The count's walk also reads the page's rows when the page lies within the counted matches.
    const select = (this.listSelect ??= entitySelectList(this.dataSource, EnterpriseEntity, 'e'));
    const pageInCount = !cursor && need <= cap + 1;
    const counted = await walkNameSearch<EnterpriseEntity>(this.dataSource, actor, query.q!, {
      ...base,
      need: cap + 1,
      skip: offset,
      take: query.pageSize + 1,
      rows: pageInCount ? select : undefined,
    });
    const count = counted.complete ? { total: Math.min(counted.found, cap), capped: counted.found > cap } : undefined;
    if (pageInCount) return counted.complete ? { page: counted.rows, count } : { count };
    if (!cursor || !count) return { count };
    const walk = await walkNameSearch<EnterpriseEntity>(this.dataSource, actor, query.q!, { ...base, after: cursor, need, rows: select });
    return walk.complete ? { page: walk.rows, count } : { count };
  }

  async get(actor: Actor, id: string): Promise<EnterpriseDto> {
    return EnterpriseDto.from(await this.findInScope(this.dataSource.manager, actor, id));
  }

  async getByCreditCode(actor: Actor, raw: string): Promise<EnterpriseDto> {
    // The hottest read (imports, the console's lookup): one prepared statement, rows as the entity's
    // properties, no query builder or hydration per request (2,000 lookups: see docs/benchmarks.md).
    this.byCodeSql ??= {
      name: 'enterprise_by_credit_code',
      text: `SELECT ${entitySelectList(this.dataSource, EnterpriseEntity)} FROM enterprise WHERE credit_code = $1 LIMIT 1`,
    };
    const [entity] = await queryPrepared<EnterpriseEntity>(this.dataSource, this.byCodeSql, [acceptCreditCode(raw, 'lookup').code]);
    if (!entity) throw enterpriseNotFound(raw);
    assertCanReadEnterprise(actor, entity, raw);
    return EnterpriseDto.from(entity);
  }

  async update(actor: Actor, id: string, dto: UpdateEnterpriseDto): Promise<EnterpriseDto> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.findOrFail(manager, id, true);
      assertCanWriteEnterprise(actor, entity);
      return this.applyUpdate(manager, actor, entity, dto);
    });
  }

  /**
   * Applies a checked profile change to a row the caller has locked and scope-checked, with the
   * version check and audit row; change-request approval reuses it inside its own transaction.
   */
  async applyUpdate(
    manager: EntityManager,
    actor: Actor,
    entity: EnterpriseEntity,
    dto: UpdateEnterpriseDto,
    entry: { action: string; after?: object } = { action: 'enterprise.update' },
  ): Promise<EnterpriseDto> {
    const id = entity.id;
    if (entity.archived) throw AppException.conflict(ErrorCode.ENTERPRISE_ARCHIVED, '企业已归档,不能修改 (enterprise is archived)');
    if (entity.version !== dto.version) throw AppException.versionConflict('企业信息', dto.version, entity.version);
    if (dto.districtCode !== undefined && dto.districtCode !== entity.districtCode) assertDistrictInScope(actor, dto.districtCode);
    const before = EnterpriseDto.from(entity);
    const changes: Partial<EnterpriseEntity> = await this.checkedFields(manager, dto, entity);
    if (dto.creditCode !== undefined) {
      const { code, override } = acceptCreditCode(dto.creditCode, dto.creditCodeOverrideReason);
      if (code !== entity.creditCode) {
        const clash = await manager.findOne(EnterpriseEntity, { where: { creditCode: code }, select: { id: true } });
        if (clash) throw duplicateCreditCode(code, clash.id);
      }
      Object.assign(changes, { creditCode: code, creditCodeOverrideReason: override });
    }
    if (changes.districtCode !== undefined) await recordDistrictMoves(manager, [{ id, districtCode: changes.districtCode }], todayInChina());
    Object.assign(entity, changes);
    const saved = await manager.save(entity);
    const after = EnterpriseDto.from(saved);
    await this.audit.record(manager, actor, { action: entry.action, entityType: 'enterprise', entityId: id, before, after: { ...after, ...entry.after } });
    return after;
  }

  /** DELETE archives: the row and its history stay for reports and audit. */
  async archive(actor: Actor, id: string): Promise<EnterpriseDto> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.findOrFail(manager, id, true);
      assertCanWriteEnterprise(actor, entity);
      if (entity.archived) return EnterpriseDto.from(entity);
      const before = EnterpriseDto.from(entity);
      entity.archived = true;
      entity.archivedAt = new Date();
      const after = EnterpriseDto.from(await manager.save(entity));
      await this.audit.record(manager, actor, { action: 'enterprise.archive', entityType: 'enterprise', entityId: id, before, after });
      return after;
    });
  }

  async findOrFail(manager: EntityManager, id: string, lock = false): Promise<EnterpriseEntity> {
    const entity = await manager.findOne(EnterpriseEntity, { where: { id }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!entity) throw enterpriseNotFound(id);
    return entity;
  }

  /** Like findOrFail, but an enterprise outside the actor's scope is not found either (404). */
  async findInScope(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<EnterpriseEntity> {
    const entity = await this.findOrFail(manager, id, lock);
    assertCanReadEnterprise(actor, entity);
    return entity;
  }

  /** Validates reference codes and converts numbers to the column representation. */
  private async checkedFields(manager: EntityManager, dto: EnterpriseFieldsDto, current?: EnterpriseEntity): Promise<Partial<EnterpriseEntity>> {
    const fields: Partial<EnterpriseEntity> = {};
    if (dto.districtCode !== undefined && dto.districtCode !== current?.districtCode) {
      await this.references.district(manager, dto.districtCode);
    }
    if (dto.functionalZoneCode && dto.functionalZoneCode !== current?.functionalZoneCode) {
      await this.references.functionalZone(manager, dto.functionalZoneCode);
    }
    if (dto.industryCode !== undefined) fields.industrySection = await this.references.industrySection(manager, dto.industryCode);
    const copy = [
      'name', 'shortName', 'formerNames', 'districtCode', 'functionalZoneCode', 'industryCode', 'address',
      'legalRepresentative', 'foundedOn', 'status', 'aboveScale', 'stockCode', 'contactPerson', 'contactPhone', 'contactEmail',
    ] as const;
    for (const key of copy) {
      if (dto[key] !== undefined) (fields as Record<string, unknown>)[key] = typeof dto[key] === 'string' ? (dto[key] as string).trim() : dto[key];
    }
    if (dto.registeredCapitalYuan !== undefined) fields.registeredCapitalYuan = money(dto.registeredCapitalYuan) ?? null;
    if (dto.landAreaMu !== undefined) fields.landAreaMu = money(dto.landAreaMu) ?? null;
    return fields;
  }
}

const REQUIRED_ON_CREATE = { name: '企业名称', districtCode: '所属区县代码', industryCode: '行业代码' } as const;

// The shared field DTO marks these optional (PATCH sends any subset), and class-validator lets an
// inherited @IsOptional win over a subclass's @IsDefined, so a new record's required fields are checked here.
function assertRequired(dto: CreateEnterpriseDto): void {
  const errors = Object.entries(REQUIRED_ON_CREATE)
    .filter(([field]) => dto[field as keyof typeof REQUIRED_ON_CREATE] === undefined || dto[field as keyof typeof REQUIRED_ON_CREATE] === null)
    .map(([field, label]) => ({ field, code: 'REQUIRED', message: `${label}(${field})必填 (required)` }));
  if (errors.length) {
    throw AppException.badRequest(ErrorCode.VALIDATION_FAILED, `请求参数有误 (invalid request): ${errors.map((e) => e.message).join('; ')}`, errors);
  }
}

/**
 * A common two-character word (机械, 科技) matches a tenth of a million-row registry: the page itself
 * comes fast from the name index, but counting every match exactly costs ~0.4 s. Searches are
 * therefore counted up to this cap and say so (`totalCapped`); filter-only lists count exactly.
 */
const SEARCH_COUNT_CAP = 1000;

/** Live rows, name search, at most a district: what the live-name index walk can answer (`walkNameSearch`). */
function isWalkable(query: ListEnterprisesQueryDto): boolean {
  const live = query.archived === false || (query.archived === undefined && !query.includeArchived);
  const others = [query.industryCode, query.status, query.aboveScale, query.designationType, query.designationStatus, query.chainId];
  return live && others.every((v) => v === undefined) && canWalkNameSearch(query.q ?? '');
}
/**
 * Filter-only lists are counted up to 10,000 ("10,000+"): an exact count of a district's 100,000 rows
 * costs more than the page itself, and nobody pages past 400 pages by number (`after` goes deeper).
 */
const LIST_COUNT_CAP = 10_000;

/**
 * The page and the capped count, side by side; but a page by number reaching past the cap (page 400
 * of a list counted up to 10,000) settles the count itself, since its keys walk as far as the count
 * would: a full page means more than `cap` matches, a short one ends the list (exactly `offset + n`).
 */
async function pageAndCount<P extends { rows: unknown[] }>(
  page: () => Promise<P>,
  count: () => Promise<{ total: number; capped: boolean }>,
  offset: number,
  pageSize: number,
  cap: number,
): Promise<[P, { total: number; capped: boolean }]> {
  if (offset + pageSize + 1 <= cap) return Promise.all([page(), count()]);
  const rows = await page();
  const n = rows.rows.length;
  if (n > pageSize) return [rows, { total: cap, capped: true }];
  if (n > 0) return [rows, { total: offset + n, capped: false }];
  return [rows, await count()];
}

async function countRows(qb: SelectQueryBuilder<EnterpriseEntity>, cap?: number): Promise<{ total: number; capped: boolean }> {
  const inner = qb.clone().select('1').orderBy();
  if (cap !== undefined) inner.limit(cap + 1);
  const [sql, params] = inner.getQueryAndParameters();
  const [{ n }] = await qb.connection.query(`SELECT count(*)::int AS n FROM (${sql}) matches`, params);
  return cap !== undefined && n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

/**
 * The SELECT list that reads a row straight into an entity's property names, as TypeORM would hydrate
 * it: selectable columns only, `date` columns as 'YYYY-MM-DD' text (TypeORM's form), numerics as text.
 */
function entitySelectList(dataSource: DataSource, entity: typeof EnterpriseEntity, alias?: string): string {
  const prefix = alias ? `"${alias}".` : '';
  return dataSource
    .getMetadata(entity)
    .columns.filter((c) => c.isSelect)
    .map((c) => `${prefix}"${c.databaseName}"${c.type === 'date' ? '::text' : ''} AS "${c.propertyName}"`)
    .join(', ');
}
