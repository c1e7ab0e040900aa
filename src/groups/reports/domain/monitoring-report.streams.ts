/** One stream per monitoring report: its discussion and what it became live with it. */
export const monitoringReportStream = (reportId: string): string => `monitoring-report-${reportId}`;
