import { useQuery } from '@tanstack/react-query';

import { api, unwrap } from './client';

/** The header badge: unread messages, refreshed every minute and after reading. */
export function useUnreadCount() {
  const query = useQuery({ queryKey: ['notifications', 'unread'], refetchInterval: 60_000, queryFn: () => unwrap(api.GET('/api/v1/notifications/unread-count')) });
  return query.data?.unread ?? 0;
}
