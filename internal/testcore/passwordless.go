package testcore

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"strings"
	"time"
)

// Code is a passwordless code as sent to a user, for tests that play the user's part.
type Code struct {
	// UserInputCode is the OTP the user types.
	UserInputCode string `json:"userInputCode"`
	// LinkCode is the secret in the magic link; the SDK puts it after # in the link URL.
	LinkCode         string    `json:"linkCode"`
	PreAuthSessionID string    `json:"preAuthSessionId"`
	DeviceID         string    `json:"deviceId"`
	CodeID           string    `json:"codeId"`
	TenantID         string    `json:"tenantId"`
	Created          time.Time `json:"created"`
}

// device is one passwordless login attempt: the codes sent to one email or phone number.
type device struct {
	preAuthSessionID string
	deviceID         string
	tenant           string
	email            string
	phoneNumber      string
	failedAttempts   int
	codes            []*otpCode
}

type otpCode struct {
	id            string
	userInputCode string
	linkCode      string
	created       time.Time
}

// LatestCode returns the newest passwordless code created for an email address or phone
// number, across tenants. Email addresses are matched case-insensitively.
func (s *Server) LatestCode(contact string) (Code, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	code, ok := s.state.latestCodes[normaliseContact(contact)]
	return code, ok
}

// normaliseContact treats anything with an @ as an email address and the rest as a phone
// number.
func normaliseContact(contact string) string {
	if strings.Contains(contact, "@") {
		return normaliseEmail(contact)
	}
	return normalisePhoneNumber(contact)
}

// randomDigits returns n random decimal digits; the core's default user input code has six.
func randomDigits(n int) string {
	var b strings.Builder
	for range n {
		digit, _ := rand.Int(rand.Reader, big.NewInt(10))
		b.WriteString(digit.String())
	}
	return b.String()
}

func (c *call) codeExpired(code *otpCode) bool {
	return time.Now().After(code.created.Add(c.srv.opts.PasswordlessCodeLifetime))
}

// addCode creates a code on d and records it as the latest for d's contact.
func (st *state) addCode(d *device, userInputCode string) *otpCode {
	if userInputCode == "" {
		userInputCode = randomDigits(6)
	}
	code := &otpCode{
		id:            newUUID(),
		userInputCode: userInputCode,
		linkCode:      randomToken(32),
		created:       time.Now(),
	}
	d.codes = append(d.codes, code)
	contact := d.email
	if contact == "" {
		contact = d.phoneNumber
	}
	st.latestCodes[contact] = Code{
		UserInputCode:    code.userInputCode,
		LinkCode:         code.linkCode,
		PreAuthSessionID: d.preAuthSessionID,
		DeviceID:         d.deviceID,
		CodeID:           code.id,
		TenantID:         d.tenant,
		Created:          code.created,
	}
	return code
}

// handleCreateCode serves POST /<tenant>/recipe/signinup/code: a new device for an email or
// phone number, or with deviceId, one more code for an existing device (resend).
func handleCreateCode(c *call) {
	var body struct {
		Email         string `json:"email"`
		PhoneNumber   string `json:"phoneNumber"`
		DeviceID      string `json:"deviceId"`
		UserInputCode string `json:"userInputCode"`
	}
	if !c.decode(&body) {
		return
	}
	if body.DeviceID == "" && (body.Email == "") == (body.PhoneNumber == "") {
		c.badRequest("Please provide exactly one of email, phoneNumber or deviceId")
		return
	}

	st := c.lock()
	defer c.unlock()
	var d *device
	if body.DeviceID != "" {
		d = st.deviceByID(c.tenant, body.DeviceID)
		if d == nil {
			c.status("RESTART_FLOW_ERROR", nil)
			return
		}
		for _, existing := range d.codes {
			if body.UserInputCode != "" && existing.userInputCode == body.UserInputCode {
				c.status("USER_INPUT_CODE_ALREADY_USED_ERROR", nil)
				return
			}
		}
	} else {
		d = &device{
			deviceID:    randomToken(32),
			tenant:      c.tenant,
			email:       normaliseEmail(body.Email),
			phoneNumber: normalisePhoneNumber(body.PhoneNumber),
		}
		d.preAuthSessionID = randomToken(32)
		st.devices[d.preAuthSessionID] = d
	}

	code := st.addCode(d, body.UserInputCode)
	c.ok(map[string]any{
		"preAuthSessionId": d.preAuthSessionID,
		"codeId":           code.id,
		"deviceId":         d.deviceID,
		"userInputCode":    code.userInputCode,
		"linkCode":         code.linkCode,
		"timeCreated":      code.created.UnixMilli(),
		"codeLifetime":     c.srv.opts.PasswordlessCodeLifetime.Milliseconds(),
	})
}

