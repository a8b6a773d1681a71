// The TypeScript client generated from the merged OpenAPI document (typescript-fetch), driven through the gateway of
// the packaged stack that TypeScriptClientIT started with the demo data: what a ministry app or a provincial system
// written in TypeScript does. Run with Node's own test runner (node --test); the environment names the gateway and
// the demo tokens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Configuration, FlagsApi, IndicatorsApi, ProblemFromJSON, ResponseError, ScoresApi, SubmissionsApi, TargetsApi,
    ZonesApi,
} from '../../../target/typescript-client';

const gateway = required('GATEWAY_URL');
const analyst = new Configuration({ basePath: gateway, accessToken: required('ANALYST_TOKEN') });
const submitter = new Configuration({ basePath: gateway, accessToken: required('SUBMITTER_320000_TOKEN') });

function required(name: string): string {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set`);
    }
    return value;
}

test('lists the zones of a province', async () => {
    const page = await new ZonesApi(analyst).listZones({ province: '320000', size: 100 });
    assert.ok(page.items!.some(zone => zone.code === 'SUZHOU-IP' && zone.name === '苏州工业园区'));
    assert.ok(page.items!.every(zone => zone.province === '320000'));
});

test('reads the indicator catalogue of a zone type', async () => {
    const indicators = await new IndicatorsApi(analyst).listIndicators({ zoneType: 'ETDZ' });
    const gdp = indicators.find(indicator => indicator.code === 'GDP');
    assert.equal(gdp?.unit, '亿元');
    assert.equal(gdp?.required, true);
});

test('submits with an idempotency key, and a retry is answered as a replay', async () => {
    const submissions = new SubmissionsApi(submitter);
    const request = {
        idempotencyKey: `ts-client-${Date.now()}`,
        submissionRequest: {
            zone: 'SUZHOU-IP', period: '2016',
            values: [{ indicator: 'GDP', value: 2210.5 }, { indicator: 'TAX', value: 330.1 }, { indicator: 'EMPLOYEES', value: 82.4 }],
        },
    };
    const first = await submissions.submitValuesRaw(request);
    assert.equal(first.raw.status, 201);
    const stored = await first.value();
    const retry = await submissions.submitValuesRaw(request);
    assert.equal(retry.raw.headers.get('Idempotency-Replayed'), 'true');
    assert.equal((await retry.value()).id, stored.id);
    assert.equal(stored.zone, 'SUZHOU-IP');
    assert.ok(stored.revision! >= 1);
});

test('reads a 422 problem and its violations as typed objects', async () => {
    const submissions = new SubmissionsApi(submitter);
    let rejected: unknown;
    try {
        await submissions.submitValues({
            submissionRequest: { zone: 'SUZHOU-IP', period: '2016', values: [{ indicator: 'GDP', value: -5 }] },
        });
    } catch (error) {
        rejected = error;
    }
    if (!(rejected instanceof ResponseError)) {
        throw new Error(`expected a ResponseError, got ${String(rejected)}`);
    }
    assert.equal(rejected.response.status, 422);
    assert.match(rejected.response.headers.get('Content-Type') ?? '', /application\/problem\+json/);
    const problem = ProblemFromJSON(await rejected.response.json());
    assert.equal(problem.status, 422);
    const fields = problem.violations!.map(violation => violation.field);
    assert.ok(fields.includes('values[0].value'), `violations: ${JSON.stringify(problem.violations)}`);
    assert.ok(problem.violations!.every(violation => violation.code && violation.message));
});

test('reads a ranking, an explanation, the flags and the targets', async () => {
    const scores = new ScoresApi(analyst);
    const ranking = await scores.getRanking({ period: '2015', zoneType: 'ETDZ', size: 10 });
    assert.ok(ranking.items!.length > 0 && ranking.items!.length <= 10);
    assert.equal(ranking.items![0].nationalRank, 1);

    const explanation = await scores.getZoneScoreExplanation({ zone: 'SUZHOU-IP', period: '2015' });
    assert.equal(explanation.score!.zone, 'SUZHOU-IP');
    assert.equal(explanation.pillars!.length, 5);
    const contributions = explanation.pillars!.reduce((sum, pillar) => sum + (pillar.compositeContribution ?? 0), 0);
    assert.ok(Math.abs(contributions - explanation.score!.composite!) < 1e-6, 'pillar contributions add up to the composite');

    const flags = await new FlagsApi(analyst).listFlags({ period: '2015' });
    assert.ok(Array.isArray(flags));

    const targets = await new TargetsApi(analyst).getTargetAttainment({ period: '2015', zoneType: 'ETDZ' });
    assert.ok(targets.aggregate!.some(line => line.indicator === 'GDP' && line.target2015 === 53000));
});
