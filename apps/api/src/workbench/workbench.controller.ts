import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import type { Actor } from '@app/core';

import { WorkbenchDto } from './workbench.dto';
import { WorkbenchService } from './workbench.service';

@ApiTags('workbench')
@Controller('workbench')
export class WorkbenchController {
  constructor(private readonly workbench: WorkbenchService) {}

  /**
   * The 工作台: change requests waiting, recognitions expiring within 90 days, MANUAL quota lines not
   * reported, the quarter-end freeze, and designations held against the current plan's targets — in the caller's scope
   */
  @Get()
  @RequirePermission(Permission.WORKBENCH_READ)
  @ApiOkResponse({ type: WorkbenchDto })
  summary(@CurrentActor() actor: Actor): Promise<WorkbenchDto> {
    return this.workbench.summary(actor);
  }
}
