// Jest's globalSetup runs outside its module registry, so moduleNameMapper does not apply there.
import { register } from 'tsconfig-paths';
import { join } from 'node:path';

import tsconfig from '../../tsconfig.json';

register({ baseUrl: join(__dirname, '../..'), paths: tsconfig.compilerOptions.paths });
