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
	one := func(method string, h handlerFunc) map[string]handlerFunc {
		return map[string]handlerFunc{method: h}
	}

	routes := map[string]*route{
		"/":                      bare(handleHello),
		"/hello":                 bare(handleHello),
		"/.well-known/jwks.json": bare(handleJWKS),
		"/apiversion":            {scope: scopeBare, methods: one(get, handleAPIVersion)},
		"/recipe/jwt/jwks":       app(one(get, handleJWKS)),

		// Email-password and user lookups.
		"/recipe/signup": tenant(one(post, handleSignUp)),
		"/recipe/signin": tenant(one(post, handleSignIn)),
		"/recipe/user": tenant(map[string]handlerFunc{
			get: handleGetRecipeUser,
			put: handleUpdateUser,
		}),
		"/users/by-accountinfo": tenant(one(get, handleUsersByAccountInfo)),
		"/user/id":              app(one(get, handleUserByID)),
		"/users":                tenant(one(get, handleListUsers)),
		"/users/count":          tenant(one(get, handleCountUsers)),
		"/user/remove":          app(one(post, handleRemoveUser)),

		"/recipe/user/password/reset/token":         tenant(one(post, handleCreateResetToken)),
		"/recipe/user/password/reset/token/consume": tenant(one(post, handleConsumeResetToken)),
		"/recipe/user/password/reset":               tenant(one(post, handleResetPassword)),

		// Sessions.
		"/recipe/session": tenant(map[string]handlerFunc{
			post: handleCreateSession,
			get:  handleSessionInfo,
		}),
		"/recipe/session/verify":     app(one(post, handleVerifySession)),
		"/recipe/session/refresh":    app(one(post, handleRefreshSession)),
		"/recipe/session/regenerate": app(one(post, handleRegenerateSession)),
		"/recipe/session/remove":     tenant(one(post, handleRemoveSessions)),
		"/recipe/session/user":       tenant(one(get, handleSessionsForUser)),
		"/recipe/session/data":       app(one(put, handleUpdateSessionData)),
		"/recipe/jwt/data":           app(one(put, handleUpdateJWTData)),

		// User roles. Roles belong to the app and assignments to a tenant.
		"/recipe/role":                    app(one(put, handleCreateRole)),
		"/recipe/roles":                   app(one(get, handleListRoles)),
		"/recipe/role/remove":             app(one(post, handleRemoveRole)),
		"/recipe/role/permissions":        app(one(get, handleRolePermissions)),
		"/recipe/role/permissions/remove": app(one(post, handleRemovePermissions)),
		"/recipe/permission/roles":        app(one(get, handleRolesWithPermission)),
		"/recipe/user/role":               tenant(one(put, handleAddUserRole)),
		"/recipe/user/role/remove":        tenant(one(post, handleRemoveUserRole)),
		"/recipe/user/roles":              tenant(one(get, handleUserRoles)),
		"/recipe/role/users":              tenant(one(get, handleRoleUsers)),

		// Multitenancy: v1 paths for CDI 3.x (supertokens-golang), v2 for CDI 5.x.
		"/recipe/multitenancy/tenant":         {scope: scopeTenant, tenantLookup: true, methods: one(get, handleGetTenant)},
		"/recipe/multitenancy/tenant/v2":      {scope: scopeTenant, tenantLookup: true, methods: one(get, handleGetTenant)},
		"/recipe/multitenancy/tenant/list":    app(one(get, handleListTenants)),
		"/recipe/multitenancy/tenant/list/v2": app(one(get, handleListTenants)),

		// Passwordless.
		"/recipe/signinup/code":         tenant(one(post, handleCreateCode)),
		"/recipe/signinup/code/consume": tenant(one(post, handleConsumeCode)),
		"/recipe/signinup/code/check":   tenant(one(post, handleCheckCode)),
		"/recipe/signinup/codes":        tenant(one(get, handleListCodes)),
		"/recipe/signinup/code/remove":  tenant(one(post, handleRemoveCode)),
		"/recipe/signinup/codes/remove": tenant(one(post, handleRemoveCodes)),

		// Email verification.
		"/recipe/user/email/verify/token": tenant(one(post, handleCreateVerificationToken)),
		"/recipe/user/email/verify": tenant(map[string]handlerFunc{
			post: handleVerifyEmail,
			get:  handleIsEmailVerified,
		}),
		"/recipe/user/email/verify/remove":       app(one(post, handleUnverifyEmail)),
		"/recipe/user/email/verify/token/remove": tenant(one(post, handleRemoveVerificationTokens)),

		// User metadata.
		"/recipe/user/metadata": app(map[string]handlerFunc{
			get: handleGetMetadata,
			put: handleUpdateMetadata,
		}),
		"/recipe/user/metadata/remove": app(one(post, handleRemoveMetadata)),

		// Test-only: not part of the core API.
		"/test/codes": bare(handleTestCodes),
	}
	return routes
}
