// Starts cognito-local with one JSON log record a line on stdout, written while the request is
// still being served, so that the local stack sees every verification and reset code.
// (The stock launcher's pretty printer can fall behind and drop records.)
//
// It also adds ResendConfirmationCode, which cognito-local lacks: a new code for an unconfirmed
// user, delivered like the sign-up code, as Cognito does.
//
// And AdminUserGlobalSignOut, also missing: every refresh token of the user is revoked, so that
// REFRESH_TOKEN_AUTH with any of them fails afterwards, as in Cognito.
'use strict';
const pino = require('pino');
const { createDefaultServer } = require('cognito-local');
const { Targets } = require('cognito-local/lib/targets/targets');
const errors = require('cognito-local/lib/errors');
const { attributeValue } = require('cognito-local/lib/services/userPoolService');

Targets.ResendConfirmationCode = ({ cognito, clock, messages, otp }) => async (ctx, req) => {
  const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
  const user = await userPool.getUserByUsername(ctx, req.Username);
  if (!user) {
    throw new errors.UserNotFoundError();
  }
  if (user.UserStatus === 'CONFIRMED') {
    throw new errors.InvalidParameterError('User is already confirmed.');
  }
  const email = attributeValue('email', user.Attributes);
  if (!email) {
    throw new errors.InvalidParameterError('User has no e-mail address to send a code to');
  }
  const deliveryDetails = { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: email };
  const code = otp();
  await messages.deliver(ctx, 'SignUp', req.ClientId, userPool.options.Id, user, code, req.ClientMetadata, deliveryDetails);
  await userPool.saveUser(ctx, { ...user, UserLastModifiedDate: clock.get(), ConfirmationCode: code });
  return { CodeDeliveryDetails: deliveryDetails };
};

Targets.AdminUserGlobalSignOut = ({ cognito, clock }) => async (ctx, req) => {
  const userPool = await cognito.getUserPool(ctx, req.UserPoolId);
  const user = await userPool.getUserByUsername(ctx, req.Username);
  if (!user) {
    throw new errors.UserNotFoundError('User does not exist.');
  }
  await userPool.saveUser(ctx, { ...user, UserLastModifiedDate: clock.get(), RefreshTokens: [] });
  return {};
};

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