func (st *state) deviceByID(tenant, deviceID string) *device {
	for _, d := range st.devices {
		if d.tenant == tenant && d.deviceID == deviceID {
			return d
		}
	}
	return nil
}

type consumeBody struct {
	PreAuthSessionID string `json:"preAuthSessionId"`
	LinkCode         string `json:"linkCode"`
	DeviceID         string `json:"deviceId"`
	UserInputCode    string `json:"userInputCode"`
}

// checkCode validates a link code or a user input code against its device and returns the
// device, or writes the business error itself and returns nil. Wrong or expired user input
// codes count as failed attempts, and reaching the maximum deletes the device.
func (c *call) checkCode(st *state, body consumeBody) *device {
	d := st.devices[body.PreAuthSessionID]
	if d == nil || d.tenant != c.tenant {
		c.status("RESTART_FLOW_ERROR", nil)
		return nil
	}

	if body.LinkCode != "" {
		for _, code := range d.codes {
			if code.linkCode == body.LinkCode && !c.codeExpired(code) {
				return d
			}
		}
		c.status("RESTART_FLOW_ERROR", nil)
		return nil
	}

	if d.deviceID != body.DeviceID {
		c.status("RESTART_FLOW_ERROR", nil)
		return nil
	}
	outcome := "INCORRECT_USER_INPUT_CODE_ERROR"
	for _, code := range d.codes {
		if code.userInputCode != body.UserInputCode {
			continue
		}
		if !c.codeExpired(code) {
			return d
		}
		outcome = "EXPIRED_USER_INPUT_CODE_ERROR"
	}
	d.failedAttempts++
	maxAttempts := c.srv.opts.PasswordlessMaxCodeInputAttempts
	if d.failedAttempts >= maxAttempts {
		delete(st.devices, d.preAuthSessionID)
		c.status("RESTART_FLOW_ERROR", nil)
		return nil
	}
	c.status(outcome, map[string]any{
		"failedCodeInputAttemptCount": d.failedAttempts,
		"maximumCodeInputAttempts":    maxAttempts,
	})
	return nil
}

func (c *call) decodeConsumeBody(body *consumeBody) bool {
	if !c.decode(body) || !c.requireField("preAuthSessionId", body.PreAuthSessionID) {
		return false
	}
	if body.LinkCode == "" && (body.DeviceID == "" || body.UserInputCode == "") {
		c.badRequest("Please provide either linkCode or both deviceId and userInputCode")
		return false
	}
	return true
}

func consumedDeviceJSON(d *device) map[string]any {
	out := map[string]any{
		"preAuthSessionId":            d.preAuthSessionID,
		"failedCodeInputAttemptCount": d.failedAttempts,
	}
	if d.email != "" {
		out["email"] = d.email
	}
	if d.phoneNumber != "" {
		out["phoneNumber"] = d.phoneNumber
	}
	return out
}

// handleConsumeCode serves POST /<tenant>/recipe/signinup/code/consume. On success it deletes
// every device for the same email or phone number and signs the user in, creating the user
// on first use. An email signed in this way counts as verified.
//
// NOTE: marking the email verified follows the core's documented passwordless behaviour; it
// was not compared against a real core.
func handleConsumeCode(c *call) {
	var body consumeBody
	if !c.decodeConsumeBody(&body) {
		return
	}
	st := c.lock()
	defer c.unlock()
	d := c.checkCode(st, body)
	if d == nil {
		return
	}
	for id, other := range st.devices {
		if other.tenant == d.tenant && other.email == d.email && other.phoneNumber == d.phoneNumber {
			delete(st.devices, id)
		}
	}

	u := st.findUser(recipePasswordless, c.tenant, d.email, d.phoneNumber)
	createdNewUser := u == nil
	if createdNewUser {
		u = st.addUser(recipePasswordless, c.tenant, d.email, d.phoneNumber)
	}
	if u.email != "" {
		st.verifiedEmails[userEmail{userID: u.id, email: u.email}] = true
	}
	c.ok(c.withRecipeUserID(map[string]any{
		"createdNewUser": createdNewUser,
		"user":           c.userJSON(st, u),
		"consumedDevice": consumedDeviceJSON(d),
	}, u))
}

