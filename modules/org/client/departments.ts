import { type Key, useMemo, useState } from 'react';
import { useApiQuery } from '../../../platform/client/api.js';
import { type DepartmentView, listDepartments } from '../shared/contract.js';

/** A department with its children, shaped for antd's Tree and TreeSelect. */
export interface DepartmentNode {
  key: string;
  value: string;
  title: string;
  department: DepartmentView;
  children: DepartmentNode[];
}

/** Nests the flat list (parents come before children) into a forest; orphans become roots. */
export function buildDepartmentTree(items: DepartmentView[]): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>();
  const roots: DepartmentNode[] = [];
  for (const d of items) nodes.set(d.id, { key: d.id, value: d.id, title: d.name, department: d, children: [] });
  for (const d of items) {
    const node = nodes.get(d.id)!;
    const parent = d.parentId ? nodes.get(d.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The department tree, by id and nested, from one cached request. */
export function useDepartments() {
  const query = useApiQuery(listDepartments, undefined, { staleTime: 30_000 });
  const items = query.data?.items;
  const byId = useMemo(() => new Map((items ?? []).map((d) => [d.id, d])), [items]);
  const tree = useMemo(() => buildDepartmentTree(items ?? []), [items]);
  return { ...query, items: items ?? [], byId, tree };
}

/**
 * Tree expansion where everything starts open and new departments arrive open too
 * (antd's defaultExpandAll only applies to the first render): we remember what was closed.
 */
export function useExpandedKeys(allKeys: string[]) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  return {
    expandedKeys: allKeys.filter((k) => !collapsed.has(k)),
    onExpand: (keys: Key[]) => {
      const open = new Set(keys.map(String));
      setCollapsed(new Set(allKeys.filter((k) => !open.has(k))));
    },
  };
}
