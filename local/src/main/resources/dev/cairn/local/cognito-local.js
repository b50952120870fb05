// Starts cognito-local with one JSON log record a line on stdout, written while the request is
// still being served, so that the local stack sees every verification and reset code.
// (The stock launcher's pretty printer can fall behind and drop records.)
//
// It also adds ResendConfirmationCode, which cognito-local lacks: a new code for an unconfirmed
// user, delivered like the sign-up code, as Cognito does; a confidential client's checks (below);
// AdminUserGlobalSignOut, also missing: every refresh token of the user is revoked, so that
// refreshing with any of them fails afterwards, as in Cognito; and AdminSetUserMFAPreference.
//
// A pre token generation trigger of event version two (PRE_TOKEN_GENERATION_V2) shapes the access
// token's scopes as Cognito applies them, and user APIs refuse an access token without the scope
// aws.cognito.signin.user.admin, as Cognito does.
//
// Tokens carry Cognito's origin_jti too: access and id tokens of one sign-in share it, and every
// token refreshed from that sign-in's refresh token keeps it; a new sign-in gets a new one.
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

// Cognito's rules for a confidential app client, which cognito-local does not check: every call
// that names a user carries SECRET_HASH = Base64(HMAC-SHA256(secret, username + clientId)) (of the
// name given or the user's own name), token calls carry the secret itself, and a client signs in
// only by the flows it allows (ExplicitAuthFlows). The server-side flow (AdminInitiateAuth and
// AdminRespondToAuthChallenge) is served by the same code as the public one, so TOTP challenges
// work alike; GetTokensFromRefreshToken is the refresh flow with the client secret.
const crypto = require('crypto');
const jwt = require('jsonwebtoken');
const original = { ...Targets };
const secretHash = (secret, username, clientId) =>
  crypto.createHmac('sha256', secret).update(username + clientId).digest('base64');

const requireSecretHash = async (services, ctx, clientId, username, hash) => {
  const client = await services.cognito.getAppClient(ctx, clientId);
  if (!client || !client.ClientSecret) {
    return;
  }
  const userPool = await services.cognito.getUserPoolForClientId(ctx, clientId);
  const user = username ? await userPool.getUserByUsername(ctx, username) : null;
  const names = [username, user && user.Username].filter(Boolean);
  if (!hash || !names.some((name) => secretHash(client.ClientSecret, name, clientId) === hash)) {
    throw new errors.NotAuthorizedError(`Unable to verify secret hash for client ${clientId}`);
  }
};

const requireClientSecret = async (services, ctx, clientId, secret) => {
  const client = await services.cognito.getAppClient(ctx, clientId);
  if (client && client.ClientSecret && client.ClientSecret !== secret) {
    throw new errors.NotAuthorizedError(`Unable to verify secret for client ${clientId}`);
  }
};

const requireFlow = async (services, ctx, clientId, flow) => {
  const client = await services.cognito.getAppClient(ctx, clientId);
  const allowed = (client && client.ExplicitAuthFlows) || [];
  if (allowed.length > 0 && !allowed.includes(`ALLOW_${flow}`)) {
    throw new errors.InvalidParameterError(`${flow} flow not enabled for this client`);
  }
};

const checked = (name, check) => (services) => {
  const handler = original[name](services);
  return async (ctx, req) => {
    await check(services, ctx, req);
    return handler(ctx, req);
  };
};

for (const name of ['SignUp', 'ConfirmSignUp', 'ResendConfirmationCode', 'ForgotPassword', 'ConfirmForgotPassword']) {
  Targets[name] = checked(name, (services, ctx, req) =>
    requireSecretHash(services, ctx, req.ClientId, req.Username, req.SecretHash));
}

Targets.InitiateAuth = checked('InitiateAuth', async (services, ctx, req) => {
  const flow = req.AuthFlow === 'REFRESH_TOKEN' ? 'REFRESH_TOKEN_AUTH' : req.AuthFlow;
  await requireFlow(services, ctx, req.ClientId, flow);
  const parameters = req.AuthParameters || {};
  if (flow !== 'REFRESH_TOKEN_AUTH') {
    await requireSecretHash(services, ctx, req.ClientId, parameters.USERNAME, parameters.SECRET_HASH);
  } else {
    const client = await services.cognito.getAppClient(ctx, req.ClientId);
    if (client && client.ClientSecret) {
      throw new errors.NotAuthorizedError(`Unable to verify secret hash for client ${req.ClientId}`);
    }
  }
});

