import { Module } from '@nestjs/common';

import { EvaluationModule } from '@app/evaluation';

import { SeedService } from './seed.service';

@Module({ imports: [EvaluationModule], providers: [SeedService], exports: [SeedService] })
export class SeedingModule {}
