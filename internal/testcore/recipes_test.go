package testcore_test

import (
	"testing"

	"create-supertokens-app/internal/testcore"
)

func TestUserRoles(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	created := core.expectStatus("PUT", "/recipe/role",
		map[string]any{"role": "admin", "permissions": []string{"read", "write"}}, "OK")
	if created["createdNewRole"] != true {
		t.Errorf("createdNewRole: expected true, got %v", created)
	}
	again := core.expectStatus("PUT", "/recipe/role",
		map[string]any{"role": "admin", "permissions": []string{"delete"}}, "OK")
	if again["createdNewRole"] != false {
		t.Errorf("second create: expected createdNewRole false, got %v", again)
	}

	core.expectStatus("PUT", "/public/recipe/user/role",
		map[string]any{"userId": "u1", "role": "ghost"}, "UNKNOWN_ROLE_ERROR")
	added := core.expectStatus("PUT", "/public/recipe/user/role",
		map[string]any{"userId": "u1", "role": "admin"}, "OK")
	if added["didUserAlreadyHaveRole"] != false {
		t.Errorf("add role: expected didUserAlreadyHaveRole false, got %v", added)
	}

	roles := core.expectStatus("GET", "/public/recipe/user/roles?userId=u1", nil, "OK")
	if list, _ := roles["roles"].([]any); len(list) != 1 || list[0] != "admin" {
		t.Errorf("user roles: expected [admin], got %v", roles)
	}
	permissions := core.expectStatus("GET", "/recipe/role/permissions?role=admin", nil, "OK")
	if list, _ := permissions["permissions"].([]any); len(list) != 3 {
		t.Errorf("permissions: expected delete, read, write, got %v", permissions)
	}
	core.expectStatus("GET", "/recipe/role/permissions?role=ghost", nil, "UNKNOWN_ROLE_ERROR")
	users := core.expectStatus("GET", "/public/recipe/role/users?role=admin", nil, "OK")
	if list, _ := users["users"].([]any); len(list) != 1 || list[0] != "u1" {
		t.Errorf("role users: expected [u1], got %v", users)
	}
	withPermission := core.expectStatus("GET", "/recipe/permission/roles?permission=write", nil,
		"OK")
	if list, _ := withPermission["roles"].([]any); len(list) != 1 {
		t.Errorf("roles with permission write: expected [admin], got %v", withPermission)
	}

	core.expectStatus("POST", "/recipe/role/permissions/remove",
		map[string]any{"role": "admin", "permissions": []string{"write"}}, "OK")
	removed := core.expectStatus("POST", "/public/recipe/user/role/remove",
		map[string]any{"userId": "u1", "role": "admin"}, "OK")
	if removed["didUserHaveRole"] != true {
		t.Errorf("remove user role: expected didUserHaveRole true, got %v", removed)
	}
	deleted := core.expectStatus("POST", "/recipe/role/remove", map[string]any{"role": "admin"},
		"OK")
	if deleted["didRoleExist"] != true {
		t.Errorf("remove role: expected didRoleExist true, got %v", deleted)
	}
	all := core.expectStatus("GET", "/recipe/roles", nil, "OK")
	if list, _ := all["roles"].([]any); len(list) != 0 {
		t.Errorf("roles after removal: expected none, got %v", all)
	}
}

func TestEmailVerification(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	id := str(t, core.signUp("tina@example.com", "pw-123456"), "user", "id")
	isVerified := "/recipe/user/email/verify?userId=" + id + "&email=tina%40example.com"

	before := core.expectStatus("GET", isVerified, nil, "OK")
	if before["isVerified"] != false {
		t.Errorf("before: expected isVerified false, got %v", before)
	}
	token := str(t, core.expectStatus("POST", "/public/recipe/user/email/verify/token",
		map[string]any{"userId": id, "email": "tina@example.com"}, "OK"), "token")
	verified := core.expectStatus("POST", "/public/recipe/user/email/verify",
		map[string]any{"method": "token", "token": token}, "OK")
	if verified["userId"] != id || verified["email"] != "tina@example.com" {
		t.Errorf("verify: expected userId and email, got %v", verified)
	}
	core.expectStatus("POST", "/public/recipe/user/email/verify",
		map[string]any{"method": "token", "token": token}, "EMAIL_VERIFICATION_INVALID_TOKEN_ERROR")
	core.expectStatus("POST", "/public/recipe/user/email/verify/token",
		map[string]any{"userId": id, "email": "tina@example.com"}, "EMAIL_ALREADY_VERIFIED_ERROR")

	after := core.expectStatus("GET", isVerified, nil, "OK")
	if after["isVerified"] != true {
		t.Errorf("after: expected isVerified true, got %v", after)
	}
	user := core.expectStatus("GET", "/user/id?userId="+id, nil, "OK")
	methods, _ := user["user"].(map[string]any)["loginMethods"].([]any)
	if method, _ := methods[0].(map[string]any); method["verified"] != true {
		t.Errorf("loginMethods[0].verified: expected true after verification, got %v", method)
	}

	core.expectStatus("POST", "/recipe/user/email/verify/remove",
		map[string]any{"userId": id, "email": "tina@example.com"}, "OK")
	unverified := core.expectStatus("GET", isVerified, nil, "OK")
	if unverified["isVerified"] != false {
		t.Errorf("after unverify: expected isVerified false, got %v", unverified)
	}
}

func TestUserMetadataMerge(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	core.expectStatus("PUT", "/recipe/user/metadata", map[string]any{"userId": "u1",
		"metadataUpdate": map[string]any{"plan": "pro", "theme": "dark"}}, "OK")
	updated := core.expectStatus("PUT", "/recipe/user/metadata", map[string]any{"userId": "u1",
		"metadataUpdate": map[string]any{"theme": nil, "seats": 3}}, "OK")
	metadata, _ := updated["metadata"].(map[string]any)
	if metadata["plan"] != "pro" || metadata["seats"] != float64(3) {
		t.Errorf("merge: expected plan and seats kept, got %v", metadata)
	}
	if _, ok := metadata["theme"]; ok {
		t.Errorf("merge: expected null to delete theme, got %v", metadata)
	}
	core.expectStatus("POST", "/recipe/user/metadata/remove", map[string]any{"userId": "u1"}, "OK")
	empty := core.expectStatus("GET", "/recipe/user/metadata?userId=u1", nil, "OK")
	if len(empty["metadata"].(map[string]any)) != 0 {
		t.Errorf("after remove: expected empty metadata, got %v", empty)
	}
}

func TestResetDropsState(t *testing.T) {
	srv, core := newCore(t, testcore.Options{}, "5.4")
	id := str(t, core.signUp("uma@example.com", "pw-123456"), "user", "id")
	srv.Reset()
	core.expectStatus("GET", "/user/id?userId="+id, nil, "UNKNOWN_USER_ID_ERROR")
}
