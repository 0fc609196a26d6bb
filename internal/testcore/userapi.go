package testcore

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
)

// maxUsersPageSize is the largest limit GET /users accepts, as in the real core.
const maxUsersPageSize = 500

// handleGetRecipeUser serves GET /recipe/user?email|phoneNumber|userId. The real core routes
// this path by the rid header; supertokens-golang uses it for lookups (rid emailpassword or
// passwordless). A missing or unknown rid means emailpassword, as in the core.
func handleGetRecipeUser(c *call) {
	recipeID := recipeEmailPassword
	if c.rid == recipePasswordless {
		recipeID = recipePasswordless
	}
	st := c.lock()
	defer c.unlock()

	if id, ok := c.query("userId"); ok {
		u := st.users[id]
		if u == nil || u.recipeID != recipeID {
			c.status("UNKNOWN_USER_ID_ERROR", nil)
			return
		}
		c.ok(map[string]any{"user": c.userJSON(st, u)})
		return
	}
	if email, ok := c.query("email"); ok {
		u := st.findUser(recipeID, c.tenant, normaliseEmail(email), "")
		if u == nil {
			c.status("UNKNOWN_EMAIL_ERROR", nil)
			return
		}
		c.ok(map[string]any{"user": c.userJSON(st, u)})
		return
	}
	if phone, ok := c.query("phoneNumber"); ok && recipeID == recipePasswordless {
		u := st.findUser(recipeID, c.tenant, "", normalisePhoneNumber(phone))
		if u == nil {
			c.status("UNKNOWN_PHONE_NUMBER_ERROR", nil)
			return
		}
		c.ok(map[string]any{"user": c.userJSON(st, u)})
		return
	}
	c.badRequest("Please provide one of userId, email or phoneNumber")
}

// handleUpdateUser serves PUT /recipe/user. CDI 4.0+ names the user recipeUserId, older
// versions userId. A null email or phoneNumber removes it from a passwordless user.
func handleUpdateUser(c *call) {
	var body map[string]json.RawMessage
	if !c.decode(&body) {
		return
	}
	id := rawString(body["recipeUserId"])
	if id == "" {
		id = rawString(body["userId"])
	}
	if !c.requireField("recipeUserId", id) {
		return
	}

	st := c.lock()
	defer c.unlock()
	u := st.users[id]
	if u == nil {
		c.status("UNKNOWN_USER_ID_ERROR", nil)
		return
	}

	email, emailGiven := body["email"]
	phone, phoneGiven := body["phoneNumber"]
	newEmail, newPhone := u.email, u.phoneNumber
	if emailGiven {
		newEmail = normaliseEmail(rawString(email))
	}
	if phoneGiven {
		newPhone = normalisePhoneNumber(rawString(phone))
	}
	if u.recipeID == recipeEmailPassword && newEmail == "" {
		c.badRequest("Field name 'email' is invalid in JSON input")
		return
	}
	for _, other := range st.users {
		if other == u || other.recipeID != u.recipeID || !sharesTenant(other, u) {
			continue
		}
		if emailGiven && newEmail != "" && other.email == newEmail {
			c.status("EMAIL_ALREADY_EXISTS_ERROR", nil)
			return
		}
		if phoneGiven && newPhone != "" && other.phoneNumber == newPhone {
			c.status("PHONE_NUMBER_ALREADY_EXISTS_ERROR", nil)
			return
		}
	}

	u.email, u.phoneNumber = newEmail, newPhone
	if password := rawString(body["password"]); password != "" && u.recipeID == recipeEmailPassword {
		u.passwordSalt = randomToken(16)
		u.passwordHash = hashPassword(u.passwordSalt, password)
	}
	c.ok(nil)
}

func sharesTenant(a, b *user) bool {
	for _, tenant := range a.tenantIDs {
		if b.inTenant(tenant) {
			return true
		}
	}
	return false
}

// rawString decodes a JSON string, returning "" for null, absent or non-string values.
func rawString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// handleUsersByAccountInfo serves GET /users/by-accountinfo, which supertokens-node and
// supertokens-python call before every sign-up and sign-in.
func handleUsersByAccountInfo(c *call) {
	union, ok := c.requireQuery("doUnionOfAccountInfo")
	if !ok {
		return
	}
	email, hasEmail := c.query("email")
	phone, hasPhone := c.query("phoneNumber")
	_, hasThirdParty := c.query("thirdPartyId")
	_, hasWebauthn := c.query("webauthnCredentialId")
	email = normaliseEmail(email)
	phone = normalisePhoneNumber(phone)

	st := c.lock()
	defer c.unlock()
	users := []any{}
	seen := map[string]bool{}
	for _, u := range st.sortedUsers(c.tenant) {
		// Third-party and WebAuthn users are not modelled, so those criteria never match.
		checks := []bool{}
		if hasEmail {
			checks = append(checks, u.email == email)
		}
		if hasPhone {
			checks = append(checks, u.phoneNumber == phone)
		}
		if hasThirdParty || hasWebauthn {
			checks = append(checks, false)
		}
		// Linked users are listed once, as their account.
		if matchesAccountInfo(checks, union == "true") && !seen[u.accountID()] {
			seen[u.accountID()] = true
			users = append(users, c.userJSON(st, u))
		}
	}
	c.ok(map[string]any{"users": users})
}

// matchesAccountInfo combines per-criterion results with OR (union) or AND.
func matchesAccountInfo(checks []bool, union bool) bool {
	if len(checks) == 0 {
		return false
	}
	for _, matched := range checks {
		if union && matched {
			return true
		}
		if !union && !matched {
			return false
		}
	}
	return !union
}