Targets.RespondToAuthChallenge = checked('RespondToAuthChallenge', (services, ctx, req) => {
  const answers = req.ChallengeResponses || {};
  return requireSecretHash(services, ctx, req.ClientId, answers.USERNAME, answers.SECRET_HASH);
});

Targets.RevokeToken = checked('RevokeToken', (services, ctx, req) =>
  requireClientSecret(services, ctx, req.ClientId, req.ClientSecret));

Targets.AdminInitiateAuth = (services) => {
  const initiate = original.InitiateAuth(services);
  return async (ctx, req) => {
    if (req.AuthFlow !== 'ADMIN_USER_PASSWORD_AUTH' && req.AuthFlow !== 'ADMIN_NO_SRP_AUTH') {
      throw new errors.InvalidParameterError(`AdminInitiateAuth with AuthFlow=${req.AuthFlow} is not served here`);
    }
    await requireFlow(services, ctx, req.ClientId, 'ADMIN_USER_PASSWORD_AUTH');
    const parameters = req.AuthParameters || {};
    await requireSecretHash(services, ctx, req.ClientId, parameters.USERNAME, parameters.SECRET_HASH);
    return initiate(ctx, { ...req, AuthFlow: 'USER_PASSWORD_AUTH' });
  };
};

Targets.AdminRespondToAuthChallenge = checked('RespondToAuthChallenge', (services, ctx, req) => {
  const answers = req.ChallengeResponses || {};
  return requireSecretHash(services, ctx, req.ClientId, answers.USERNAME, answers.SECRET_HASH);
});

Targets.GetTokensFromRefreshToken = (services) => {
  const initiate = original.InitiateAuth(services);
  return async (ctx, req) => {
    await requireFlow(services, ctx, req.ClientId, 'REFRESH_TOKEN_AUTH');
    await requireClientSecret(services, ctx, req.ClientId, req.ClientSecret);
    const result = await initiate(ctx, {
      ClientId: req.ClientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: req.RefreshToken },
    });
    return { AuthenticationResult: result.AuthenticationResult };
  };
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

// AdminSetUserMFAPreference, which cognito-local lacks: the API turns a user's TOTP on and off with
// its own role, by the rules of SetUserMFAPreference (TOTP is turned on only once verified).
Targets.AdminSetUserMFAPreference = ({ cognito, clock }) => async (ctx, req) => {
  const userPool = await cognito.getUserPool(ctx, req.UserPoolId);
  const user = await userPool.getUserByUsername(ctx, req.Username);
  if (!user) {
    throw new errors.UserNotFoundError('User does not exist.');
  }
  const software = req.SoftwareTokenMfaSettings;
  if (software && software.Enabled && !(user.SoftwareTokenMfaConfiguration || {}).Verified) {
    throw new errors.InvalidParameterError('User has not verified software token MFA');
  }
  const methods = new Set(user.UserMFASettingList || []);
  if (software) {
    if (software.Enabled) {
      methods.add('SOFTWARE_TOKEN_MFA');
    } else {
      methods.delete('SOFTWARE_TOKEN_MFA');
    }
  }
  const preferred = software && software.PreferredMfa ? 'SOFTWARE_TOKEN_MFA' : undefined;
  await userPool.saveUser(ctx, {
    ...user,
    UserLastModifiedDate: clock.get(),
    UserMFASettingList: [...methods],
    PreferredMfaSetting: preferred,
  });
  return {};
};

// Cognito's user APIs, authorized by the user's own access token, answer only a token that carries
// the scope aws.cognito.signin.user.admin (a V2 pre token generation trigger may suppress it);
// cognito-local does not check scopes at all. A token without it is refused as Cognito refuses it.
const USER_API_SCOPE = 'aws.cognito.signin.user.admin';
const requireUserApiScope = (accessToken) => {
  if (!accessToken) {
    return;
  }
  const claims = jwt.decode(accessToken);
  const scopes = claims && typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (!scopes.includes(USER_API_SCOPE)) {
    throw new errors.NotAuthorizedError('Access Token does not have required scopes');
  }
};
for (const name of [
  'GetUser',
  'DeleteUser',
  'UpdateUserAttributes',
  'DeleteUserAttributes',
  'VerifyUserAttribute',
  'GetUserAttributeVerificationCode',
  'ChangePassword',
  'SetUserMFAPreference',
  'AssociateSoftwareToken',
  'VerifySoftwareToken',
  'GlobalSignOut',
]) {
  if (original[name]) {
    Targets[name] = checked(name, async (services, ctx, req) => requireUserApiScope(req.AccessToken));
  }
}

