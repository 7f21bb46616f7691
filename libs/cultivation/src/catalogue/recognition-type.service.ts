import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, CarrierKind, DESIGNATION_LEVEL_LABELS, DesignationLevel, ErrorCode, HOLDER_KIND_LABELS, HolderKind } from '@app/core';
import { RecognitionTypeEntity } from '@app/reference';

import { CreateRecognitionTypeDto, RecognitionTypeDto, UpdateRecognitionTypeDto } from './recognition-type.dto';

export const toRecognitionTypeDto = (t: RecognitionTypeEntity): RecognitionTypeDto => ({
  id: t.id,
  code: t.code,
  name: t.name,
  levels: t.levels as DesignationLevel[],
  levelLabels: t.levels.map((l) => DESIGNATION_LEVEL_LABELS[l as DesignationLevel] ?? l),
  validityYears: t.validityYears,
  issuingBody: t.issuingBody,
  holderKind: t.holderKind as HolderKind,
  holderKindLabel: HOLDER_KIND_LABELS[t.holderKind as HolderKind],
  carrierKind: (t.carrierKind as CarrierKind) ?? null,
  namesChain: t.namesChain,
  namesProduct: t.namesProduct,
  effectiveFrom: t.effectiveFrom,
  effectiveTo: t.effectiveTo,
  sortOrder: t.sortOrder,
  version: t.version,
});

const notFound = (code: string) => AppException.notFound(ErrorCode.RECOGNITION_TYPE_NOT_FOUND, `找不到认定类型 ${code} (recognition type not found)`);

/**
 * The recognition catalogue: reference data staff extend without a release. Every path that records a
 * recognition (API, import, demo) checks the type here: known, in force on the recognition's date,
 * the level one of its levels, the holder of its kind.
 */
@Injectable()
export class RecognitionTypeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<RecognitionTypeDto[]> {
    const rows = await this.dataSource.getRepository(RecognitionTypeEntity).find({ order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map(toRecognitionTypeDto);
  }

  /** Every type by code (for checks of many rows at once, e.g. an import). */
  async byCode(manager: EntityManager = this.dataSource.manager): Promise<Map<string, RecognitionTypeEntity>> {
    const rows = await manager.find(RecognitionTypeEntity);
    return new Map(rows.map((t) => [t.code, t]));
  }

  async get(code: string): Promise<RecognitionTypeDto> {
    const row = await this.dataSource.getRepository(RecognitionTypeEntity).findOneBy({ code });
    if (!row) throw notFound(code);
    return toRecognitionTypeDto(row);
  }

  async create(actor: Actor, dto: CreateRecognitionTypeDto): Promise<RecognitionTypeDto> {
    this.checkShape(dto.holderKind, dto.carrierKind ?? null, dto.effectiveFrom ?? null, dto.effectiveTo ?? null);
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(RecognitionTypeEntity, { code: dto.code })) {
        throw AppException.conflict(ErrorCode.RECOGNITION_TYPE_CODE_TAKEN, `认定类型代码 ${dto.code} 已存在 (code taken)`);
      }
      const saved = await manager.save(
        manager.create(RecognitionTypeEntity, {
          code: dto.code,
          name: dto.name.trim(),
          levels: [...new Set(dto.levels)],
          validityYears: dto.validityYears ?? null,
          issuingBody: dto.issuingBody?.trim() || null,
          holderKind: dto.holderKind,
          carrierKind: dto.holderKind === HolderKind.CARRIER ? dto.carrierKind! : null,
          namesChain: false,
          namesProduct: dto.namesProduct ?? false,
          effectiveFrom: dto.effectiveFrom ?? null,
          effectiveTo: dto.effectiveTo ?? null,
          sortOrder: dto.sortOrder ?? 1000,
        }),
      );
      const view = toRecognitionTypeDto(saved);
      await this.audit.record(manager, actor, { action: 'recognition_type.create', entityType: 'recognition_type', entityId: saved.id, after: view });
      return view;
    });
  }

  async update(actor: Actor, code: string, dto: UpdateRecognitionTypeDto): Promise<RecognitionTypeDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(RecognitionTypeEntity, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound(code);
      if (row.version !== dto.version) throw AppException.versionConflict('认定类型', dto.version, row.version);
      const before = toRecognitionTypeDto(row);
      if (dto.name !== undefined) row.name = dto.name.trim();
      if (dto.levels !== undefined) row.levels = [...new Set(dto.levels)];
      if (dto.validityYears !== undefined) row.validityYears = dto.validityYears;
      if (dto.issuingBody !== undefined) row.issuingBody = dto.issuingBody?.trim() || null;
      if (dto.namesProduct !== undefined) row.namesProduct = dto.namesProduct;
      if (dto.effectiveFrom !== undefined) row.effectiveFrom = dto.effectiveFrom ?? null;
      if (dto.effectiveTo !== undefined) row.effectiveTo = dto.effectiveTo ?? null;
      if (dto.sortOrder !== undefined) row.sortOrder = dto.sortOrder;
      this.checkShape(row.holderKind as HolderKind, row.carrierKind, row.effectiveFrom, row.effectiveTo);
      const saved = await manager.save(row);
      const after = toRecognitionTypeDto(saved);
      await this.audit.record(manager, actor, { action: 'recognition_type.update', entityType: 'recognition_type', entityId: row.id, before, after });
      return after;
    });
  }

  private checkShape(holder: HolderKind, carrierKind: string | null, from: string | null, to: string | null): void {
    if (holder === HolderKind.CARRIER && !carrierKind) {
      throw AppException.field(ErrorCode.VALIDATION_FAILED, 'carrierKind', '载体类认定必须指定载体种类 carrierKind (carrier-held types name the carrier kind)');
    }
    if (holder === HolderKind.ENTERPRISE && carrierKind) {
      throw AppException.field(ErrorCode.VALIDATION_FAILED, 'carrierKind', '企业类认定不填载体种类 carrierKind (only carrier-held types)');
    }
    if (from && to && to < from) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'effectiveTo', '停用日期不能早于启用日期 (effectiveTo before effectiveFrom)');
  }
}

