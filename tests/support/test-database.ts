// Shared by the global setup (which prepares the template) and the environment (which clones it).
export const TEMPLATE_DATABASE = "billetterie_test_template";

/** Set by the global setup for the test workers: the URL of the server's maintenance database. */
export const ADMIN_URL_VARIABLE = "BILLETTERIE_TEST_ADMIN_URL";

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
