package testcore

import (
	"slices"
	"sort"
)

// Account linking as CDI 4.0 and later model it. Every recipe user is one login method. Making
// a recipe user primary starts an account whose id is that recipe user's id, and linking adds
// another recipe user to the account. Both set user.primaryID on the members, so an unlinked
// recipe user is an account of its own with an empty primaryID.
//
// The real core only allows this with a paid license; the stand-in needs none. supertokens-node
// 24.0.3 calls these routes when AccountLinking is initialised, which multi-factor
// authentication requires: the session user becomes primary and each second factor's recipe
// user is linked to it.

// accountID returns the id of the account u belongs to: its primary user id when it is linked
// or primary, else its own id.
func (u *user) accountID() string {
	if u.primaryID != "" {
		return u.primaryID
	}
	return u.id
}

// accountMembers returns the recipe users of u's account, oldest first.
func (st *state) accountMembers(u *user) []*user {
	if u.primaryID == "" {
		return []*user{u}
	}
	members := []*user{}
	for _, other := range st.users {
		if other.primaryID == u.primaryID {
			members = append(members, other)
		}
	}
	sort.Slice(members, func(i, j int) bool { return members[i].seq < members[j].seq })
	return members
}

// accountJSON renders the account of u in the CDI 4.0+ shape: the union of the members'
// tenants, emails and phone numbers, the oldest member's join time and one loginMethods entry
// per member.
func (st *state) accountJSON(u *user) map[string]any {
	members := st.accountMembers(u)
	tenants, emails, phones := []string{}, []string{}, []string{}
	methods := []any{}
	timeJoined := members[0].timeJoined
	for _, m := range members {
		method := map[string]any{
			"tenantIds":    m.tenantIDs,
			"recipeUserId": m.id,
			"verified":     st.emailVerified(m),
			"timeJoined":   m.timeJoined,
			"recipeId":     m.recipeID,
		}
		if m.email != "" {
			method["email"] = m.email
			emails = appendUnique(emails, m.email)
		}
		if m.phoneNumber != "" {
			method["phoneNumber"] = m.phoneNumber
			phones = appendUnique(phones, m.phoneNumber)
		}
		for _, tenant := range m.tenantIDs {
			tenants = appendUnique(tenants, tenant)
		}
		timeJoined = min(timeJoined, m.timeJoined)
		methods = append(methods, method)
	}
	return map[string]any{
		"id":            u.accountID(),
		"isPrimaryUser": u.primaryID != "",
		"tenantIds":     tenants,
		"timeJoined":    timeJoined,
		"emails":        emails,
		"phoneNumbers":  phones,
		"thirdParty":    []any{},
		"loginMethods":  methods,
	}
}

func appendUnique(list []string, value string) []string {
	if slices.Contains(list, value) {
		return list
	}
	return append(list, value)
}

// conflictingPrimary returns the id of another primary account that shares a tenant with u and
// has one of u's email address or phone number, or "" if there is none. The real core keeps
// each email address and phone number in at most one primary account per tenant.
func (st *state) conflictingPrimary(u *user, ownAccount string) string {
	for _, other := range st.sortedUsers("") {
		if other.primaryID == "" || other.primaryID == ownAccount || !sharesTenant(other, u) {
			continue
		}
		if (u.email != "" && other.email == u.email) ||
			(u.phoneNumber != "" && other.phoneNumber == u.phoneNumber) {
			return other.primaryID
		}
	}
	return ""
}

// primaryCheck decides whether the recipe user can become a primary user and returns the
// response status and fields, without changing anything.
func (st *state) primaryCheck(u *user) (string, map[string]any) {
	switch {
	case u.primaryID == u.id:
		return "OK", map[string]any{"wasAlreadyAPrimaryUser": true}
	case u.primaryID != "":
		return "RECIPE_USER_ID_ALREADY_LINKED_WITH_PRIMARY_USER_ID_ERROR", map[string]any{
			"primaryUserId": u.primaryID,
			"description":   "This user ID is already linked to another user ID",
		}
	}
	if other := st.conflictingPrimary(u, ""); other != "" {
		return "ACCOUNT_INFO_ALREADY_ASSOCIATED_WITH_ANOTHER_PRIMARY_USER_ID_ERROR",
			map[string]any{
				"primaryUserId": other,
				"description": "This user's email or phone number is already associated " +
					"with another user ID",
			}
	}
	return "OK", map[string]any{"wasAlreadyAPrimaryUser": false}
}

// recipeUser returns the recipe user with the given id, read from the query or a decoded
// body. It responds with 400 itself when the id is missing or unknown, as the real core does,
// and returns nil.
func (c *call) recipeUser(st *state, id string) *user {
	if !c.requireField("recipeUserId", id) {
		return nil
	}
	u := st.users[id]
	if u == nil {
		c.badRequest("Unknown user id")
	}
	return u
}

// handleCanCreatePrimaryUser serves GET /recipe/accountlinking/user/primary/check?recipeUserId=.
func handleCanCreatePrimaryUser(c *call) {
	id, ok := c.requireQuery("recipeUserId")
	if !ok {
		return
	}
	st := c.lock()
	defer c.unlock()
	u := c.recipeUser(st, id)
	if u == nil {
		return
	}
	status, fields := st.primaryCheck(u)
	c.status(status, fields)
}

