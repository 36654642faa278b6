import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIST_LABEL, reportLabel } from '../../server/src/model/reportLabel';
import { rebuildReportsSection } from '../../server/src/commands/regenerateIndex';

test('a link label writes the number as the report folder does, padded or not', () => {
  assert.equal(reportLabel({ number: 3, title: 'Pump failure' }, { padded: false }), '3: Pump failure');
  assert.equal(reportLabel({ number: 3, title: 'Pump failure' }, { padded: true }), '0003: Pump failure');
  assert.equal(reportLabel({ number: 12345, title: 'Big' }, { padded: true }), '12345: Big');
});

test('a report without a number is named by its title; lists name untitled reports', () => {
  assert.equal(reportLabel({ title: 'Checkout outage' }, LIST_LABEL), 'Checkout outage');
  assert.equal(reportLabel({}, LIST_LABEL), '(untitled)');
  assert.equal(reportLabel({ number: 7 }, LIST_LABEL), '0007: (untitled)');
  assert.equal(reportLabel({ number: 7 }, { padded: false }), '7: ');
});

test('the regenerated index lists reports as `N: Title` links', () => {
  const readme = rebuildReportsSection('# Reports\n\n## Reports\n\n- old\n', [{ number: 2, title: 'Second', fileName: '0002-second.md' }, { number: 1, title: 'First', fileName: '0001-first.md' }], false);
  assert.equal(readme, '# Reports\n\n## Reports\n\n- [1: First](./0001-first.md)\n- [2: Second](./0002-second.md)\n');
});
