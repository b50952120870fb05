// Starts cognito-local with one JSON log record a line on stdout, written while the request is
// still being served, so that the local stack sees every verification and reset code.
// (The stock launcher's pretty printer can fall behind and drop records.)
'use strict';
const pino = require('pino');
const { createDefaultServer } = require('cognito-local');

const stdout = { write: (record) => process.stdout.write(record) };
const logger = pino({ level: 'info', base: undefined }, stdout);

createDefaultServer(logger)
  .then((server) => server.start())
  .then((server) => {
    const address = server.address();
    logger.info(`cognito-local ready on http://${address.address}:${address.port}`);
  })
  .catch((error) => {
    logger.error(error);
    process.exit(1);
  });
