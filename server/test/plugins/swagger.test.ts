// The OpenAPI document at /docs/json is what client generators read: it must be a valid OpenAPI 3.1
// document (checked by a real validator), and a parameter with a default is not required.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { buildTestApp, type TestApp } from '../helpers.ts';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { default?: unknown };
}
type Document = { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };

let t: TestApp;
let document: Document;
before(async () => {
  t = await buildTestApp('pglite', { redis: false });
  document = (await t.app.inject('/docs/json')).json();
});
after(() => t.close());

test('/docs/json is a valid OpenAPI document', async () => {
  const result = await new Validator().validate(structuredClone(document) as Parameters<Validator['validate']>[0]);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2)?.slice(0, 2000));
});

test('every schema in it compiles as JSON Schema 2020-12, the dialect of OpenAPI 3.1', () => {
  // The OpenAPI validator checks the document's structure; schemas are checked here by Ajv's 2020-12 build.
  const ajv = new Ajv2020({ strict: true, strictTypes: false, allowUnionTypes: true });
  let compiled = 0;
  const visit = (node: unknown, where: string): void => {
    if (node === null || typeof node !== 'object') return;
    for (const [name, value] of Object.entries(node)) {
      if (name === 'schema' && value && typeof value === 'object') {
        try {
          ajv.compile(value);
          compiled++;
        } catch (error) {
          assert.fail(`${where}: ${(error as Error).message}`);
        }
      } else visit(value, `${where}/${name}`);
    }
  };
  visit(document.paths, '#/paths');
  assert.ok(compiled > 20, `${compiled} schemas compiled`);
});

test('parameters with a default are optional; the required ones have none', () => {
  const choropleth = document.paths['/api/geo/choropleth']!.get!.parameters!;
  const byName = new Map(choropleth.map((parameter) => [parameter.name, parameter]));
  for (const name of ['detail', 'format', 'time']) {
    assert.notEqual(byName.get(name)?.required, true, `${name} has a default, so it is not required`);
    assert.ok(byName.get(name)?.schema?.default !== undefined, `${name} documents its default`);
  }
  assert.equal(byName.get('mode')?.required, true);
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      for (const parameter of operation.parameters ?? []) {
        if (parameter.required && parameter.in === 'query') {
          assert.equal(parameter.schema?.default, undefined, `${method} ${path} ${parameter.name}`);
        }
      }
    }
  }
});

test('the time series tuple is a 2020-12 tuple (prefixItems), as OpenAPI 3.1 requires', () => {
  const text = JSON.stringify(document);
  assert.doesNotMatch(text, /"additionalItems"/);
  assert.doesNotMatch(text, /"items":\[/);
  assert.match(text, /"prefixItems":\[/);
});
