package testcore

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"time"
)

// normaliseEmail trims and lower-cases an email address, as the real core does before storing
// or comparing one.
func normaliseEmail(email string) string {
	return strings.ToLower(strings.TrimSpace(email))
}

// normalisePhoneNumber trims a phone number. The SDKs convert numbers to E.164 before sending.
func normalisePhoneNumber(phone string) string {
	return strings.TrimSpace(phone)
}

func hashPassword(salt, password string) string {
	sum := sha256.Sum256([]byte(salt + "\x00" + password))
	return hex.EncodeToString(sum[:])
}

// addUser stores a new user in tenant. The caller holds Server.mu.
func (st *state) addUser(recipeID, tenant, email, phone string) *user {
	st.nextSeq++
	u := &user{
		id:          newUUID(),
		recipeID:    recipeID,
		email:       email,
		phoneNumber: phone,
		timeJoined:  time.Now().UnixMilli(),
		seq:         st.nextSeq,
		tenantIDs:   []string{tenant},
	}
	st.users[u.id] = u
	return u
}

// findUser returns the user of recipeID in tenant with the given email or phone number.
// Exactly one of email and phone is non-empty.
func (st *state) findUser(recipeID, tenant, email, phone string) *user {
	for _, u := range st.users {
		if u.recipeID != recipeID || !u.inTenant(tenant) {
			continue
		}
		if email != "" && u.email == email {
			return u
		}
		if phone != "" && u.phoneNumber == phone {
			return u
		}
	}
	return nil
}

// sortedUsers returns the users of tenant, oldest first.
func (st *state) sortedUsers(tenant string) []*user {
	users := []*user{}
	for _, u := range st.users {
		if tenant == "" || u.inTenant(tenant) {
			users = append(users, u)
		}
	}
	sort.Slice(users, func(i, j int) bool { return users[i].seq < users[j].seq })
	return users
}

// removeUser deletes a user and everything that refers to it.
func (st *state) removeUser(userID string) {
	delete(st.users, userID)
	delete(st.metadata, userID)
	for key := range st.userRoles {
		if key.userID == userID {
			delete(st.userRoles, key)
		}
	}
	for key := range st.verifiedEmails {
		if key.userID == userID {
			delete(st.verifiedEmails, key)
		}
	}
	for handle, sess := range st.sessions {
		if sess.userID == userID {
			st.removeSession(handle)
		}
	}
}

// emailVerified reports whether u's email is verified. A passwordless user without an email
// counts as verified because signing in proved control of the phone number.
//
// NOTE: the phone-only case follows the core's loginMethods output as far as the SDK source
// shows; it was not compared against a real core.
func (st *state) emailVerified(u *user) bool {
	if u.email == "" {
		return u.recipeID == recipePasswordless
	}
	return st.verifiedEmails[userEmail{userID: u.id, email: u.email}]
}

// userJSON renders u in the shape of the request's CDI version. CDI 4.0 and later return the
// account-linking shape: the whole account u belongs to, with one loginMethods entry per linked
// recipe user. Older versions return the flat per-recipe shape.
func (c *call) userJSON(st *state, u *user) map[string]any {
	if !c.accountLinking() {
		out := map[string]any{
			"id":         u.id,
			"timeJoined": u.timeJoined,
			"tenantIds":  u.tenantIDs,
		}
		if u.email != "" {
			out["email"] = u.email
		}
		if u.phoneNumber != "" {
			out["phoneNumber"] = u.phoneNumber
		}
		return out
	}
	return st.accountJSON(u)
}

// withRecipeUserID adds recipeUserId to a sign-in or sign-up response for CDI 4.0 and later.
func (c *call) withRecipeUserID(fields map[string]any, u *user) map[string]any {
	if c.accountLinking() {
		fields["recipeUserId"] = u.id
	}
	return fields
}
