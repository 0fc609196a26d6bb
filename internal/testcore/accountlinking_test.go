package testcore_test

import (
	"net/http"
	"net/url"
	"testing"

	"create-supertokens-app/internal/testcore"
)

// passwordlessUser signs up a passwordless user with email and returns its recipe user id.
func passwordlessUser(t *testing.T, core coreClient, email string) string {
	t.Helper()
	created := createCode(t, core, map[string]any{"email": email})
	consumed := core.expectStatus("POST", "/public/recipe/signinup/code/consume", map[string]any{
		"preAuthSessionId": created["preAuthSessionId"],
		"deviceId":         created["deviceId"],
		"userInputCode":    created["userInputCode"],
	}, "OK")
	return str(t, consumed, "recipeUserId")
}

func loginMethodIDs(t *testing.T, user map[string]any) []string {
	t.Helper()
	methods, _ := user["loginMethods"].([]any)
	ids := []string{}
	for _, raw := range methods {
		method, _ := raw.(map[string]any)
		id, _ := method["recipeUserId"].(string)
		ids = append(ids, id)
	}
	return ids
}

func TestCreatePrimaryUser(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	id := str(t, core.signUp("ann@example.com", "pw-123456"), "user", "id")
	path := "/recipe/accountlinking/user/primary"

	check := core.expectStatus("GET", path+"/check?recipeUserId="+id, nil, "OK")
	if check["wasAlreadyAPrimaryUser"] != false {
		t.Errorf("check: wasAlreadyAPrimaryUser: expected false, got %v", check)
	}
	created := core.expectStatus("POST", path, map[string]any{"recipeUserId": id}, "OK")
	if created["wasAlreadyAPrimaryUser"] != false {
		t.Errorf("create: wasAlreadyAPrimaryUser: expected false, got %v", created)
	}
	user, _ := created["user"].(map[string]any)
	if user["id"] != id || user["isPrimaryUser"] != true {
		t.Errorf("create: expected primary user %s, got %v", id, user)
	}
	again := core.expectStatus("POST", path, map[string]any{"recipeUserId": id}, "OK")
	if again["wasAlreadyAPrimaryUser"] != true {
		t.Errorf("second create: wasAlreadyAPrimaryUser: expected true, got %v", again)
	}
	looked := core.expectStatus("GET", "/user/id?userId="+id, nil, "OK")
	if looked["user"].(map[string]any)["isPrimaryUser"] != true {
		t.Errorf("/user/id: expected isPrimaryUser true, got %v", looked["user"])
	}
}

func TestCreatePrimaryUserConflict(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	first := str(t, core.signUp("bea@example.com", "pw-123456"), "user", "id")
	second := passwordlessUser(t, core, "bea@example.com")
	core.expectStatus("POST", "/recipe/accountlinking/user/primary",
		map[string]any{"recipeUserId": first}, "OK")

	conflict := core.expectStatus("GET",
		"/recipe/accountlinking/user/primary/check?recipeUserId="+second, nil,
		"ACCOUNT_INFO_ALREADY_ASSOCIATED_WITH_ANOTHER_PRIMARY_USER_ID_ERROR")
	if conflict["primaryUserId"] != first {
		t.Errorf("primaryUserId: expected %s, got %v", first, conflict["primaryUserId"])
	}
	core.expectHTTP("POST", "/recipe/accountlinking/user/primary",
		map[string]any{"recipeUserId": "no-such-user"}, http.StatusBadRequest)
}

