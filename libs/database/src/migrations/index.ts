import { Init1795715837212 } from './1795715837212-Init';
import { Cultivation1795717711859 } from './1795717711859-Cultivation';
import { QuotaPlans1795718035168 } from './1795718035168-QuotaPlans';

/** Every migration in order; a new one is generated with `npm run migration:generate` and added here. */
export const MIGRATIONS: Function[] = [Init1795715837212, Cultivation1795717711859, QuotaPlans1795718035168];
