import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client.ts';

export const districtKeys = {
  all: ['districts'] as const,
};

export function districtsQueryOptions() {
  return queryOptions({
    queryKey: districtKeys.all,
    queryFn: ({ signal }) => apiRequest('listDistricts', { signal }),
  });
}
