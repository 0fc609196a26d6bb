package testcore

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// scope is the set of path prefixes a route accepts, as in the real core.
type scope int

const (
	// scopeTenant routes take an optional /<tenantId> prefix (SDKs send /public/...).
	scopeTenant scope = iota
	// scopeApp routes belong to the whole app; a non-public tenant prefix gets 403.
	scopeApp
	// scopeBare routes (/apiversion, /hello, the JWKS) skip the cdi-version and, for some,
	// the API-key check.
	scopeBare
)

type handlerFunc func(c *call)

type route struct {
	scope   scope
	methods map[string]handlerFunc
	// public routes skip the API-key check (/, /hello, the JWKS and the test-only routes).
	public bool
	// tenantLookup routes report an unknown tenant as TENANT_NOT_FOUND_ERROR instead of 400.
	tenantLookup bool
}

// call carries one request through a handler.
type call struct {
	srv    *Server
	w      http.ResponseWriter
	r      *http.Request
	tenant string
	cdi    cdiVersion
	rid    string
}

var tenantSegment = regexp.MustCompile(`^[a-z0-9-]+$`)

// statusRecorder keeps the status code for the request log line.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// ServeHTTP routes a request the way the real core does: an optional /appid-<id> and
// /<tenantId> prefix, then the API path.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	started := time.Now()
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	s.serve(rec, r)
	s.log.Debug("testcore: request", "method", r.Method, "path", r.URL.Path,
		"status", rec.status, "cdiVersion", r.Header.Get("cdi-version"),
		"duration", time.Since(started))
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimSuffix(r.URL.Path, "/")
	if path == "" {
		path = "/"
	}

	appID, path := splitAppID(path)
	if appID != "" && appID != DefaultTenantID {
		s.reject(w, r, http.StatusBadRequest, "AppId or tenantId not found => "+appID)
		return
	}

	tenant := DefaultTenantID
	rt, ok := s.routes[path]
	if !ok {
		rt, tenant, path, ok = s.routeWithTenant(path)
	}
	if !ok {
		s.reject(w, r, http.StatusNotFound, "Not found")
		return
	}

	handler, ok := rt.methods[r.Method]
	if !ok {
		s.reject(w, r, http.StatusMethodNotAllowed, "Method not supported")
		return
	}

	if !rt.public && !s.apiKeyValid(r) {
		s.reject(w, r, http.StatusUnauthorized, "Invalid API key")
		return
	}

	c := &call{srv: s, w: w, r: r, tenant: tenant, rid: r.Header.Get("rid")}
	c.cdi = s.maxCDIVersion()
	if rt.scope != scopeBare {
		raw := r.Header.Get("cdi-version")
		if raw != "" {
			if !s.supportsCDI(raw) {
				s.reject(w, r, http.StatusBadRequest, "cdi-version "+raw+" not supported")
				return
			}
			v, err := parseCDIVersion(raw)
			if err != nil {
				s.reject(w, r, http.StatusBadRequest, err.Error())
				return
			}
			c.cdi = v
		}
	}

	if tenant != DefaultTenantID {
		if rt.scope == scopeApp {
			s.reject(w, r, http.StatusForbidden,
				"Only public tenantId can call this app specific API")
			return
		}
		if !s.tenantExists(tenant) {
			if rt.tenantLookup {
				c.writeJSON(map[string]any{"status": "TENANT_NOT_FOUND_ERROR"})
				return
			}
			s.reject(w, r, http.StatusBadRequest,
				"Tenant with the following connectionURIDomain, appId and tenantId combination "+
					"not found: (, public, "+tenant+")")
			return
		}
	}

	handler(c)
}

// routeWithTenant reads the first path segment as a tenant id and looks up the rest.
func (s *Server) routeWithTenant(path string) (*route, string, string, bool) {
	rest := strings.TrimPrefix(path, "/")
	segment, remainder, found := strings.Cut(rest, "/")
	if !found {
		return nil, "", path, false
	}
	segment = strings.ToLower(segment)
	if !tenantSegment.MatchString(segment) {
		return nil, "", path, false
	}
	rt, ok := s.routes["/"+remainder]
	if !ok || rt.scope == scopeBare {
		return nil, "", path, false
	}
	return rt, segment, "/" + remainder, true
}

// splitAppID removes a leading /appid-<id> segment and returns the app id, or "" if absent.
func splitAppID(path string) (string, string) {
	rest := strings.TrimPrefix(path, "/")
	segment, remainder, _ := strings.Cut(rest, "/")
	lower := strings.ToLower(segment)
	if !strings.HasPrefix(lower, "appid-") {
		return "", path
	}
	return strings.TrimPrefix(lower, "appid-"), "/" + remainder
}

func (s *Server) apiKeyValid(r *http.Request) bool {
	if s.opts.APIKey == "" {
		return true
	}
	if r.Header.Get("api-key") == s.opts.APIKey {
		return true
	}
	return r.Header.Get("Authorization") == "Bearer "+s.opts.APIKey
}

func (s *Server) tenantExists(tenant string) bool {
	for _, id := range s.tenantIDs() {
		if id == tenant {
			return true
		}
	}
	return false
}

// reject writes a plain-text error like the real core and logs it, so that a test which hits
// an endpoint this stand-in lacks shows the path in its output.
func (s *Server) reject(w http.ResponseWriter, r *http.Request, code int, message string) {
	s.log.Warn("testcore: request rejected", "method", r.Method, "path", r.URL.Path,
		"query", r.URL.RawQuery, "status", code, "message", message)
	writeText(w, code, message)
}

// cdiVersion is a parsed "major.minor" core API version.
type cdiVersion struct {
	major int
	minor int
}

func parseCDIVersion(raw string) (cdiVersion, error) {
	majorText, minorText, found := strings.Cut(strings.TrimSpace(raw), ".")
	if !found {
		return cdiVersion{}, fmt.Errorf("invalid cdi-version %q: expected major.minor", raw)
	}
	major, err := strconv.Atoi(majorText)
	if err != nil {
		return cdiVersion{}, fmt.Errorf("invalid cdi-version %q: %w", raw, err)
	}
	minor, err := strconv.Atoi(minorText)
	if err != nil {
		return cdiVersion{}, fmt.Errorf("invalid cdi-version %q: %w", raw, err)
	}
	return cdiVersion{major: major, minor: minor}, nil
}

func (v cdiVersion) atLeast(other cdiVersion) bool {
	if v.major != other.major {
		return v.major > other.major
	}
	return v.minor >= other.minor
}

// accountLinking reports whether the request speaks CDI 4.0 or later, where users carry
// loginMethods and recipeUserId. Older versions get the flat per-recipe user JSON.
func (c *call) accountLinking() bool {
	return c.cdi.atLeast(cdiVersion{major: 4})
}
