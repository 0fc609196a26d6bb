package testcore

import "sort"

// handleCreateRole serves PUT /recipe/role, which creates a role or adds permissions to it.
func handleCreateRole(c *call) {
	var body struct {
		Role        string   `json:"role"`
		Permissions []string `json:"permissions"`
	}
	if !c.decode(&body) || !c.requireField("role", body.Role) {
		return
	}
	st := c.lock()
	defer c.unlock()
	existing, exists := st.roles[body.Role]
	st.roles[body.Role] = unionSorted(existing, body.Permissions)
	c.ok(map[string]any{"createdNewRole": !exists})
}

// unionSorted returns the sorted set union of a and b.
func unionSorted(a, b []string) []string {
	set := map[string]bool{}
	for _, s := range append(append([]string{}, a...), b...) {
		set[s] = true
	}
	return sortedKeys(set)
}

func sortedKeys(set map[string]bool) []string {
	out := []string{}
	for key, present := range set {
		if present {
			out = append(out, key)
		}
	}
	sort.Strings(out)
	return out
}

func handleListRoles(c *call) {
	st := c.lock()
	defer c.unlock()
	names := map[string]bool{}
	for role := range st.roles {
		names[role] = true
	}
	c.ok(map[string]any{"roles": sortedKeys(names)})
}

// handleRemoveRole serves POST /recipe/role/remove and unassigns the role from every user.
func handleRemoveRole(c *call) {
	var body struct {
		Role string `json:"role"`
	}
	if !c.decode(&body) || !c.requireField("role", body.Role) {
		return
	}
	st := c.lock()
	defer c.unlock()
	_, existed := st.roles[body.Role]
	delete(st.roles, body.Role)
	for _, assigned := range st.userRoles {
		delete(assigned, body.Role)
	}
	c.ok(map[string]any{"didRoleExist": existed})
}

func handleRolePermissions(c *call) {
	role, ok := c.requireQuery("role")
	if !ok {
		return
	}
	st := c.lock()
	defer c.unlock()
	permissions, exists := st.roles[role]
	if !exists {
		c.status("UNKNOWN_ROLE_ERROR", nil)
		return
	}
	c.ok(map[string]any{"permissions": append([]string{}, permissions...)})
}

// handleRemovePermissions serves POST /recipe/role/permissions/remove. Without a permissions
// list it removes them all.
func handleRemovePermissions(c *call) {
	var body struct {
		Role        string   `json:"role"`
		Permissions []string `json:"permissions"`
	}
	if !c.decode(&body) || !c.requireField("role", body.Role) {
		return
	}
	st := c.lock()
	defer c.unlock()
	existing, exists := st.roles[body.Role]
	if !exists {
		c.status("UNKNOWN_ROLE_ERROR", nil)
		return
	}
	if body.Permissions == nil {
		st.roles[body.Role] = []string{}
		c.ok(nil)
		return
	}
	keep := map[string]bool{}
	for _, p := range existing {
		keep[p] = true
	}
	for _, p := range body.Permissions {
		delete(keep, p)
	}
	st.roles[body.Role] = sortedKeys(keep)
	c.ok(nil)
}

func handleRolesWithPermission(c *call) {
	permission, ok := c.requireQuery("permission")
	if !ok {
		return
	}
	st := c.lock()
	defer c.unlock()
	roles := map[string]bool{}
	for role, permissions := range st.roles {
		for _, p := range permissions {
			if p == permission {
				roles[role] = true
			}
		}
	}
	c.ok(map[string]any{"roles": sortedKeys(roles)})
}

type userRoleBody struct {
	UserID string `json:"userId"`
	Role   string `json:"role"`
}

// handleAddUserRole serves PUT /<tenant>/recipe/user/role. The user id is not checked against
// stored users, as in the real core.
func handleAddUserRole(c *call) {
	var body userRoleBody
	if !c.decode(&body) || !c.requireField("userId", body.UserID) ||
		!c.requireField("role", body.Role) {
		return
	}
	st := c.lock()
	defer c.unlock()
	if _, exists := st.roles[body.Role]; !exists {
		c.status("UNKNOWN_ROLE_ERROR", nil)
		return
	}
	key := tenantUser{tenant: c.tenant, userID: body.UserID}
	if st.userRoles[key] == nil {
		st.userRoles[key] = map[string]bool{}
	}
	had := st.userRoles[key][body.Role]
	st.userRoles[key][body.Role] = true
	c.ok(map[string]any{"didUserAlreadyHaveRole": had})
}

func handleRemoveUserRole(c *call) {
	var body userRoleBody
	if !c.decode(&body) || !c.requireField("userId", body.UserID) ||
		!c.requireField("role", body.Role) {
		return
	}
	st := c.lock()
	defer c.unlock()
	if _, exists := st.roles[body.Role]; !exists {
		c.status("UNKNOWN_ROLE_ERROR", nil)
		return
	}
	key := tenantUser{tenant: c.tenant, userID: body.UserID}
	had := st.userRoles[key][body.Role]
	delete(st.userRoles[key], body.Role)
	c.ok(map[string]any{"didUserHaveRole": had})
}

// handleUserRoles serves GET /<tenant>/recipe/user/roles?userId=, which the SDKs call at every
// session creation to fill the st-role claim.
func handleUserRoles(c *call) {
	userID, ok := c.requireQuery("userId")
	if !ok {
		return
	}
	st := c.lock()
	defer c.unlock()
	roles := st.userRoles[tenantUser{tenant: c.tenant, userID: userID}]
	c.ok(map[string]any{"roles": sortedKeys(roles)})
}

func handleRoleUsers(c *call) {
	role, ok := c.requireQuery("role")
	if !ok {
		return
	}
	st := c.lock()
	defer c.unlock()
	if _, exists := st.roles[role]; !exists {
		c.status("UNKNOWN_ROLE_ERROR", nil)
		return
	}
	users := map[string]bool{}
	for key, roles := range st.userRoles {
		if key.tenant == c.tenant && roles[role] {
			users[key.userID] = true
		}
	}
	c.ok(map[string]any{"users": sortedKeys(users)})
}
