import { INestApplicationContext } from '@nestjs/common';

import { UsersService } from '@app/auth';
import { Role, SYSTEM_ACTOR } from '@app/core';

import { requireOption, UsageError } from '../args';

const list = (value: string | true | undefined) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** `user create --username U --password P --role ROLE [--districts 330211,330206] [--enterprises id,id] [--name 张三]` */
export async function userCreateCommand(app: INestApplicationContext, options: Record<string, string | true>, print: (line: string) => void) {
  const role = requireOption(options, 'role') as Role;
  if (!Object.values(Role).includes(role)) throw new UsageError(`--role must be one of ${Object.values(Role).join(', ')}`);
  const user = await app.get(UsersService).create(SYSTEM_ACTOR, {
    username: requireOption(options, 'username'),
    password: requireOption(options, 'password'),
    role,
    displayName: typeof options.name === 'string' ? options.name : undefined,
    districtCodes: list(options.districts),
    enterpriseIds: list(options.enterprises),
  });
  print(`created user ${user.username} (${user.roleLabel}) id=${user.id}`);
}