// handleCheckCode serves POST /<tenant>/recipe/signinup/code/check (CDI 5.x), which validates
// a code without consuming it, so that a later consume still succeeds.
func handleCheckCode(c *call) {
	var body consumeBody
	if !c.decodeConsumeBody(&body) {
		return
	}
	st := c.lock()
	defer c.unlock()
	d := c.checkCode(st, body)
	if d == nil {
		return
	}
	c.ok(map[string]any{"consumedDevice": consumedDeviceJSON(d)})
}

// handleListCodes serves GET /<tenant>/recipe/signinup/codes, filtered by exactly one of
// preAuthSessionId, deviceId, email or phoneNumber.
func handleListCodes(c *call) {
	preAuth, byPreAuth := c.query("preAuthSessionId")
	deviceID, byDevice := c.query("deviceId")
	email, byEmail := c.query("email")
	phone, byPhone := c.query("phoneNumber")
	if !byPreAuth && !byDevice && !byEmail && !byPhone {
		c.badRequest("Please provide one of preAuthSessionId, deviceId, email or phoneNumber")
		return
	}
	email = normaliseEmail(email)
	phone = normalisePhoneNumber(phone)

	st := c.lock()
	defer c.unlock()
	devices := []any{}
	for _, d := range st.devices {
		if d.tenant != c.tenant {
			continue
		}
		matched := (byPreAuth && d.preAuthSessionID == preAuth) ||
			(byDevice && d.deviceID == deviceID) ||
			(byEmail && d.email != "" && d.email == email) ||
			(byPhone && d.phoneNumber != "" && d.phoneNumber == phone)
		if !matched {
			continue
		}
		codes := []any{}
		for _, code := range d.codes {
			codes = append(codes, map[string]any{
				"codeId":       code.id,
				"timeCreated":  code.created.UnixMilli(),
				"codeLifetime": c.srv.opts.PasswordlessCodeLifetime.Milliseconds(),
			})
		}
		entry := consumedDeviceJSON(d)
		entry["codes"] = codes
		devices = append(devices, entry)
	}
	c.ok(map[string]any{"devices": devices})
}

// handleRemoveCode serves POST /<tenant>/recipe/signinup/code/remove; a device whose last
// code is removed is deleted.
func handleRemoveCode(c *call) {
	var body struct {
		CodeID string `json:"codeId"`
	}
	if !c.decode(&body) || !c.requireField("codeId", body.CodeID) {
		return
	}
	st := c.lock()
	defer c.unlock()
	for id, d := range st.devices {
		if d.tenant != c.tenant {
			continue
		}
		remaining := d.codes[:0]
		for _, code := range d.codes {
			if code.id != body.CodeID {
				remaining = append(remaining, code)
			}
		}
		d.codes = remaining
		if len(d.codes) == 0 {
			delete(st.devices, id)
		}
	}
	c.ok(nil)
}

// handleRemoveCodes serves POST /<tenant>/recipe/signinup/codes/remove for an email or phone.
func handleRemoveCodes(c *call) {
	var body struct {
		Email       string `json:"email"`
		PhoneNumber string `json:"phoneNumber"`
	}
	if !c.decode(&body) {
		return
	}
	email := normaliseEmail(body.Email)
	phone := normalisePhoneNumber(body.PhoneNumber)
	if email == "" && phone == "" {
		c.badRequest("Please provide exactly one of email or phoneNumber")
		return
	}
	st := c.lock()
	defer c.unlock()
	for id, d := range st.devices {
		if d.tenant != c.tenant {
			continue
		}
		if (email != "" && d.email == email) || (phone != "" && d.phoneNumber == phone) {
			delete(st.devices, id)
		}
	}
	c.ok(nil)
}

// handleTestCodes serves the test-only GET /test/codes?contact=..., returning the latest code
// for an email address or phone number as JSON, or 404 if none was created.
func handleTestCodes(c *call) {
	contact, ok := c.requireQuery("contact")
	if !ok {
		return
	}
	code, found := c.srv.LatestCode(contact)
	if !found {
		c.srv.reject(c.w, c.r, 404, fmt.Sprintf("no passwordless code was created for %q", contact))
		return
	}
	c.writeJSON(code)
}
