import type { ComponentType, ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Catalog, Catalogs } from '../shared/i18n.js';

/** An entry of the sidebar (desktop) and the bottom bar (phones). */
export interface NavItem {
  /** Absolute path the item opens; it is shown as active for every path below it too. */
  path: string;
  /** Namespaced i18n key, `org:nav.directory`. */
  labelKey: string;
  icon: ReactNode;
  /** Shown only to members holding one of these roles; everybody when absent. */
  roles?: string[];
  /** Stable hook for the browser tests. */
  testId: string;
  /** A live count next to the label (unread messages …); rendered inside the signed-in layout. */
  Badge?: ComponentType;
}

/**
 * A tab of the admin console (`/admin/<key>`). The shell gathers every module's tabs, shows
 * each to the roles it names and orders them by `order`, so a new module (audit, jobs, Base)
 * adds its console page without the org module knowing about it.
 */
export interface AdminTab {
  key: string;
  /** Namespaced i18n key of the tab's label. */
  labelKey: string;
  roles: string[];
  order: number;
  Component: ComponentType;
}

/** An entry of the account menu (my status …): a live label and what a click does. */
export interface AccountMenuItem {
  key: string;
  Label: ComponentType<{ userId: string }>;
  onClick: () => void;
}

/**
 * What a module contributes to the web app. apps/web/src/modules.ts lists every module
 * explicitly; the shell mounts the routes, builds the navigation and loads the catalogs
 * (namespace = `id`).
 */
export interface ClientModule {
  id: string;
  /** Pages inside the signed-in layout (paths relative to `/`). */
  routes: RouteObject[];
  /** Pages shown without signing in (setup, sign-in, invite acceptance). */
  publicRoutes?: RouteObject[];
  nav: NavItem[];
  /** Tabs of the admin console; the shell mounts `/admin/:tab?` when any module has one. */
  adminTabs?: AdminTab[];
  i18n: Catalogs<Catalog>;
  /** Entries of the account menu, above Settings. */
  accountMenu?: AccountMenuItem[];
  /** Wraps the signed-in layout: for app-wide overlays such as the contact card. */
  Provider?: ComponentType<{ children: ReactNode }>;
}