// Cognito's origin_jti, which cognito-local's token generator leaves out. A sign-in's origin is its
// refresh token's own jti; a refresh runs with the presented refresh token's jti as the origin, so
// the tokens it yields keep the sign-in's origin (cognito-local's refresh tokens are signed JWTs).
const { AsyncLocalStorage } = require('async_hooks');
const { JwtTokenGenerator } = require('cognito-local/lib/services/tokenGenerator');
const signingKey = require('cognito-local/lib/keys/cognitoLocal.private.json');
const refreshing = new AsyncLocalStorage();
const generate = JwtTokenGenerator.prototype.generate;
const withOrigin = (token, origin) =>
  jwt.sign({ ...jwt.decode(token), origin_jti: origin }, signingKey.pem, { algorithm: 'RS256', keyid: 'CognitoLocal' });
// A pre token generation trigger of event version two (PRE_TOKEN_GENERATION_V2 names the function),
// which cognito-local does not know (it sends version one events, for id tokens only): the function
// gets Cognito's V2 event and its answer's accessTokenGeneration scopes apply to the access token.
const preTokenGenerationV2 = process.env.PRE_TOKEN_GENERATION_V2;
let lambdaClient;
const invokeV2 = async (user, userPoolClient, clientMetadata, source, scopes) => {
  if (!lambdaClient) {
    const config = JSON.parse(require('fs').readFileSync('.cognito/config.json', 'utf8'));
    const { Lambda } = require('aws-sdk');
    lambdaClient = new Lambda(config.LambdaClient);
  }
  const userAttributes = Object.fromEntries((user.Attributes || []).map((a) => [a.Name, a.Value]));
  const event = {
    version: '2',
    triggerSource: `TokenGeneration_${source}`,
    region: 'local',
    userPoolId: userPoolClient.UserPoolId,
    userName: user.Username,
    callerContext: { awsSdkVersion: 'cognito-local', clientId: userPoolClient.ClientId },
    request: {
      userAttributes,
      scopes,
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] },
      clientMetadata: clientMetadata || {},
    },
    response: { claimsAndScopeOverrideDetails: null },
  };
  const result = await lambdaClient
    .invoke({ FunctionName: preTokenGenerationV2, InvocationType: 'RequestResponse', Payload: JSON.stringify(event) })
    .promise();
  if (result.FunctionError) {
    throw new errors.UserLambdaValidationError(`PreTokenGeneration failed with error ${result.FunctionError}.`);
  }
  const response = JSON.parse(result.Payload).response || {};
  return ((response.claimsAndScopeOverrideDetails || {}).accessTokenGeneration) || {};
};
const withScopes = async (claims, user, userPoolClient, clientMetadata, source) => {
  if (!preTokenGenerationV2) {
    return claims;
  }
  const scopes = (claims.scope || '').split(' ').filter(Boolean);
  const access = await invokeV2(user, userPoolClient, clientMetadata, source, scopes);
  const suppressed = new Set(access.scopesToSuppress || []);
  const kept = [...scopes, ...(access.scopesToAdd || [])].filter((s, i, all) => !suppressed.has(s) && all.indexOf(s) === i);
  const { scope, ...rest } = claims;
  return kept.length > 0 ? { ...rest, scope: kept.join(' ') } : rest;
};
const signed = (claims) => jwt.sign(claims, signingKey.pem, { algorithm: 'RS256', keyid: 'CognitoLocal' });
JwtTokenGenerator.prototype.generate = async function (ctx, user, userGroups, userPoolClient, clientMetadata, source) {
  const tokens = await generate.apply(this, [ctx, user, userGroups, userPoolClient, clientMetadata, source]);
  const origin = refreshing.getStore() || jwt.decode(tokens.RefreshToken).jti;
  const access = await withScopes(
    { ...jwt.decode(tokens.AccessToken), origin_jti: origin }, user, userPoolClient, clientMetadata, source);
  return { ...tokens, AccessToken: signed(access), IdToken: withOrigin(tokens.IdToken, origin) };
};
const presentedOrigin = (refreshToken) => {
  const claims = refreshToken ? jwt.decode(refreshToken) : null;
  return (claims && claims.jti) || 'unknown';
};
for (const name of ['InitiateAuth', 'GetTokensFromRefreshToken']) {
  const target = Targets[name];
  Targets[name] = (services) => {
    const handler = target(services);
    return (ctx, req) => {
      const refreshToken = req.RefreshToken || (req.AuthParameters || {}).REFRESH_TOKEN;
      if (!refreshToken) {
        return handler(ctx, req);
      }
      return refreshing.run(presentedOrigin(refreshToken), () => handler(ctx, req));
    };
  };
}

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
