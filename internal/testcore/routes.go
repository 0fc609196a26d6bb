package testcore

import "net/http"

// buildRoutes lists every API path the stand-in serves, without tenant prefix.
func (s *Server) buildRoutes() map[string]*route {
	get, post, put := http.MethodGet, http.MethodPost, http.MethodPut
	bare := func(h handlerFunc) *route {
		return &route{scope: scopeBare, public: true, methods: map[string]handlerFunc{get: h}}
	}
	app := func(methods map[string]handlerFunc) *route {
		return &route{scope: scopeApp, methods: methods}
	}
	tenant := func(methods map[string]handlerFunc) *route {
		return &route{scope: scopeTenant, methods: methods}
	}
	tenantConfig := func(h handlerFunc) *route {
		return &route{scope: scopeTenant, tenantLookup: true,
			methods: map[string]handlerFunc{get: h}}
	}
	onlyMethod := func(method string, h handlerFunc) map[string]handlerFunc {
		return map[string]handlerFunc{method: h}
	}

	routes := map[string]*route{
		"/":                      bare(handleHello),
		"/hello":                 bare(handleHello),
		"/.well-known/jwks.json": bare(handleJWKS),
		"/apiversion":            {scope: scopeBare, methods: onlyMethod(get, handleAPIVersion)},
		"/recipe/jwt/jwks":       app(onlyMethod(get, handleJWKS)),

		// Email-password and user lookups.
		"/recipe/signup": tenant(onlyMethod(post, handleSignUp)),
		"/recipe/signin": tenant(onlyMethod(post, handleSignIn)),
		"/recipe/user": tenant(map[string]handlerFunc{
			get: handleGetRecipeUser,
			put: handleUpdateUser,
		}),
		"/users/by-accountinfo": tenant(onlyMethod(get, handleUsersByAccountInfo)),
		"/user/id":              app(onlyMethod(get, handleUserByID)),
		"/users":                tenant(onlyMethod(get, handleListUsers)),
		"/users/count":          tenant(onlyMethod(get, handleCountUsers)),
		"/user/remove":          app(onlyMethod(post, handleRemoveUser)),

		"/recipe/user/password/reset/token":         tenant(onlyMethod(post, handleCreateResetToken)),
		"/recipe/user/password/reset/token/consume": tenant(onlyMethod(post, handleConsumeResetToken)),
		"/recipe/user/password/reset":               tenant(onlyMethod(post, handleResetPassword)),

		// Sessions.
		"/recipe/session": tenant(map[string]handlerFunc{
			post: handleCreateSession,
			get:  handleSessionInfo,
		}),
		"/recipe/session/verify":     app(onlyMethod(post, handleVerifySession)),
		"/recipe/session/refresh":    app(onlyMethod(post, handleRefreshSession)),
		"/recipe/session/regenerate": app(onlyMethod(post, handleRegenerateSession)),
		"/recipe/session/remove":     tenant(onlyMethod(post, handleRemoveSessions)),
		"/recipe/session/user":       tenant(onlyMethod(get, handleSessionsForUser)),
		"/recipe/session/data":       app(onlyMethod(put, handleUpdateSessionData)),
		"/recipe/jwt/data":           app(onlyMethod(put, handleUpdateJWTData)),

		// User roles. Roles belong to the app and assignments to a tenant.
		"/recipe/role":                    app(onlyMethod(put, handleCreateRole)),
		"/recipe/roles":                   app(onlyMethod(get, handleListRoles)),
		"/recipe/role/remove":             app(onlyMethod(post, handleRemoveRole)),
		"/recipe/role/permissions":        app(onlyMethod(get, handleRolePermissions)),
		"/recipe/role/permissions/remove": app(onlyMethod(post, handleRemovePermissions)),
		"/recipe/permission/roles":        app(onlyMethod(get, handleRolesWithPermission)),
		"/recipe/user/role":               tenant(onlyMethod(put, handleAddUserRole)),
		"/recipe/user/role/remove":        tenant(onlyMethod(post, handleRemoveUserRole)),
		"/recipe/user/roles":              tenant(onlyMethod(get, handleUserRoles)),
		"/recipe/role/users":              tenant(onlyMethod(get, handleRoleUsers)),

		// Multitenancy: v1 paths for CDI 3.x (supertokens-golang), v2 for CDI 5.x.
		"/recipe/multitenancy/tenant":         tenantConfig(handleGetTenant),
		"/recipe/multitenancy/tenant/v2":      tenantConfig(handleGetTenant),
		"/recipe/multitenancy/tenant/list":    app(onlyMethod(get, handleListTenants)),
		"/recipe/multitenancy/tenant/list/v2": app(onlyMethod(get, handleListTenants)),

		// Passwordless.
		"/recipe/signinup/code":         tenant(onlyMethod(post, handleCreateCode)),
		"/recipe/signinup/code/consume": tenant(onlyMethod(post, handleConsumeCode)),
		"/recipe/signinup/code/check":   tenant(onlyMethod(post, handleCheckCode)),
		"/recipe/signinup/codes":        tenant(onlyMethod(get, handleListCodes)),
		"/recipe/signinup/code/remove":  tenant(onlyMethod(post, handleRemoveCode)),
		"/recipe/signinup/codes/remove": tenant(onlyMethod(post, handleRemoveCodes)),

		// Account linking, which multi-factor authentication builds on.
		"/recipe/accountlinking/user/primary/check": app(onlyMethod(get, handleCanCreatePrimaryUser)),
		"/recipe/accountlinking/user/primary":       app(onlyMethod(post, handleCreatePrimaryUser)),
		"/recipe/accountlinking/user/link/check":    app(onlyMethod(get, handleCanLinkAccounts)),
		"/recipe/accountlinking/user/link":          app(onlyMethod(post, handleLinkAccounts)),
		"/recipe/accountlinking/user/unlink":        app(onlyMethod(post, handleUnlinkAccount)),

		// Email verification.
		"/recipe/user/email/verify/token": tenant(onlyMethod(post, handleCreateVerificationToken)),
		"/recipe/user/email/verify": tenant(map[string]handlerFunc{
			post: handleVerifyEmail,
			get:  handleIsEmailVerified,
		}),
		"/recipe/user/email/verify/remove": app(onlyMethod(post, handleUnverifyEmail)),
		"/recipe/user/email/verify/token/remove": tenant(
			onlyMethod(post, handleRemoveVerificationTokens)),

		// User metadata.
		"/recipe/user/metadata": app(map[string]handlerFunc{
			get: handleGetMetadata,
			put: handleUpdateMetadata,
		}),
		"/recipe/user/metadata/remove": app(onlyMethod(post, handleRemoveMetadata)),

		// Test-only: not part of the core API.
		"/test/codes": bare(handleTestCodes),
	}
	return routes
}
