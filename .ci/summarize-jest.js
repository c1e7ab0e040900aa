// Reads jest's --json results, names what was skipped, and prints the one line CI reads.
const { readFileSync, existsSync } = require('node:fs');
const { relative } = require('node:path');

const file = process.argv[2];
if (!existsSync(file)) {
  console.log('jest wrote no results: the test run did not complete');
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
const results = JSON.parse(readFileSync(file, 'utf8'));
const brokenSuites = results.testResults.filter(
  (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
);
const skipped = results.testResults.flatMap((suite) =>
  suite.assertionResults
    .filter((test) => test.status === 'pending' || test.status === 'skipped' || test.status === 'todo')
    .map((test) => `${relative(process.cwd(), suite.name)}: ${test.fullName}`),
);
for (const suite of brokenSuites) console.log(`suite could not run: ${relative(process.cwd(), suite.name)}`);
for (const name of skipped) console.log(`skipped: ${name}`);

const failed = results.numFailedTests + brokenSuites.length;
console.log(`${results.numPassedTests} passed, ${failed} failed, ${skipped.length} skipped`);
process.exit(failed > 0 ? 1 : 0);
