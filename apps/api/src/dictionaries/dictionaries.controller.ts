import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Permission, RequirePermission } from '@app/auth';

import { DictionaryDto, FieldLabelDto } from './dictionary.dto';
import { DictionaryService } from './dictionary.service';

@ApiTags('reference')
@ApiExtraModels(FieldLabelDto)
@Controller('dictionaries')
export class DictionariesController {
  constructor(private readonly dictionaries: DictionaryService) {}

  /** The Chinese label of every enum value, audit action, audited entity type and editable field the API exposes */
  @Get()
  @RequirePermission(Permission.REFERENCE_READ)
  @ApiOkResponse({ type: DictionaryDto })
  get(): Promise<DictionaryDto> {
    return this.dictionaries.get();
  }
}
