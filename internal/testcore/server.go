package testcore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

// DefaultTenantID is the tenant that every SuperTokens app has and that SDKs address as /public.
const DefaultTenantID = "public"

// Options configures a Server. The zero value is usable.
type Options struct {
	// Addr is the TCP address to listen on. Empty means 127.0.0.1 on a random free port.
	Addr string
	// APIKey, when set, must arrive in the api-key header (or as Authorization: Bearer) on every
	// route except /, /hello and the JWKS, as the real core requires.
	APIKey string
	// AccessTokenLifetime is the validity of access tokens. The real core defaults to one hour,
	// and tests that exercise refresh set a few seconds. Expiry is rounded up to whole seconds.
	AccessTokenLifetime time.Duration
	// RefreshTokenLifetime is the validity of refresh tokens (real core default: 100 days).
	RefreshTokenLifetime time.Duration
	// PasswordlessCodeLifetime is the validity of passwordless codes (real core default: 15 min).
	PasswordlessCodeLifetime time.Duration
	// PasswordlessMaxCodeInputAttempts is how many wrong user input codes a device tolerates
	// before the flow must restart (real core default: 5).
	PasswordlessMaxCodeInputAttempts int
	// CDIVersions is the list served by /apiversion. Default: DefaultCDIVersions.
	CDIVersions []string
	// Tenants lists the tenant ids besides "public" that exist. Requests for other tenants get
	// the same 400 response the real core sends for an unknown tenant.
	Tenants []string
	// Logger receives start and stop lines, a warning per rejected request and a debug line
	// per request. Default: text to stderr at Info level, so without request lines.
	Logger *slog.Logger
}

// DefaultCDIVersions are the core API versions spoken by the pinned SDKs: 3.1 by
// supertokens-golang v0.26.0 and 5.4 by supertokens-node 24.0.3 and supertokens-python 0.31.x.
// SDKs pick the exact-string intersection, so each listed version must match an SDK's list.
var DefaultCDIVersions = []string{"3.1", "5.4"}

// Server is a running in-memory stand-in for the SuperTokens core.
type Server struct {
	opts     Options
	log      *slog.Logger
	listener net.Listener
	http     *http.Server
	keys     *signingKeys
	routes   map[string]*route

	mu    sync.Mutex
	state *state
}

// Start listens on opts.Addr and serves the core API in a background goroutine until Close.
func Start(opts Options) (*Server, error) {
	srv, err := New(opts)
	if err != nil {
		return nil, err
	}
	addr := srv.opts.Addr
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", addr, err)
	}
	srv.listener = listener
	srv.http = &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		err := srv.http.Serve(listener)
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			srv.log.Error("testcore: serve failed", "addr", listener.Addr().String(), "err", err)
		}
	}()
	srv.log.Info("testcore: listening", "url", srv.URL(), "cdiVersions", srv.opts.CDIVersions)
	return srv, nil
}

// New builds a Server without listening, for use as an http.Handler (for example with
// httptest.NewServer). Start is New plus a listener.
func New(opts Options) (*Server, error) {
	opts = withDefaults(opts)
	keys, err := sharedSigningKeys()
	if err != nil {
		return nil, err
	}
	srv := &Server{
		opts:  opts,
		log:   opts.Logger,
		keys:  keys,
		state: newState(),
	}
	srv.routes = srv.buildRoutes()
	return srv, nil
}

func withDefaults(opts Options) Options {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	if opts.AccessTokenLifetime <= 0 {
		opts.AccessTokenLifetime = time.Hour
	}
	if opts.RefreshTokenLifetime <= 0 {
		opts.RefreshTokenLifetime = 100 * 24 * time.Hour
	}
	if opts.PasswordlessCodeLifetime <= 0 {
		opts.PasswordlessCodeLifetime = 15 * time.Minute
	}
	if opts.PasswordlessMaxCodeInputAttempts <= 0 {
		opts.PasswordlessMaxCodeInputAttempts = 5
	}
	if len(opts.CDIVersions) == 0 {
		opts.CDIVersions = DefaultCDIVersions
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	return opts
}

// URL returns the base URL to use as the SDKs' connection URI, such as http://127.0.0.1:41234.
// It is empty for a Server made by New.
func (s *Server) URL() string {
	if s.listener == nil {
		return ""
	}
	return "http://" + s.listener.Addr().String()
}

// Close stops the listener and waits up to five seconds for requests in flight.
func (s *Server) Close() error {
	if s.http == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := s.http.Shutdown(ctx)
	if err != nil {
		return fmt.Errorf("shut down testcore at %s: %w", s.URL(), err)
	}
	s.log.Info("testcore: stopped", "url", s.URL())
	return nil
}

// Reset drops all users, sessions, roles, codes and metadata, keeping the signing keys, so one
// server can serve several independent tests.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state = newState()
}

// tenantIDs lists "public" plus the configured tenants, in that order.
func (s *Server) tenantIDs() []string {
	return append([]string{DefaultTenantID}, s.opts.Tenants...)
}

// maxCDIVersion returns the highest version in the served list, used when a request carries
// no cdi-version header (the real core does the same).
func (s *Server) maxCDIVersion() cdiVersion {
	best := cdiVersion{}
	for _, raw := range s.opts.CDIVersions {
		v, err := parseCDIVersion(raw)
		if err == nil && v.atLeast(best) {
			best = v
		}
	}
	return best
}

func (s *Server) supportsCDI(raw string) bool {
	for _, v := range s.opts.CDIVersions {
		if strings.TrimSpace(raw) == v {
			return true
		}
	}
	return false
}
