package testcore

import "time"

// state is everything the stand-in stores. Server.mu guards it.
type state struct {
	users    map[string]*user    // by user id
	sessions map[string]*session // by session handle
	// refreshTokens maps sha256Hex(refresh token) to the token's record.
	refreshTokens map[string]*refreshToken
	roles         map[string][]string            // role name to permissions
	userRoles     map[tenantUser]map[string]bool // assigned roles
	metadata      map[string]map[string]any      // by user id
	// verifiedEmails holds user id + email pairs marked verified.
	verifiedEmails map[userEmail]bool
	// verificationTokens maps an email verification token to the pair it verifies.
	verificationTokens map[string]verificationToken
	// resetTokens maps a password reset token to the user it resets.
	resetTokens map[string]resetToken
	devices     map[string]*device // passwordless devices by preAuthSessionId
	// latestCodes maps a normalised email or phone number to the newest code sent to it.
	latestCodes map[string]Code
	// nextSeq orders users created in the same millisecond.
	nextSeq int64
}

func newState() *state {
	return &state{
		users:              map[string]*user{},
		sessions:           map[string]*session{},
		refreshTokens:      map[string]*refreshToken{},
		roles:              map[string][]string{},
		userRoles:          map[tenantUser]map[string]bool{},
		metadata:           map[string]map[string]any{},
		verifiedEmails:     map[userEmail]bool{},
		verificationTokens: map[string]verificationToken{},
		resetTokens:        map[string]resetToken{},
		devices:            map[string]*device{},
		latestCodes:        map[string]Code{},
	}
}

// Recipe ids as the core reports them in loginMethods and user lists.
const (
	recipeEmailPassword = "emailpassword"
	recipePasswordless  = "passwordless"
)

// user is one recipe user, which is one login method. Users linked into one account share a
// primaryID (see accountlinking.go); an unlinked user has an empty primaryID.
type user struct {
	id           string
	recipeID     string
	primaryID    string
	email        string
	phoneNumber  string
	passwordSalt string
	passwordHash string
	timeJoined   int64 // Unix milliseconds
	seq          int64
	tenantIDs    []string
}

func (u *user) inTenant(tenant string) bool {
	for _, id := range u.tenantIDs {
		if id == tenant {
			return true
		}
	}
	return false
}

type tenantUser struct {
	tenant string
	userID string
}

type userEmail struct {
	userID string
	email  string
}

type verificationToken struct {
	userEmail
	tenant  string
	expires time.Time
}

type resetToken struct {
	userID  string
	email   string
	expires time.Time
}

// session is one SuperTokens session.
type session struct {
	handle             string
	userID             string
	tenant             string
	userDataInJWT      map[string]any
	userDataInDatabase map[string]any
	useDynamicKey      bool
	antiCsrfToken      string // empty when anti-CSRF is off
	timeCreated        int64  // Unix milliseconds
	expiry             time.Time
	// currentRefreshHash1 is sha256Hex of the newest refresh token the client is known to hold.
	// A child token replaces it only once the client uses that child or its access token.
	currentRefreshHash1 string
}

// refreshToken records a refresh token issued for a session.
type refreshToken struct {
	sessionHandle string
	// parentHash1 is sha256Hex of the refresh token this one was issued in exchange for, or ""
	// for the first token of a session.
	parentHash1 string
}

// lock takes Server.mu and returns the state it guards; call unlock when done.
func (c *call) lock() *state {
	c.srv.mu.Lock()
	return c.srv.state
}

func (c *call) unlock() {
	c.srv.mu.Unlock()
}
