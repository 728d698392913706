/**
 * How big the data set is. `province` and `national` are the sizes issue 7 names; `tiny` is
 * for tests (a few hundred assignments, two provinces and the central level).
 */
export interface Scale {
  name: string;
  /** Provinces, Lâm Đồng first. */
  provinces: number;
  /** Whether the central level (a tenant of kind central with its ministries) is generated. */
  central: boolean;
  ministries: number;
  /** Communes over all provinces. */
  communes: number;
  /** Departments (sở, ban, ngành and party boards) per province, at most the template's ~41. */
  departments: number;
  plansPerProvince: number;
  plansCentral: number;
  /** Tasks per province; when absent, derived from `assignments` and the province's size. */
  tasksPerProvince?: number;
  tasksPerCentralPlan: number;
  /** Assignments (groups expanded) over the whole data set, roughly. */
  assignments: number;
  /** Progress reports per assignment, on average. */
  reportsPerAssignment: number;
  /** Users over the whole data set, exactly; when absent, what the agency trees call for. */
  users?: number;
  /** Rows per INSERT. */
  batchSize: number;
}

export const scales = {
  tiny: {
    name: "tiny",
    provinces: 2,
    central: true,
    ministries: 4,
    communes: 12,
    departments: 12,
    plansPerProvince: 2,
    plansCentral: 1,
    tasksPerProvince: 40,
    tasksPerCentralPlan: 10,
    assignments: 600,
    reportsPerAssignment: 5,
    batchSize: 500,
  },
  province: {
    name: "province",
    provinces: 1,
    central: false,
    ministries: 0,
    communes: 100,
    departments: 41,
    plansPerProvince: 20,
    plansCentral: 0,
    tasksPerProvince: 5_000,
    tasksPerCentralPlan: 0,
    assignments: 60_000,
    reportsPerAssignment: 5,
    batchSize: 10_000,
  },
  national: {
    name: "national",
    provinces: 34,
    central: true,
    ministries: 30,
    communes: 3_321,
    departments: 41,
    plansPerProvince: 10,
    plansCentral: 4,
    tasksPerCentralPlan: 150,
    assignments: 1_000_000,
    reportsPerAssignment: 6,
    users: 10_000,
    batchSize: 10_000,
  },
} satisfies Record<string, Scale>;

export type ScaleName = keyof typeof scales;

export const isScaleName = (name: string): name is ScaleName => Object.hasOwn(scales, name);

/** The window the data covers: two years, and nothing after the as-of day. */
export const DATA_FROM = "2025-01-01";
export const DATA_TO = "2026-12-31";
