import { DataSource } from 'typeorm';

import { dataSourceOptions } from './data-source.options';

// Used by the TypeORM CLI (`npm run migration:generate`); needs DATABASE_URL.
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required for the migration tool');
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL));
