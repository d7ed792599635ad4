import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { SorterResult } from 'antd/es/table/interface';

export interface ListParams {
  page: number;
  pageSize: number;
  sort?: string;
  filters: Record<string, string | undefined>;
}

const PAGE_SIZES = [10, 20, 50, 100];

function positive(v: string | null, fallback: number, max: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/**
 * List state kept in the URL query string (page, pageSize, sort and the named filters),
 * so a list can be bookmarked, shared and restored with the back button.
 */
export function useListParams(filterNames: readonly string[], defaultPageSize = 20) {
  const [search, setSearch] = useSearchParams();

  const names = filterNames.join(',');
  const params: ListParams = useMemo(() => {
    const filters: Record<string, string | undefined> = {};
    for (const name of names.split(',').filter(Boolean)) filters[name] = search.get(name) ?? undefined;
    return {
      page: positive(search.get('page'), 1, 100000),
      pageSize: positive(search.get('pageSize'), defaultPageSize, 200),
      sort: search.get('sort') ?? undefined,
      filters,
    };
  }, [search, names, defaultPageSize]);

  const update = useCallback(
    (changes: Record<string, string | number | undefined | null>, resetPage = true) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (resetPage && !('page' in changes)) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setSearch],
  );

  return { params, update, pageSizeOptions: PAGE_SIZES };
}

/** antd Table sorter → API sort string ("field" / "-field"), or undefined when unsorted. */
export function sortFromSorter<T>(sorter: SorterResult<T> | SorterResult<T>[]): string | undefined {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!s || !s.order) return undefined;
  const field = Array.isArray(s.field) ? s.field.join('.') : String(s.columnKey ?? s.field ?? '');
  if (!field) return undefined;
  return s.order === 'descend' ? `-${field}` : field;
}

/** API sort string → antd sortOrder for one column. */
export function sortOrderOf(sort: string | undefined, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}