// handleUserByID serves GET /user/id?userId=, the recipe-independent lookup of CDI 4.0+.
func handleUserByID(c *call) {
	id, ok := c.requireQuery("userId")
	if !ok {
		return
	}
	st := c.lock()
	defer c.unlock()
	u := st.users[id]
	if u == nil {
		c.status("UNKNOWN_USER_ID_ERROR", nil)
		return
	}
	c.ok(map[string]any{"user": c.userJSON(st, u)})
}

// handleListUsers serves GET /users, the paginated list the dashboard and the SDKs'
// getUsersOldestFirst/NewestFirst use. CDI 4.0+ lists users; older versions list
// {recipeId, user} pairs. The pagination token is opaque to callers.
func handleListUsers(c *call) {
	limit := 100
	if raw, ok := c.query("limit"); ok {
		parsed, err := strconv.Atoi(raw)
		if err != nil || parsed < 1 || parsed > maxUsersPageSize {
			c.badRequest("limit must be a number between 1 and " +
				strconv.Itoa(maxUsersPageSize) + ", got " + raw)
			return
		}
		limit = parsed
	}
	offset := 0
	if token, ok := c.query("paginationToken"); ok && token != "" {
		decoded, err := base64.RawURLEncoding.DecodeString(token)
		parsed, convErr := strconv.Atoi(string(decoded))
		if err != nil || convErr != nil || parsed < 0 {
			c.badRequest("invalid pagination token")
			return
		}
		offset = parsed
	}
	order, _ := c.query("timeJoinedOrder")
	recipes := recipeFilter(c)
	emailPrefixes := searchTerms(c, "email")
	phonePrefixes := searchTerms(c, "phone")
	_, byProvider := c.query("provider")

	st := c.lock()
	defer c.unlock()
	all := st.sortedUsers(c.tenant)
	if strings.EqualFold(order, "DESC") {
		for i, j := 0, len(all)-1; i < j; i, j = i+1, j-1 {
			all[i], all[j] = all[j], all[i]
		}
	}
	matching := []*user{}
	seen := map[string]bool{}
	for _, u := range all {
		if recipes != nil && !recipes[u.recipeID] {
			continue
		}
		// CDI 4.0+ lists each account once, however many of its login methods match.
		if c.accountLinking() {
			if seen[u.accountID()] {
				continue
			}
			seen[u.accountID()] = true
		}
		// Third-party users are not modelled, so a provider search matches nobody.
		if byProvider || !hasPrefix(u.email, emailPrefixes) ||
			!hasPrefix(u.phoneNumber, phonePrefixes) {
			continue
		}
		matching = append(matching, u)
	}

	users := []any{}
	end := min(offset+limit, len(matching))
	for _, u := range matching[min(offset, end):end] {
		if c.accountLinking() {
			users = append(users, c.userJSON(st, u))
		} else {
			users = append(users, map[string]any{"recipeId": u.recipeID, "user": c.userJSON(st, u)})
		}
	}
	fields := map[string]any{"users": users}
	if end < len(matching) {
		fields["nextPaginationToken"] = base64.RawURLEncoding.EncodeToString(
			[]byte(strconv.Itoa(end)))
	}
	c.ok(fields)
}

// recipeFilter returns the set in includeRecipeIds, or nil when every recipe is included.
func recipeFilter(c *call) map[string]bool {
	raw, ok := c.query("includeRecipeIds")
	if !ok || raw == "" {
		return nil
	}
	set := map[string]bool{}
	for _, id := range strings.Split(raw, ",") {
		set[strings.TrimSpace(id)] = true
	}
	return set
}

// searchTerms splits a dashboard search parameter, whose terms are separated by semicolons.
func searchTerms(c *call, name string) []string {
	raw, ok := c.query(name)
	if !ok {
		return nil
	}
	terms := []string{}
	for _, term := range strings.Split(raw, ";") {
		term = strings.ToLower(strings.TrimSpace(term))
		if term != "" {
			terms = append(terms, term)
		}
	}
	return terms
}

// hasPrefix reports whether value starts with one of prefixes; no prefixes matches anything.
func hasPrefix(value string, prefixes []string) bool {
	if prefixes == nil {
		return true
	}
	for _, prefix := range prefixes {
		if strings.HasPrefix(strings.ToLower(value), prefix) {
			return true
		}
	}
	return false
}

func handleCountUsers(c *call) {
	recipes := recipeFilter(c)
	allTenants, _ := c.query("includeAllTenants")
	tenant := c.tenant
	if allTenants == "true" {
		tenant = ""
	}
	st := c.lock()
	defer c.unlock()
	count := 0
	for _, u := range st.sortedUsers(tenant) {
		if recipes == nil || recipes[u.recipeID] {
			count++
		}
	}
	c.ok(map[string]any{"count": count})
}

// handleRemoveUser serves POST /user/remove. Removing an unknown user is OK, as in the core.
// With removeAllLinkedAccounts (the default) every login method of the user's account goes.
func handleRemoveUser(c *call) {
	var body struct {
		UserID                  string `json:"userId"`
		RemoveAllLinkedAccounts *bool  `json:"removeAllLinkedAccounts"`
	}
	if !c.decode(&body) || !c.requireField("userId", body.UserID) {
		return
	}
	st := c.lock()
	defer c.unlock()
	u := st.users[body.UserID]
	if u != nil && (body.RemoveAllLinkedAccounts == nil || *body.RemoveAllLinkedAccounts) {
		for _, member := range st.accountMembers(u) {
			st.removeUser(member.id)
		}
	}
	st.removeUser(body.UserID)
	c.ok(nil)
}
