import { Module } from '@nestjs/common';

import { RegistryModule } from '@app/registry';

import { ProgrammeService } from './services/programme.service';
import { ProjectProgressService } from './services/project-progress.service';
import { ProjectQueryService } from './services/project-query.service';
import { ProjectService } from './services/project.service';

const SERVICES = [ProjectService, ProjectQueryService, ProjectProgressService, ProgrammeService];

@Module({ imports: [RegistryModule], providers: SERVICES, exports: SERVICES })
export class ProjectsModule {}
