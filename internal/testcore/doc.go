// Package testcore is an in-memory test double of the SuperTokens core HTTP API (the "CDI").
//
// It exists so that the backends this CLI generates can be exercised end to end without the real
// core, which is a Java service that needs Docker or a Gradle build to run. It serves, on
// 127.0.0.1 and a random port, the subset of the API that the official backend SDKs call for
// email-password, passwordless, session, user roles, email verification, user metadata, account
// linking (which multi-factor authentication builds on) and tenant lookups: supertokens-golang v0.26.0 (CDI 3.1) and supertokens-node 24.0.3 and
// supertokens-python 0.31.x (CDI 5.4). Where the two CDI versions return different JSON, the
// handler picks the shape from the cdi-version request header, as the real core does.
//
// It is a test double, not a core to offer users. All state lives in memory and is lost on
// Close. Passwords are hashed with salted SHA-256 instead of Argon2 or bcrypt, there is no
// rate limiting, and only the tenants listed in Options exist. Endpoints it does not
// implement return 404 "Not found" and are logged as warnings, so a test that hits a missing
// endpoint shows the path.
//
// Besides the core API it serves one test-only route, GET /test/codes?contact=..., which returns
// the latest passwordless code sent to an email address or phone number (see Server.LatestCode).
//
// The tests check the HTTP shapes directly and also drive minimal backends built on the real
// SDKs (sdkcheck/go, sdkcheck/node, sdkcheck/python) through sign-up, sign-in, roles, the
// email-verification claim, tenant lookup, refresh, token theft, sign-out and passwordless:
//
//	go test ./internal/testcore/...             # everything; fetches SDKs on first run
//	go test -short ./internal/testcore/...      # HTTP shapes only, no SDKs
//	go test ./internal/testcore/ -run SDK -v    # only the SDK checks, with the core trace
//
// An SDK check is skipped when its toolchain is missing or its packages cannot be fetched.
// The Go check has its own module, so `go test ./...` at the repository root builds it only
// through this driver.
//
// To run the stand-in as a process: go run ./internal/testcore/cmd/testcore -port 0
package testcore