/**
 * The checks a recognition of type `code` at `level`, held by a `holder`, taking effect on `on`, must pass
 * against the catalogue: the type exists, is in force that day, has the level, and is held by that kind.
 * Returns the type; throws 400 with the field otherwise. Shared by the API and the importer (which turns
 * the message into a row error).
 */
export function checkAgainstCatalogue(types: Map<string, RecognitionTypeEntity>, code: string, level: string, holder: HolderKind, on: string): RecognitionTypeEntity {
  const type = types.get(code);
  if (!type) {
    const known = [...types.values()].map((t) => `${t.name} ${t.code}`).join('、');
    throw AppException.field(ErrorCode.VALIDATION_FAILED, 'type', `认定类型 ${code} 不在认定类型目录中,可选:${known} (unknown recognition type)`);
  }
  if ((type.effectiveFrom && on < type.effectiveFrom) || (type.effectiveTo && on > type.effectiveTo)) {
    throw AppException.field(
      ErrorCode.VALIDATION_FAILED,
      'type',
      `认定类型“${type.name}”的适用期为 ${type.effectiveFrom ?? '不限'} 至 ${type.effectiveTo ?? '不限'},${on} 不在其中 (type not in force on that date)`,
    );
  }
  if (!type.levels.includes(level)) {
    const allowed = type.levels.map((l) => `${DESIGNATION_LEVEL_LABELS[l as DesignationLevel] ?? l} ${l}`).join('、');
    throw AppException.field(ErrorCode.VALIDATION_FAILED, 'level', `“${type.name}”没有级别 ${level},可选:${allowed} (level not allowed for the type)`);
  }
  if (type.holderKind !== holder) {
    const field = holder === HolderKind.CARRIER ? 'carrierId' : 'enterpriseId';
    const want = type.holderKind === HolderKind.CARRIER ? '载体(carrierId)' : '企业(enterpriseId)';
    throw AppException.field(ErrorCode.VALIDATION_FAILED, field, `“${type.name}”由${want}持有 (holder kind ${type.holderKind})`);
  }
  return type;
}
