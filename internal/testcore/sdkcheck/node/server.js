// Minimal supertokens-node backend used to check the testcore stand-in against the real Node
// SDK. Reads CORE_URL and PORT from the environment and listens on 127.0.0.1:PORT. The routes
// besides /auth/* match the Go and Python checks, so one Go test drives all three.
"use strict";

const express = require("express");
const supertokens = require("supertokens-node");
const Session = require("supertokens-node/recipe/session");
const EmailPassword = require("supertokens-node/recipe/emailpassword");
const EmailVerification = require("supertokens-node/recipe/emailverification");
const Passwordless = require("supertokens-node/recipe/passwordless");
const UserRoles = require("supertokens-node/recipe/userroles");
const Multitenancy = require("supertokens-node/recipe/multitenancy");
const { middleware, errorHandler } = require("supertokens-node/framework/express");
const { verifySession } = require("supertokens-node/recipe/session/framework/express");

const coreURL = process.env.CORE_URL;
const port = process.env.PORT;
if (!coreURL || !port) {
  console.error("sdkcheck-node: CORE_URL and PORT must be set");
  process.exit(1);
}

supertokens.init({
  framework: "express",
  supertokens: { connectionURI: coreURL },
  appInfo: {
    appName: "sdkcheck",
    apiDomain: `http://127.0.0.1:${port}`,
    websiteDomain: "http://127.0.0.1:3000",
  },
  telemetry: false,
  recipeList: [
    EmailPassword.init(),
    EmailVerification.init({
      mode: "OPTIONAL",
      emailDelivery: { service: { sendEmail: async () => {} } },
    }),
    Passwordless.init({
      flowType: "USER_INPUT_CODE_AND_MAGIC_LINK",
      contactMethod: "EMAIL_OR_PHONE",
      // The default delivery sends mail and SMS through SuperTokens' hosted service; the test
      // reads codes from the stand-in instead.
      emailDelivery: { service: { sendEmail: async () => {} } },
      smsDelivery: { service: { sendSms: async () => {} } },
    }),
    Session.init(),
    UserRoles.init(),
    Multitenancy.init(),
  ],
});

const app = express();
app.use(middleware());

app.get("/health", (req, res) => {
  res.send("ok\n");
});

function sessionInfo(req, res) {
  res.json({
    userId: req.session.getUserId(),
    sessionHandle: req.session.getHandle(),
    accessTokenPayload: req.session.getAccessTokenPayload(),
  });
}

app.get("/sessioninfo", verifySession(), sessionInfo);
app.get("/sessioninfo-db", verifySession({ checkDatabase: true }), sessionInfo);

// Creates the role "admin" with permission "read", gives it to the session's user and
// refreshes the role and permission claims in the access token.
app.post("/roles", verifySession(), async (req, res, next) => {
  try {
    await UserRoles.createNewRoleOrAddPermissions("admin", ["read"]);
    await UserRoles.addRoleToUser("public", req.session.getUserId(), "admin");
    await req.session.fetchAndSetClaim(UserRoles.UserRoleClaim);
    await req.session.fetchAndSetClaim(UserRoles.PermissionClaim);
    res.json({ accessTokenPayload: req.session.getAccessTokenPayload() });
  } catch (err) {
    next(err);
  }
});

app.get("/tenant", async (req, res, next) => {
  try {
    const tenant = await Multitenancy.getTenant("public");
    if (tenant === undefined) {
      res.status(404).send("tenant public not found\n");
      return;
    }
    res.json({ tenantId: tenant.tenantId });
  } catch (err) {
    next(err);
  }
});

app.use(errorHandler());
app.use((err, req, res, next) => {
  console.error("sdkcheck-node: request failed:", err);
  res.status(500).send(String(err));
});

app.listen(Number(port), "127.0.0.1", () => {
  console.log(`sdkcheck-node: listening on 127.0.0.1:${port}, core ${coreURL}`);
});
