import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { ProgrammeDto } from '../dto/project.dto';
import { ProjectProgrammeEntity } from '../entities/project-programme.entity';

@Injectable()
export class ProgrammeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<ProgrammeDto[]> {
    const rows = await this.dataSource.manager.find(ProjectProgrammeEntity, { order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map((r) => ({ code: r.code, name: r.name, description: r.description }));
  }
}
