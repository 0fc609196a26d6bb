package testcore

import (
	"encoding/json"
	"errors"
	"time"
)

// protectedClaims are the access-token claims the core sets itself. A userDataInJWT that
// contains one is rejected with 400, as in the real core.
var protectedClaims = []string{
	"sub", "iat", "exp", "sessionHandle", "parentRefreshTokenHash1", "refreshTokenHash1",
	"antiCsrfToken", "rsub", "tId",
}

// tokenInfo is the {token, expiry, createdTime} object of session responses, times in ms.
type tokenInfo struct {
	Token       string `json:"token"`
	Expiry      int64  `json:"expiry"`
	CreatedTime int64  `json:"createdTime"`
}

// accessTokenVersion returns the header version for the request's CDI version: 5 (with rsub)
// for CDI 4.0 and later, 4 (with tId) for CDI 3.x, as the real core does.
func (c *call) accessTokenVersion() string {
	if c.accountLinking() {
		return "5"
	}
	return "4"
}

// mintAccessToken signs an access token for sess. parentHash1 is set on the first token after
// a refresh, which makes the SDK call /recipe/session/verify once so the core can promote the
// new refresh token. exp and iat are in seconds, as the SDKs expect. exp is rounded up, so a
// token is valid for at least the configured lifetime and at most one second longer.
func (c *call) mintAccessToken(sess *session, refreshHash1, parentHash1 string, created,
	expiry time.Time) (tokenInfo, error) {
	expSeconds := expiry.Unix()
	if expiry.Nanosecond() > 0 {
		expSeconds++
	}
	claims := map[string]any{}
	for key, value := range sess.userDataInJWT {
		claims[key] = value
	}
	claims["sub"] = sess.userID
	claims["exp"] = expSeconds
	claims["iat"] = created.Unix()
	claims["sessionHandle"] = sess.handle
	claims["refreshTokenHash1"] = refreshHash1
	claims["parentRefreshTokenHash1"] = nullable(parentHash1)
	claims["antiCsrfToken"] = nullable(sess.antiCsrfToken)
	claims["tId"] = sess.tenant
	if c.accountLinking() {
		claims["rsub"] = sess.userID
	}
	token, err := c.srv.keys.pick(sess.useDynamicKey).sign(c.accessTokenVersion(), claims)
	if err != nil {
		return tokenInfo{}, err
	}
	return tokenInfo{Token: token, Expiry: expSeconds * 1000,
		CreatedTime: created.Unix() * 1000}, nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// issueRefreshToken creates a refresh token for sess, derived from parentHash1 ("" for the
// first token of a session).
func (st *state) issueRefreshToken(sess *session, parentHash1 string) (string, string) {
	token := randomToken(48)
	hash1 := sha256Hex(token)
	st.refreshTokens[hash1] = &refreshToken{sessionHandle: sess.handle, parentHash1: parentHash1}
	return token, hash1
}

// removeSession deletes a session and its refresh tokens.
func (st *state) removeSession(handle string) bool {
	if _, ok := st.sessions[handle]; !ok {
		return false
	}
	delete(st.sessions, handle)
	for hash, record := range st.refreshTokens {
		if record.sessionHandle == handle {
			delete(st.refreshTokens, hash)
		}
	}
	return true
}

// liveSession returns the session with handle, dropping it if its refresh token has expired.
func (st *state) liveSession(handle string) *session {
	sess := st.sessions[handle]
	if sess == nil {
		return nil
	}
	if time.Now().After(sess.expiry) {
		st.removeSession(handle)
		return nil
	}
	return sess
}

// sessionJSON is the "session" object of create, refresh, verify and regenerate responses.
// CDI 3.x has no recipeUserId.
func (c *call) sessionJSON(sess *session) map[string]any {
	out := map[string]any{
		"handle":        sess.handle,
		"userId":        sess.userID,
		"userDataInJWT": orEmpty(sess.userDataInJWT),
		"tenantId":      sess.tenant,
	}
	if c.accountLinking() {
		out["recipeUserId"] = sess.userID
	}
	return out
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

// checkUserData responds with 400 and returns false if data sets a claim the core owns.
func (c *call) checkUserData(data map[string]any) bool {
	for _, name := range protectedClaims {
		if _, ok := data[name]; ok {
			c.badRequest("The user payload contains protected field: " + name)
			return false
		}
	}
	return true
}

// handleCreateSession serves POST /<tenant>/recipe/session. The user id is not checked
// against stored users, because the real core accepts any id.
func handleCreateSession(c *call) {
	var body struct {
		UserID               string         `json:"userId"`
		UserDataInJWT        map[string]any `json:"userDataInJWT"`
		UserDataInDatabase   map[string]any `json:"userDataInDatabase"`
		UseDynamicSigningKey *bool          `json:"useDynamicSigningKey"`
		EnableAntiCsrf       bool           `json:"enableAntiCsrf"`
	}
	if !c.decode(&body) || !c.requireField("userId", body.UserID) ||
		!c.checkUserData(body.UserDataInJWT) {
		return
	}
	now := time.Now()
	handle := newUUID()
	if c.tenant != DefaultTenantID {
		handle += "_" + c.tenant
	}
	sess := &session{
		handle:             handle,
		userID:             body.UserID,
		tenant:             c.tenant,
		userDataInJWT:      orEmpty(body.UserDataInJWT),
		userDataInDatabase: orEmpty(body.UserDataInDatabase),
		useDynamicKey:      body.UseDynamicSigningKey == nil || *body.UseDynamicSigningKey,
		timeCreated:        now.UnixMilli(),
		expiry:             now.Add(c.srv.opts.RefreshTokenLifetime),
	}
	if body.EnableAntiCsrf {
		sess.antiCsrfToken = newUUID()
	}

	st := c.lock()
	defer c.unlock()
	refresh, hash1 := st.issueRefreshToken(sess, "")
	sess.currentRefreshHash1 = hash1
	access, err := c.mintAccessToken(sess, hash1, "", now, now.Add(c.srv.opts.AccessTokenLifetime))
	if err != nil {
		c.fail(err)
		return
	}
	st.sessions[handle] = sess
	c.ok(c.tokensResponse(sess, access, refresh, now))
}

// tokensResponse is the body shared by session create and refresh.
func (c *call) tokensResponse(sess *session, access tokenInfo, refresh string,
	now time.Time) map[string]any {
	return map[string]any{
		"session":     c.sessionJSON(sess),
		"accessToken": access,
		"refreshToken": tokenInfo{Token: refresh, Expiry: sess.expiry.UnixMilli(),
			CreatedTime: now.UnixMilli()},
		"antiCsrfToken": nullable(sess.antiCsrfToken),
	}
}

// handleRefreshSession serves POST /recipe/session/refresh with rotation and theft detection
// as in core versions before CDI 5.5. Using the current refresh token, or a child of it that
// has not been used yet, returns a new child. Using any older token is token theft.
func handleRefreshSession(c *call) {
	var body struct {
		RefreshToken         string  `json:"refreshToken"`
		AntiCsrfToken        *string `json:"antiCsrfToken"`
		EnableAntiCsrf       bool    `json:"enableAntiCsrf"`
		UseDynamicSigningKey *bool   `json:"useDynamicSigningKey"`
	}
	if !c.decode(&body) || !c.requireField("refreshToken", body.RefreshToken) {
		return
	}
	if body.UseDynamicSigningKey == nil && c.cdi.atLeast(cdiVersion{major: 5}) {
		c.badRequest("Field name 'useDynamicSigningKey' is invalid in JSON input")
		return
	}

	st := c.lock()
	defer c.unlock()
	used := sha256Hex(body.RefreshToken)
	record := st.refreshTokens[used]
	if record == nil {
		c.status("UNAUTHORISED", map[string]any{"message": "Refresh token not found"})
		return
	}
	sess := st.liveSession(record.sessionHandle)
	if sess == nil {
		c.status("UNAUTHORISED", map[string]any{
			"message": "Either the session has ended or has been blacklisted"})
		return
	}
	if body.EnableAntiCsrf && sess.antiCsrfToken != "" &&
		(body.AntiCsrfToken == nil || *body.AntiCsrfToken != sess.antiCsrfToken) {
		c.status("UNAUTHORISED", map[string]any{"message": "Anti CSRF token missing, or not matching"})
		return
	}

	switch {
	case used == sess.currentRefreshHash1:
	case record.parentHash1 == sess.currentRefreshHash1:
		sess.currentRefreshHash1 = used
	default:
		session := map[string]any{"handle": sess.handle, "userId": sess.userID}
		if c.accountLinking() {
			session["recipeUserId"] = sess.userID
		}
		c.status("TOKEN_THEFT_DETECTED", map[string]any{"session": session})
		return
	}

	if body.UseDynamicSigningKey != nil {
		sess.useDynamicKey = *body.UseDynamicSigningKey
	}
	now := time.Now()
	sess.expiry = now.Add(c.srv.opts.RefreshTokenLifetime)
	refresh, hash1 := st.issueRefreshToken(sess, used)
	access, err := c.mintAccessToken(sess, hash1, used, now, now.Add(c.srv.opts.AccessTokenLifetime))
	if err != nil {
		c.fail(err)
		return
	}
	c.ok(c.tokensResponse(sess, access, refresh, now))
}

// accessTokenClaims holds the claims verify and regenerate read from an access token.
type accessTokenClaims struct {
	all           map[string]any
	handle        string
	userID        string
	tenant        string
	refreshHash1  string
	parentHash1   string
	antiCsrfToken string
	expiry        time.Time
}

func parseAccessTokenClaims(all map[string]any) (accessTokenClaims, error) {
	claims := accessTokenClaims{all: all}
	claims.handle, _ = all["sessionHandle"].(string)
	claims.userID, _ = all["sub"].(string)
	claims.tenant, _ = all["tId"].(string)
	claims.refreshHash1, _ = all["refreshTokenHash1"].(string)
	claims.parentHash1, _ = all["parentRefreshTokenHash1"].(string)
	claims.antiCsrfToken, _ = all["antiCsrfToken"].(string)
	exp, ok := all["exp"].(float64)
	if !ok || claims.handle == "" || claims.userID == "" {
		return claims, errors.New("access token lacks exp, sub or sessionHandle")
	}
	claims.expiry = time.Unix(int64(exp), 0)
	if claims.tenant == "" {
		claims.tenant = DefaultTenantID
	}
	return claims, nil
}

// customClaims returns the token's claims without the ones the core owns.
func (a accessTokenClaims) customClaims() map[string]any {
	out := map[string]any{}
	for key, value := range a.all {
		out[key] = value
	}
	for _, name := range protectedClaims {
		delete(out, name)
	}
	return out
}

// handleVerifySession serves POST /recipe/session/verify. Like the real core it reads the
// database only when asked to (checkDatabase) or when the token is the first one after a
// refresh, so a token of a revoked session stays valid until it expires otherwise.
func handleVerifySession(c *call) {
	var body struct {
		AccessToken     string  `json:"accessToken"`
		AntiCsrfToken   *string `json:"antiCsrfToken"`
		DoAntiCsrfCheck bool    `json:"doAntiCsrfCheck"`
		EnableAntiCsrf  bool    `json:"enableAntiCsrf"`
		CheckDatabase   bool    `json:"checkDatabase"`
	}
	if !c.decode(&body) || !c.requireField("accessToken", body.AccessToken) {
		return
	}
	raw, err := c.srv.keys.verify(body.AccessToken)
	if err != nil {
		c.status("TRY_REFRESH_TOKEN", map[string]any{"message": err.Error()})
		return
	}
	claims, err := parseAccessTokenClaims(raw)
	if err != nil {
		c.status("UNAUTHORISED", map[string]any{"message": err.Error()})
		return
	}
	if time.Now().After(claims.expiry) {
		c.status("TRY_REFRESH_TOKEN", map[string]any{"message": "Access token expired"})
		return
	}
	if body.DoAntiCsrfCheck && body.EnableAntiCsrf &&
		(body.AntiCsrfToken == nil || *body.AntiCsrfToken != claims.antiCsrfToken) {
		c.status("TRY_REFRESH_TOKEN", map[string]any{
			"message": "Provided antiCsrfToken is undefined or does not match"})
		return
	}

	if !body.CheckDatabase && claims.parentHash1 == "" {
		session := map[string]any{
			"handle":        claims.handle,
			"userId":        claims.userID,
			"userDataInJWT": claims.customClaims(),
			"tenantId":      claims.tenant,
		}
		if c.accountLinking() {
			session["recipeUserId"] = claims.userID
		}
		c.ok(map[string]any{"session": session})
		return
	}

	st := c.lock()
	defer c.unlock()
	sess := st.liveSession(claims.handle)
	if sess == nil {
		c.status("UNAUTHORISED", map[string]any{
			"message": "Either the session has ended or has been blacklisted"})
		return
	}
	if claims.parentHash1 == "" {
		c.ok(map[string]any{"session": c.sessionJSON(sess)})
		return
	}

	switch sess.currentRefreshHash1 {
	case claims.parentHash1:
		sess.currentRefreshHash1 = claims.refreshHash1
	case claims.refreshHash1:
	default:
		c.status("TRY_REFRESH_TOKEN", map[string]any{
			"message": "Access token belongs to a refresh token that was replaced"})
		return
	}
	access, err := c.mintAccessToken(sess, claims.refreshHash1, "", time.Now(), claims.expiry)
	if err != nil {
		c.fail(err)
		return
	}
	c.ok(map[string]any{"session": c.sessionJSON(sess), "accessToken": access})
}

// handleRegenerateSession serves POST /recipe/session/regenerate, which the SDKs call to
// change the access-token payload (claims such as st-role). Expired tokens are accepted; the
// new token keeps the old expiry and refresh hashes.
func handleRegenerateSession(c *call) {
	var body struct {
		AccessToken   string          `json:"accessToken"`
		UserDataInJWT json.RawMessage `json:"userDataInJWT"`
	}
	if !c.decode(&body) || !c.requireField("accessToken", body.AccessToken) {
		return
	}
	var newData map[string]any
	if len(body.UserDataInJWT) > 0 && string(body.UserDataInJWT) != "null" {
		err := json.Unmarshal(body.UserDataInJWT, &newData)
		if err != nil {
			c.badRequest("Field name 'userDataInJWT' is invalid in JSON input")
			return
		}
		if !c.checkUserData(newData) {
			return
		}
	}
	raw, err := c.srv.keys.verify(body.AccessToken)
	if err != nil {
		c.status("UNAUTHORISED", map[string]any{"message": err.Error()})
		return
	}
	claims, err := parseAccessTokenClaims(raw)
	if err != nil {
		c.status("UNAUTHORISED", map[string]any{"message": err.Error()})
		return
	}

	st := c.lock()
	defer c.unlock()
	sess := st.liveSession(claims.handle)
	if sess == nil {
		c.status("UNAUTHORISED", map[string]any{"message": "Session does not exist."})
		return
	}
	if newData != nil {
		sess.userDataInJWT = newData
	}
	access, err := c.mintAccessToken(sess, claims.refreshHash1, claims.parentHash1, time.Now(),
		claims.expiry)
	if err != nil {
		c.fail(err)
		return
	}
	c.ok(map[string]any{"session": c.sessionJSON(sess), "accessToken": access})
}

// handleSessionInfo serves GET /recipe/session?sessionHandle=.
func handleSessionInfo(c *call) {
	handle, ok := c.requireQuery("sessionHandle")
	if !ok {
		return
	}
	st := c.lock()
	defer c.unlock()
	sess := st.liveSession(handle)
	if sess == nil {
		c.status("UNAUTHORISED", map[string]any{"message": "Session does not exist."})
		return
	}
	fields := map[string]any{
		"sessionHandle":      sess.handle,
		"userId":             sess.userID,
		"userDataInJWT":      orEmpty(sess.userDataInJWT),
		"userDataInDatabase": orEmpty(sess.userDataInDatabase),
		"expiry":             sess.expiry.UnixMilli(),
		"timeCreated":        sess.timeCreated,
		"tenantId":           sess.tenant,
	}
	if c.accountLinking() {
		fields["recipeUserId"] = sess.userID
	}
	c.ok(fields)
}

// handleSessionsForUser serves GET /<tenant>/recipe/session/user?userId=.
func handleSessionsForUser(c *call) {
	userID, ok := c.requireQuery("userId")
	if !ok {
		return
	}
	allTenants, _ := c.query("fetchAcrossAllTenants")
	st := c.lock()
	defer c.unlock()
	handles := []string{}
	for handle, sess := range st.sessions {
		if sess.userID != userID || (allTenants != "true" && sess.tenant != c.tenant) {
			continue
		}
		if st.liveSession(handle) != nil {
			handles = append(handles, handle)
		}
	}
	c.ok(map[string]any{"sessionHandles": handles})
}

// handleRemoveSessions serves POST /[<tenant>/]recipe/session/remove, by session handles or
// by user id.
func handleRemoveSessions(c *call) {
	var body struct {
		SessionHandles         []string `json:"sessionHandles"`
		UserID                 string   `json:"userId"`
		RevokeAcrossAllTenants bool     `json:"revokeAcrossAllTenants"`
	}
	if !c.decode(&body) {
		return
	}
	if body.UserID == "" && body.SessionHandles == nil {
		c.badRequest("Invalid JSON input: expected userId or sessionHandles")
		return
	}
	st := c.lock()
	defer c.unlock()
	revoked := []string{}
	for _, handle := range body.SessionHandles {
		if st.removeSession(handle) {
			revoked = append(revoked, handle)
		}
	}
	if body.UserID != "" {
		for handle, sess := range st.sessions {
			if sess.userID != body.UserID {
				continue
			}
			if body.RevokeAcrossAllTenants || sess.tenant == c.tenant {
				st.removeSession(handle)
				revoked = append(revoked, handle)
			}
		}
	}
	c.ok(map[string]any{"sessionHandlesRevoked": revoked})
}

// handleUpdateSessionData serves PUT /recipe/session/data.
func handleUpdateSessionData(c *call) {
	var body struct {
		SessionHandle      string         `json:"sessionHandle"`
		UserDataInDatabase map[string]any `json:"userDataInDatabase"`
	}
	if !c.decode(&body) || !c.requireField("sessionHandle", body.SessionHandle) {
		return
	}
	st := c.lock()
	defer c.unlock()
	sess := st.liveSession(body.SessionHandle)
	if sess == nil {
		c.status("UNAUTHORISED", map[string]any{"message": "Session does not exist."})
		return
	}
	sess.userDataInDatabase = orEmpty(body.UserDataInDatabase)
	c.ok(nil)
}

// handleUpdateJWTData serves PUT /recipe/jwt/data. The new payload appears in the next access
// token issued for the session.
func handleUpdateJWTData(c *call) {
	var body struct {
		SessionHandle string         `json:"sessionHandle"`
		UserDataInJWT map[string]any `json:"userDataInJWT"`
	}
	if !c.decode(&body) || !c.requireField("sessionHandle", body.SessionHandle) ||
		!c.checkUserData(body.UserDataInJWT) {
		return
	}
	st := c.lock()
	defer c.unlock()
	sess := st.liveSession(body.SessionHandle)
	if sess == nil {
		c.status("UNAUTHORISED", map[string]any{"message": "Session does not exist."})
		return
	}
	sess.userDataInJWT = orEmpty(body.UserDataInJWT)
	c.ok(nil)
}
