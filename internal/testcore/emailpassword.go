package testcore

import "time"

// resetTokenLifetime is how long a password reset token stays valid (real core default: 1 h).
const resetTokenLifetime = time.Hour

type credentials struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// handleSignUp serves POST /<tenant>/recipe/signup.
func handleSignUp(c *call) {
	var body credentials
	if !c.decode(&body) || !c.requireField("email", body.Email) ||
		!c.requireField("password", body.Password) {
		return
	}
	email := normaliseEmail(body.Email)

	st := c.lock()
	defer c.unlock()
	if st.findUser(recipeEmailPassword, c.tenant, email, "") != nil {
		c.status("EMAIL_ALREADY_EXISTS_ERROR", nil)
		return
	}
	u := st.addUser(recipeEmailPassword, c.tenant, email, "")
	u.passwordSalt = randomToken(16)
	u.passwordHash = hashPassword(u.passwordSalt, body.Password)
	c.ok(c.withRecipeUserID(map[string]any{"user": c.userJSON(st, u)}, u))
}

// handleSignIn serves POST /<tenant>/recipe/signin.
func handleSignIn(c *call) {
	var body credentials
	if !c.decode(&body) || !c.requireField("email", body.Email) ||
		!c.requireField("password", body.Password) {
		return
	}
	email := normaliseEmail(body.Email)

	st := c.lock()
	defer c.unlock()
	u := st.findUser(recipeEmailPassword, c.tenant, email, "")
	if u == nil || hashPassword(u.passwordSalt, body.Password) != u.passwordHash {
		c.status("WRONG_CREDENTIALS_ERROR", nil)
		return
	}
	c.ok(c.withRecipeUserID(map[string]any{"user": c.userJSON(st, u)}, u))
}

// handleCreateResetToken serves POST /<tenant>/recipe/user/password/reset/token. CDI 5.x sends
// the email too; CDI 3.x sends only the user id.
func handleCreateResetToken(c *call) {
	var body struct {
		UserID string `json:"userId"`
		Email  string `json:"email"`
	}
	if !c.decode(&body) || !c.requireField("userId", body.UserID) {
		return
	}
	st := c.lock()
	defer c.unlock()
	u := st.users[body.UserID]
	if u == nil || u.recipeID != recipeEmailPassword {
		c.status("UNKNOWN_USER_ID_ERROR", nil)
		return
	}
	email := u.email
	if body.Email != "" {
		email = normaliseEmail(body.Email)
	}
	token := randomToken(32)
	st.resetTokens[token] = resetToken{userID: u.id, email: email,
		expires: time.Now().Add(resetTokenLifetime)}
	c.ok(map[string]any{"token": token})
}

// takeResetToken removes and returns a valid reset token's record.
func (st *state) takeResetToken(token string) (resetToken, bool) {
	record, ok := st.resetTokens[token]
	if !ok {
		return resetToken{}, false
	}
	delete(st.resetTokens, token)
	if time.Now().After(record.expires) || st.users[record.userID] == nil {
		return resetToken{}, false
	}
	return record, true
}

type resetTokenBody struct {
	Method      string `json:"method"`
	Token       string `json:"token"`
	NewPassword string `json:"newPassword"`
}

// handleConsumeResetToken serves the CDI 4.0+ flow, where the SDK consumes the token and then
// sets the password with PUT /recipe/user.
func handleConsumeResetToken(c *call) {
	var body resetTokenBody
	if !c.decode(&body) || !c.requireField("token", body.Token) {
		return
	}
	st := c.lock()
	defer c.unlock()
	record, ok := st.takeResetToken(body.Token)
	if !ok {
		c.status("RESET_PASSWORD_INVALID_TOKEN_ERROR", nil)
		return
	}
	c.ok(map[string]any{"userId": record.userID, "email": record.email})
}

// handleResetPassword serves the CDI 3.x flow, which consumes the token and sets the password
// in one call.
func handleResetPassword(c *call) {
	var body resetTokenBody
	if !c.decode(&body) || !c.requireField("token", body.Token) ||
		!c.requireField("newPassword", body.NewPassword) {
		return
	}
	st := c.lock()
	defer c.unlock()
	record, ok := st.takeResetToken(body.Token)
	if !ok {
		c.status("RESET_PASSWORD_INVALID_TOKEN_ERROR", nil)
		return
	}
	u := st.users[record.userID]
	u.passwordSalt = randomToken(16)
	u.passwordHash = hashPassword(u.passwordSalt, body.NewPassword)
	c.ok(map[string]any{"userId": u.id})
}
