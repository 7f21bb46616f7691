import { keepPreviousData, queryOptions } from '@tanstack/react-query';

import { api, Schemas, unwrap } from '../../api/client';

/** The query form's values as saved views store them: `industry` is the cascader's path, `aboveScale` 'true' | 'false'. */
export type EnterpriseFilters = Record<string, unknown>;

/** The form's values → the API's query (shared by the table, the export and saved views). */
export function enterpriseQuery(values: EnterpriseFilters) {
  const industry = values.industry as string[] | undefined;
  return {
    q: (values.q as string | undefined)?.trim() || undefined,
    districtCode: (values.districtCode as string | undefined) || undefined,
    industryCode: industry?.length ? industry[industry.length - 1] : undefined,
    designationType: (values.designationType as Schemas['DesignationType'] | undefined) || undefined,
    designationStatus: (values.designationStatus as Schemas['DesignationStatus'] | undefined) || undefined,
    chainId: (values.chainId as string | undefined) || undefined,
    aboveScale: values.aboveScale === undefined || values.aboveScale === null ? undefined : values.aboveScale === 'true',
    archived: values.archived === 'archived' ? true : undefined,
    includeArchived: values.archived === 'all' ? true : undefined,
  };
}

/**
 * One page of the list: `after` is the previous page's `meta.nextCursor` when paging forward (keyset,
 * as fast at any depth). `trail` keeps the `after` each page of these filters was read with, so going
 * back to a page seen before reads it by the same cursor (and from the query cache), not by OFFSET.
 */
export interface ListPage {
  filters: EnterpriseFilters;
  page: number;
  pageSize: number;
  after?: string;
  trail?: Record<number, string | undefined>;
}

export const FIRST_PAGE: ListPage = { filters: {}, page: 1, pageSize: 20 };

export const enterpriseListQuery = ({ filters, page, pageSize, after }: ListPage) => {
  const query = enterpriseQuery(filters);
  return queryOptions({
    queryKey: ['enterprises', 'list', query, page, pageSize, after ?? null],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/v1/enterprises', { params: { query: { ...query, page, pageSize, after } } })),
  });
};
