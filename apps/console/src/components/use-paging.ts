import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';

/**
 * Page number and size of a list page, and the table's pagination for a total: 20 rows to start, sizes to
 * choose, "共 N 条" in Chinese digit grouping. `setPage(1)` when a filter changes.
 */
export function usePaging(initialSize = 20) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialSize);
  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    showTotal: (t) => `共 ${t.toLocaleString('zh-CN')} 条`,
    onChange: (p, s) => {
      setPage(p);
      setPageSize(s);
    },
  });
  return { page, pageSize, setPage, pagination };
}