func TestLinkAccounts(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	primary := str(t, core.signUp("cy@example.com", "pw-123456"), "user", "id")
	recipeUser := passwordlessUser(t, core, "cy@example.com")
	link := map[string]any{"recipeUserId": recipeUser, "primaryUserId": primary}
	query := "?" + url.Values{"recipeUserId": {recipeUser}, "primaryUserId": {primary}}.Encode()

	core.expectStatus("GET", "/recipe/accountlinking/user/link/check"+query, nil,
		"INPUT_USER_IS_NOT_A_PRIMARY_USER")
	core.expectStatus("POST", "/recipe/accountlinking/user/primary",
		map[string]any{"recipeUserId": primary}, "OK")
	check := core.expectStatus("GET", "/recipe/accountlinking/user/link/check"+query, nil, "OK")
	if check["accountsAlreadyLinked"] != false {
		t.Errorf("check: accountsAlreadyLinked: expected false, got %v", check)
	}

	linked := core.expectStatus("POST", "/recipe/accountlinking/user/link", link, "OK")
	if linked["accountsAlreadyLinked"] != false {
		t.Errorf("link: accountsAlreadyLinked: expected false, got %v", linked)
	}
	user, _ := linked["user"].(map[string]any)
	if user["id"] != primary {
		t.Errorf("link: user id: expected %s, got %v", primary, user["id"])
	}
	ids := loginMethodIDs(t, user)
	if len(ids) != 2 || ids[0] != primary || ids[1] != recipeUser {
		t.Errorf("link: loginMethods: expected [%s %s], got %v", primary, recipeUser, ids)
	}
	emails, _ := user["emails"].([]any)
	if len(emails) != 1 {
		t.Errorf("link: emails: expected one address, got %v", emails)
	}

	again := core.expectStatus("POST", "/recipe/accountlinking/user/link", link, "OK")
	if again["accountsAlreadyLinked"] != true {
		t.Errorf("second link: accountsAlreadyLinked: expected true, got %v", again)
	}
	// Looking up the linked recipe user returns the whole account.
	looked := core.expectStatus("GET", "/user/id?userId="+recipeUser, nil, "OK")
	if looked["user"].(map[string]any)["id"] != primary {
		t.Errorf("/user/id of the linked user: expected account %s, got %v", primary,
			looked["user"])
	}
	byEmail := core.expectStatus("GET",
		"/public/users/by-accountinfo?email=cy@example.com&doUnionOfAccountInfo=true", nil, "OK")
	if users, _ := byEmail["users"].([]any); len(users) != 1 {
		t.Errorf("by-accountinfo: expected the account once, got %v", byEmail["users"])
	}
	listed := core.expectStatus("GET", "/public/users", nil, "OK")
	if users, _ := listed["users"].([]any); len(users) != 1 {
		t.Errorf("/users: expected the account once, got %v", listed["users"])
	}
	count := core.expectStatus("GET", "/public/users/count", nil, "OK")
	if count["count"] != float64(2) {
		t.Errorf("/users/count: expected 2 recipe users, got %v", count["count"])
	}
}

func TestLinkAccountsToAnotherPrimary(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	first := str(t, core.signUp("dee@example.com", "pw-123456"), "user", "id")
	second := str(t, core.signUp("eve@example.com", "pw-123456"), "user", "id")
	other := passwordlessUser(t, core, "eve@example.com")
	for _, id := range []string{first, second} {
		core.expectStatus("POST", "/recipe/accountlinking/user/primary",
			map[string]any{"recipeUserId": id}, "OK")
	}

	conflict := core.expectStatus("POST", "/recipe/accountlinking/user/link",
		map[string]any{"recipeUserId": other, "primaryUserId": first},
		"ACCOUNT_INFO_ALREADY_ASSOCIATED_WITH_ANOTHER_PRIMARY_USER_ID_ERROR")
	if conflict["primaryUserId"] != second {
		t.Errorf("primaryUserId: expected %s, got %v", second, conflict["primaryUserId"])
	}
	core.expectStatus("POST", "/recipe/accountlinking/user/link",
		map[string]any{"recipeUserId": other, "primaryUserId": second}, "OK")
	taken := core.expectStatus("POST", "/recipe/accountlinking/user/link",
		map[string]any{"recipeUserId": other, "primaryUserId": first},
		"RECIPE_USER_ID_ALREADY_LINKED_WITH_ANOTHER_PRIMARY_USER_ID_ERROR")
	if taken["primaryUserId"] != second {
		t.Errorf("primaryUserId: expected %s, got %v", second, taken["primaryUserId"])
	}
	core.expectStatus("GET", "/recipe/accountlinking/user/primary/check?recipeUserId="+other,
		nil, "RECIPE_USER_ID_ALREADY_LINKED_WITH_PRIMARY_USER_ID_ERROR")
}

func TestUnlinkAndRemoveLinkedUser(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	primary := str(t, core.signUp("fay@example.com", "pw-123456"), "user", "id")
	recipeUser := passwordlessUser(t, core, "fay@example.com")
	core.expectStatus("POST", "/recipe/accountlinking/user/primary",
		map[string]any{"recipeUserId": primary}, "OK")
	core.expectStatus("POST", "/recipe/accountlinking/user/link",
		map[string]any{"recipeUserId": recipeUser, "primaryUserId": primary}, "OK")

	core.expectHTTP("POST", "/recipe/accountlinking/user/unlink",
		map[string]any{"recipeUserId": primary}, http.StatusBadRequest)
	unlinked := core.expectStatus("POST", "/recipe/accountlinking/user/unlink",
		map[string]any{"recipeUserId": recipeUser}, "OK")
	if unlinked["wasLinked"] != true {
		t.Errorf("unlink: wasLinked: expected true, got %v", unlinked)
	}
	looked := core.expectStatus("GET", "/user/id?userId="+recipeUser, nil, "OK")
	if looked["user"].(map[string]any)["id"] != recipeUser {
		t.Errorf("/user/id after unlink: expected its own account, got %v", looked["user"])
	}

	core.expectStatus("POST", "/recipe/accountlinking/user/link",
		map[string]any{"recipeUserId": recipeUser, "primaryUserId": primary}, "OK")
	core.expectStatus("POST", "/user/remove", map[string]any{"userId": primary}, "OK")
	core.expectStatus("GET", "/user/id?userId="+recipeUser, nil, "UNKNOWN_USER_ID_ERROR")
}
