package testcore

import "time"

// verificationTokenLifetime is how long an email verification token stays valid (real core
// default: 1 day).
const verificationTokenLifetime = 24 * time.Hour

type userEmailBody struct {
	UserID string `json:"userId"`
	Email  string `json:"email"`
}

func (c *call) decodeUserEmail(body *userEmailBody) bool {
	return c.decode(body) && c.requireField("userId", body.UserID) &&
		c.requireField("email", body.Email)
}

// handleCreateVerificationToken serves POST /<tenant>/recipe/user/email/verify/token. Like the
// real core it accepts any user id, because the SDK may verify emails of users it manages.
func handleCreateVerificationToken(c *call) {
	var body userEmailBody
	if !c.decodeUserEmail(&body) {
		return
	}
	pair := userEmail{userID: body.UserID, email: normaliseEmail(body.Email)}
	st := c.lock()
	defer c.unlock()
	if st.verifiedEmails[pair] {
		c.status("EMAIL_ALREADY_VERIFIED_ERROR", nil)
		return
	}
	token := randomToken(32)
	st.verificationTokens[token] = verificationToken{userEmail: pair, tenant: c.tenant,
		expires: time.Now().Add(verificationTokenLifetime)}
	c.ok(map[string]any{"token": token})
}

// handleVerifyEmail serves POST /<tenant>/recipe/user/email/verify {method, token}.
func handleVerifyEmail(c *call) {
	var body struct {
		Method string `json:"method"`
		Token  string `json:"token"`
	}
	if !c.decode(&body) || !c.requireField("token", body.Token) {
		return
	}
	st := c.lock()
	defer c.unlock()
	record, ok := st.verificationTokens[body.Token]
	if !ok || record.tenant != c.tenant || time.Now().After(record.expires) {
		c.status("EMAIL_VERIFICATION_INVALID_TOKEN_ERROR", nil)
		return
	}
	for token, other := range st.verificationTokens {
		if other.userEmail == record.userEmail {
			delete(st.verificationTokens, token)
		}
	}
	st.verifiedEmails[record.userEmail] = true
	c.ok(map[string]any{"userId": record.userID, "email": record.email})
}

// handleIsEmailVerified serves GET /recipe/user/email/verify?userId=&email=, which the SDKs
// call at session creation when email verification is on, to fill the st-ev claim.
func handleIsEmailVerified(c *call) {
	userID, ok := c.requireQuery("userId")
	if !ok {
		return
	}
	email, ok := c.requireQuery("email")
	if !ok {
		return
	}
	st := c.lock()
	defer c.unlock()
	verified := st.verifiedEmails[userEmail{userID: userID, email: normaliseEmail(email)}]
	c.ok(map[string]any{"isVerified": verified})
}

func handleUnverifyEmail(c *call) {
	var body userEmailBody
	if !c.decodeUserEmail(&body) {
		return
	}
	st := c.lock()
	defer c.unlock()
	delete(st.verifiedEmails, userEmail{userID: body.UserID, email: normaliseEmail(body.Email)})
	c.ok(nil)
}

func handleRemoveVerificationTokens(c *call) {
	var body userEmailBody
	if !c.decodeUserEmail(&body) {
		return
	}
	pair := userEmail{userID: body.UserID, email: normaliseEmail(body.Email)}
	st := c.lock()
	defer c.unlock()
	for token, record := range st.verificationTokens {
		if record.userEmail == pair && record.tenant == c.tenant {
			delete(st.verificationTokens, token)
		}
	}
	c.ok(nil)
}