// handleCreatePrimaryUser serves POST /recipe/accountlinking/user/primary {recipeUserId}.
func handleCreatePrimaryUser(c *call) {
	var body struct {
		RecipeUserID string `json:"recipeUserId"`
	}
	if !c.decode(&body) {
		return
	}
	st := c.lock()
	defer c.unlock()
	u := c.recipeUser(st, body.RecipeUserID)
	if u == nil {
		return
	}
	status, fields := st.primaryCheck(u)
	if status == "OK" {
		u.primaryID = u.id
		fields["user"] = st.accountJSON(u)
	}
	c.status(status, fields)
}

type linkBody struct {
	RecipeUserID  string `json:"recipeUserId"`
	PrimaryUserID string `json:"primaryUserId"`
}

// linkCheck decides whether the recipe user can be linked to the primary user and returns the
// response status and fields, without changing anything. The primary user may be named by
// the id of any of its members.
func (st *state) linkCheck(u *user, primary *user) (string, map[string]any) {
	if u.primaryID != "" {
		if u.primaryID == primary.accountID() {
			return "OK", map[string]any{"accountsAlreadyLinked": true}
		}
		return "RECIPE_USER_ID_ALREADY_LINKED_WITH_ANOTHER_PRIMARY_USER_ID_ERROR",
			map[string]any{
				"primaryUserId": u.primaryID,
				"description":   "The input recipe user ID is already linked to another user ID",
				"user":          st.accountJSON(u),
			}
	}
	if primary.primaryID == "" {
		return "INPUT_USER_IS_NOT_A_PRIMARY_USER", nil
	}
	if other := st.conflictingPrimary(u, primary.primaryID); other != "" {
		return "ACCOUNT_INFO_ALREADY_ASSOCIATED_WITH_ANOTHER_PRIMARY_USER_ID_ERROR",
			map[string]any{
				"primaryUserId": other,
				"description": "This user's email or phone number is already associated " +
					"with another user ID",
			}
	}
	return "OK", map[string]any{"accountsAlreadyLinked": false}
}

// linkUsers looks up both users of a link request, responding with 400 itself when one is
// missing or unknown.
func (c *call) linkUsers(st *state, body linkBody) (*user, *user) {
	u := c.recipeUser(st, body.RecipeUserID)
	if u == nil || !c.requireField("primaryUserId", body.PrimaryUserID) {
		return nil, nil
	}
	primary := st.users[body.PrimaryUserID]
	if primary == nil {
		c.badRequest("Unknown user id")
		return nil, nil
	}
	return u, primary
}

// handleCanLinkAccounts serves GET /recipe/accountlinking/user/link/check?recipeUserId=&
// primaryUserId=.
func handleCanLinkAccounts(c *call) {
	recipeUserID, ok := c.requireQuery("recipeUserId")
	if !ok {
		return
	}
	primaryUserID, ok := c.requireQuery("primaryUserId")
	if !ok {
		return
	}
	st := c.lock()
	defer c.unlock()
	u, primary := c.linkUsers(st, linkBody{RecipeUserID: recipeUserID,
		PrimaryUserID: primaryUserID})
	if u == nil {
		return
	}
	status, fields := st.linkCheck(u, primary)
	delete(fields, "user")
	c.status(status, fields)
}

// handleLinkAccounts serves POST /recipe/accountlinking/user/link {recipeUserId,
// primaryUserId}. The OK response carries the account after linking.
func handleLinkAccounts(c *call) {
	var body linkBody
	if !c.decode(&body) {
		return
	}
	st := c.lock()
	defer c.unlock()
	u, primary := c.linkUsers(st, body)
	if u == nil {
		return
	}
	status, fields := st.linkCheck(u, primary)
	if status == "OK" {
		u.primaryID = primary.primaryID
		fields["user"] = st.accountJSON(u)
	}
	c.status(status, fields)
}

// handleUnlinkAccount serves POST /recipe/accountlinking/user/unlink {recipeUserId}. A linked
// member leaves its account and becomes an unlinked user again. A primary user without other
// members stops being primary.
//
// NOTE: the real core deletes a primary user's own recipe user when it is unlinked while other
// members remain (wasRecipeUserDeleted: true). The stand-in does not model an account that
// outlives its first recipe user, so it rejects that case with 400.
func handleUnlinkAccount(c *call) {
	var body struct {
		RecipeUserID string `json:"recipeUserId"`
	}
	if !c.decode(&body) {
		return
	}
	st := c.lock()
	defer c.unlock()
	u := c.recipeUser(st, body.RecipeUserID)
	if u == nil {
		return
	}
	wasLinked := len(st.accountMembers(u)) > 1
	if u.primaryID == u.id && wasLinked {
		c.badRequest("The stand-in core cannot unlink the primary user's own login method " +
			"while other login methods are linked; unlink the others first")
		return
	}
	u.primaryID = ""
	c.ok(map[string]any{"wasRecipeUserDeleted": false, "wasLinked": wasLinked})
}
