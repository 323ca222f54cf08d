#!/usr/bin/env node
// Parses every *.json card in a directory with the official adaptivecards library (3.0.6) and prints a JSON
// report of every parse event and validation event. Exit 0 only when there are none at all: a warning
// (unknown property, too many actions...) means some client will show the card differently than we think.
//
// usage: node validate-cards.js <dir> [--host-config <file>]
//
// require('adaptivecards') fails in Node (the lib/ ESM build uses extension-less imports), so load the UMD
// bundle; parsing and validation need no DOM.
'use strict';

const fs = require('fs');
const path = require('path');
const AC = require(path.join(__dirname, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.js'));

function usage(message) {
  process.stderr.write(`${message}\nusage: node validate-cards.js <dir> [--host-config <file>]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const dir = args[0];
if (!dir || !fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) usage(`not a directory: ${dir}`);
const hostConfigIndex = args.indexOf('--host-config');
const hostConfig = hostConfigIndex > 0
  ? new AC.HostConfig(JSON.parse(fs.readFileSync(args[hostConfigIndex + 1], 'utf8')))
  : undefined;

function describe(event) {
  return {
    phase: AC.ValidationPhase[event.phase],
    event: AC.ValidationEvent[event.event],
    message: event.message,
    source: event.source && event.source.getJsonTypeName ? event.source.getJsonTypeName() : undefined,
    id: event.source ? event.source.id : undefined,
  };
}

function validate(file) {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const card = new AC.AdaptiveCard();
  if (hostConfig) card.hostConfig = hostConfig;
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) events.push(describe(context.getEventAt(i)));
  for (const event of card.validateProperties().validationEvents) events.push(describe(event));
  return events;
}

const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) usage(`no .json cards in ${dir}`);

const report = { cards: files.length, withEvents: 0, results: {} };
for (const name of files) {
  let events;
  try {
    events = validate(path.join(dir, name));
  } catch (error) {
    events = [{ phase: 'Load', event: 'Exception', message: String(error && error.message || error) }];
  }
  report.results[name] = events;
  if (events.length > 0) report.withEvents++;
}

process.stdout.write(JSON.stringify(report, null, 2) + '\n');
process.exit(report.withEvents === 0 ? 0 : 1);
