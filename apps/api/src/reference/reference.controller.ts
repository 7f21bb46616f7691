import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';

import { Permission, RequirePermission } from '@app/auth';
import { DistrictDto, IndustryDto, ReferenceService } from '@app/reference';

@ApiTags('reference')
@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  /** Districts, counties (GB/T 2260, retired codes included) and functional zones */
  @Get('districts')
  @RequirePermission(Permission.REFERENCE_READ)
  @ApiOkResponse({ type: [DistrictDto] })
  districts(): Promise<DistrictDto[]> {
    return this.reference.districts();
  }

  /** GB/T 4754-2017 industry codes; `parentCode=C` lists the manufacturing divisions */
  @Get('industries')
  @RequirePermission(Permission.REFERENCE_READ)
  @ApiQuery({ name: 'parentCode', required: false })
  @ApiOkResponse({ type: [IndustryDto] })
  industries(@Query('parentCode') parentCode?: string): Promise<IndustryDto[]> {
    return this.reference.industries(parentCode);
  }
}
