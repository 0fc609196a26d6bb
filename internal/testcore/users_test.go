package testcore_test

import (
	"net/http"
	"testing"

	"create-supertokens-app/internal/testcore"
)

func TestSignUpShapeCDI54(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	body := core.signUp("  Alice@Example.COM ", "pw-123456")
	user, _ := body["user"].(map[string]any)
	id := str(t, body, "user", "id")

	if body["recipeUserId"] != id {
		t.Errorf("recipeUserId: expected %s, got %v", id, body["recipeUserId"])
	}
	if user["isPrimaryUser"] != false {
		t.Errorf("isPrimaryUser: expected false, got %v", user["isPrimaryUser"])
	}
	emails, _ := user["emails"].([]any)
	if len(emails) != 1 || emails[0] != "alice@example.com" {
		t.Errorf("emails: expected [alice@example.com] (trimmed, lower-cased), got %v", emails)
	}
	methods, _ := user["loginMethods"].([]any)
	if len(methods) != 1 {
		t.Fatalf("loginMethods: expected 1, got %v", user["loginMethods"])
	}
	method, _ := methods[0].(map[string]any)
	if method["recipeId"] != "emailpassword" || method["recipeUserId"] != id {
		t.Errorf("loginMethods[0]: expected emailpassword with recipeUserId %s, got %v", id, method)
	}
	if method["verified"] != false {
		t.Errorf("loginMethods[0].verified: expected false, got %v", method["verified"])
	}
	if _, ok := user["email"]; ok {
		t.Errorf("CDI 5.4 user must not have the flat email field: %v", user)
	}
}

func TestSignUpShapeCDI31(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "3.1")
	body := core.signUp("bob@example.com", "pw-123456")
	if _, ok := body["recipeUserId"]; ok {
		t.Errorf("CDI 3.1 sign-up must not return recipeUserId: %v", body)
	}
	if str(t, body, "user", "email") != "bob@example.com" {
		t.Errorf("user.email: expected bob@example.com, got %v", body["user"])
	}
	user, _ := body["user"].(map[string]any)
	if _, ok := user["loginMethods"]; ok {
		t.Errorf("CDI 3.1 user must not have loginMethods: %v", user)
	}
	tenants, _ := user["tenantIds"].([]any)
	if len(tenants) != 1 || tenants[0] != "public" {
		t.Errorf("tenantIds: expected [public], got %v", user["tenantIds"])
	}
}

func TestSignUpAndSignInErrors(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	core.signUp("carol@example.com", "pw-123456")

	core.expectStatus("POST", "/public/recipe/signup",
		map[string]any{"email": "CAROL@example.com", "password": "other-1"},
		"EMAIL_ALREADY_EXISTS_ERROR")
	core.expectStatus("POST", "/public/recipe/signin",
		map[string]any{"email": "carol@example.com", "password": "wrong-1"},
		"WRONG_CREDENTIALS_ERROR")
	core.expectStatus("POST", "/public/recipe/signin",
		map[string]any{"email": "nobody@example.com", "password": "pw-123456"},
		"WRONG_CREDENTIALS_ERROR")
	core.expectStatus("POST", "/public/recipe/signin",
		map[string]any{"email": " Carol@Example.com", "password": "pw-123456"}, "OK")
	core.expectHTTP("POST", "/public/recipe/signup",
		map[string]any{"email": "dave@example.com", "password": ""}, http.StatusBadRequest)
}

func TestUserLookups(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	id := str(t, core.signUp("erin@example.com", "pw-123456"), "user", "id")

	byID := core.expectStatus("GET", "/user/id?userId="+id, nil, "OK")
	if str(t, byID, "user", "id") != id {
		t.Errorf("/user/id returned %v", byID)
	}
	core.expectStatus("GET", "/user/id?userId=missing", nil, "UNKNOWN_USER_ID_ERROR")

	found := core.expectStatus("GET",
		"/public/users/by-accountinfo?email=ERIN%40example.com&doUnionOfAccountInfo=true", nil, "OK")
	if users, _ := found["users"].([]any); len(users) != 1 {
		t.Errorf("by-accountinfo: expected 1 user, got %v", found)
	}
	core.expectHTTP("GET", "/public/users/by-accountinfo?email=erin%40example.com", nil,
		http.StatusBadRequest)

	legacy := core.withCDI("3.1")
	byEmail := legacy.expectStatus("GET", "/public/recipe/user?email=erin%40example.com", nil,
		"OK")
	if str(t, byEmail, "user", "id") != id {
		t.Errorf("/recipe/user?email returned %v", byEmail)
	}
	legacy.expectStatus("GET", "/public/recipe/user?email=none%40example.com", nil,
		"UNKNOWN_EMAIL_ERROR")
	legacy.expectStatus("GET", "/recipe/user?userId="+id, nil, "OK")
}

