import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, ErrorCode } from '@app/core';

import { FiguresDto, PutFiguresDto } from '../dto/figures.dto';
import { EnterpriseFigureEntity } from '../entities/enterprise-figure.entity';
import { EnterpriseEntity } from '../entities/enterprise.entity';
import { EnterpriseService } from './enterprise.service';

const MONEY_FIELDS = ['operatingRevenueYuan', 'industrialOutputYuan', 'taxPaidYuan', 'rdSpendYuan', 'valueAddedYuan'] as const;

@Injectable()
export class FiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly enterprises: EnterpriseService,
  ) {}

  async list(actor: Actor, enterpriseId: string): Promise<FiguresDto[]> {
    const enterprise = await this.enterprises.findInScope(this.dataSource.manager, actor, enterpriseId);
    const rows = await this.dataSource.getRepository(EnterpriseFigureEntity).find({ where: { enterpriseId }, order: { year: 'DESC', quarter: 'ASC' } });
    return rows.map((row) => FiguresDto.from(row, enterprise.landAreaMu));
  }

  async get(actor: Actor, enterpriseId: string, year: number, quarter = 0): Promise<FiguresDto> {
    const enterprise = await this.enterprises.findInScope(this.dataSource.manager, actor, enterpriseId);
    const row = await this.dataSource.getRepository(EnterpriseFigureEntity).findOneBy({ enterpriseId, year, quarter });
    if (!row) throw AppException.notFound(ErrorCode.NOT_FOUND, `${enterprise.name} 尚无 ${year} 年${quarter ? `第 ${quarter} 季度` : ''}数据 (no figures for this period)`);
    return FiguresDto.from(row, enterprise.landAreaMu);
  }

  /** Creates or replaces one period's figures; replacing needs the version read (no lost updates). */
  async put(actor: Actor, enterpriseId: string, year: number, quarter: number, dto: PutFiguresDto): Promise<{ figures: FiguresDto; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const enterprise = await this.enterprises.findInScope(manager, actor, enterpriseId, true);
      return this.applyPut(manager, actor, enterprise, year, quarter, dto);
    });
  }

  /** Writes one period on an enterprise row the caller has locked and scope-checked (also used by change-request approval). */
  async applyPut(
    manager: EntityManager,
    actor: Actor,
    enterprise: EnterpriseEntity,
    year: number,
    quarter: number,
    dto: PutFiguresDto,
    entry: { after?: object } = {},
  ): Promise<{ figures: FiguresDto; created: boolean }> {
    const enterpriseId = enterprise.id;
    if (enterprise.archived) throw AppException.conflict(ErrorCode.ENTERPRISE_ARCHIVED, '企业已归档,不能修改 (enterprise is archived)');
    const existing = await manager.findOne(EnterpriseFigureEntity, { where: { enterpriseId, year, quarter }, lock: { mode: 'pessimistic_write' } });
    if (existing && dto.version === undefined) {
      throw AppException.conflict(ErrorCode.VERSION_CONFLICT, `该期数据已存在,请带上读取到的 version(当前 ${existing.version})再提交 (version required)`, {
        currentVersion: existing.version,
      });
    }
    if (existing && existing.version !== dto.version) throw AppException.versionConflict('该期数据', dto.version!, existing.version);
    const before = existing ? FiguresDto.from(existing, enterprise.landAreaMu) : null;
    const row = existing ?? manager.create(EnterpriseFigureEntity, { enterpriseId, year, quarter });
    for (const key of MONEY_FIELDS) row[key] = dto[key] === undefined || dto[key] === null ? null : dto[key]!.toFixed(2);
    row.employees = dto.employees ?? null;
    row.energyUseTce = dto.energyUseTce === undefined || dto.energyUseTce === null ? null : dto.energyUseTce.toFixed(3);
    const saved = await manager.save(row);
    const figures = FiguresDto.from(saved, enterprise.landAreaMu);
    await this.audit.record(manager, actor, {
      action: existing ? 'figures.update' : 'figures.create',
      entityType: 'enterprise_figure',
      entityId: saved.id,
      before,
      after: { ...figures, ...entry.after },
      enterpriseId,
    });
    return { figures, created: !existing };
  }
}