func TestListUsersPagination(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	for _, email := range []string{"u1@example.com", "u2@example.com", "u3@example.com"} {
		core.signUp(email, "pw-123456")
	}

	page := core.expectStatus("GET", "/public/users?limit=2&timeJoinedOrder=ASC", nil, "OK")
	users, _ := page["users"].([]any)
	if len(users) != 2 {
		t.Fatalf("first page: expected 2 users, got %v", page)
	}
	first, _ := users[0].(map[string]any)
	if emails, _ := first["emails"].([]any); len(emails) != 1 || emails[0] != "u1@example.com" {
		t.Errorf("first page: expected u1 first, got %v", first)
	}
	token := str(t, page, "nextPaginationToken")
	page = core.expectStatus("GET", "/public/users?limit=2&paginationToken="+token, nil, "OK")
	if users, _ := page["users"].([]any); len(users) != 1 {
		t.Errorf("second page: expected 1 user, got %v", page)
	}
	if _, ok := page["nextPaginationToken"]; ok {
		t.Errorf("second page: expected no nextPaginationToken, got %v", page)
	}

	legacy := core.withCDI("3.1").expectStatus("GET", "/public/users?timeJoinedOrder=DESC", nil,
		"OK")
	entries, _ := legacy["users"].([]any)
	if len(entries) != 3 {
		t.Fatalf("CDI 3.1 list: expected 3 entries, got %v", legacy)
	}
	entry, _ := entries[0].(map[string]any)
	if entry["recipeId"] != "emailpassword" || str(t, entry, "user", "email") != "u3@example.com" {
		t.Errorf("CDI 3.1 list: expected {recipeId, user} newest first, got %v", entry)
	}

	count := core.expectStatus("GET", "/public/users/count", nil, "OK")
	if count["count"] != float64(3) {
		t.Errorf("count: expected 3, got %v", count["count"])
	}
}

func TestRemoveUserDeletesSessions(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	id := str(t, core.signUp("frank@example.com", "pw-123456"), "user", "id")
	handle := str(t, core.createSession(id, true), "session", "handle")

	core.expectStatus("POST", "/user/remove", map[string]any{"userId": id}, "OK")
	core.expectStatus("GET", "/user/id?userId="+id, nil, "UNKNOWN_USER_ID_ERROR")
	core.expectStatus("GET", "/recipe/session?sessionHandle="+handle, nil, "UNAUTHORISED")
}

func TestPasswordResetCDI54(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	id := str(t, core.signUp("gina@example.com", "old-pw-1"), "user", "id")

	token := str(t, core.expectStatus("POST", "/public/recipe/user/password/reset/token",
		map[string]any{"userId": id, "email": "gina@example.com"}, "OK"), "token")
	consumed := core.expectStatus("POST", "/public/recipe/user/password/reset/token/consume",
		map[string]any{"method": "token", "token": token}, "OK")
	if consumed["userId"] != id || consumed["email"] != "gina@example.com" {
		t.Errorf("consume: expected userId and email, got %v", consumed)
	}
	core.expectStatus("POST", "/public/recipe/user/password/reset/token/consume",
		map[string]any{"method": "token", "token": token}, "RESET_PASSWORD_INVALID_TOKEN_ERROR")

	core.expectStatus("PUT", "/recipe/user",
		map[string]any{"recipeUserId": id, "password": "new-pw-1"}, "OK")
	core.expectStatus("POST", "/public/recipe/signin",
		map[string]any{"email": "gina@example.com", "password": "new-pw-1"}, "OK")
}

func TestPasswordResetCDI31(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "3.1")
	id := str(t, core.signUp("hank@example.com", "old-pw-1"), "user", "id")
	token := str(t, core.expectStatus("POST", "/public/recipe/user/password/reset/token",
		map[string]any{"userId": id}, "OK"), "token")
	reset := core.expectStatus("POST", "/public/recipe/user/password/reset",
		map[string]any{"method": "token", "token": token, "newPassword": "new-pw-1"}, "OK")
	if reset["userId"] != id {
		t.Errorf("reset: expected userId %s, got %v", id, reset)
	}
	core.expectStatus("POST", "/public/recipe/signin",
		map[string]any{"email": "hank@example.com", "password": "new-pw-1"}, "OK")
}

func TestUpdateEmailConflict(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	core.signUp("ivy@example.com", "pw-123456")
	id := str(t, core.signUp("jack@example.com", "pw-123456"), "user", "id")
	core.expectStatus("PUT", "/recipe/user",
		map[string]any{"recipeUserId": id, "email": "IVY@example.com"}, "EMAIL_ALREADY_EXISTS_ERROR")
	core.expectStatus("PUT", "/recipe/user",
		map[string]any{"recipeUserId": "missing", "email": "x@example.com"}, "UNKNOWN_USER_ID_ERROR")
}
