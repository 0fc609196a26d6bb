package testcore_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	"create-supertokens-app/internal/testcore"
)

func createCode(t *testing.T, core coreClient, body map[string]any) map[string]any {
	t.Helper()
	return core.expectStatus("POST", "/public/recipe/signinup/code", body, "OK")
}

func TestPasswordlessCodeShape(t *testing.T) {
	srv, core := newCore(t, testcore.Options{}, "3.1")
	created := createCode(t, core, map[string]any{"email": "Pat@Example.com"})
	for _, field := range []string{"preAuthSessionId", "codeId", "deviceId", "userInputCode",
		"linkCode"} {
		if value, _ := created[field].(string); value == "" {
			t.Errorf("create code: expected non-empty string %s, got %v", field, created)
		}
	}
	if created["codeLifetime"] != float64(15*time.Minute/time.Millisecond) {
		t.Errorf("codeLifetime: expected 900000 ms, got %v", created["codeLifetime"])
	}
	if len(str(t, created, "userInputCode")) != 6 {
		t.Errorf("userInputCode: expected 6 digits, got %v", created["userInputCode"])
	}

	code, ok := srv.LatestCode("pat@example.com")
	if !ok {
		t.Fatal("LatestCode: expected a code for pat@example.com")
	}
	if code.UserInputCode != created["userInputCode"] || code.LinkCode != created["linkCode"] {
		t.Errorf("LatestCode: %+v does not match %v", code, created)
	}
	if _, ok := srv.LatestCode("other@example.com"); ok {
		t.Error("LatestCode: expected no code for an unknown contact")
	}
}

func TestPasswordlessConsumeCDI54(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	created := createCode(t, core, map[string]any{"email": "quinn@example.com"})
	consumed := core.expectStatus("POST", "/public/recipe/signinup/code/consume", map[string]any{
		"preAuthSessionId": created["preAuthSessionId"],
		"deviceId":         created["deviceId"],
		"userInputCode":    created["userInputCode"],
	}, "OK")
	if consumed["createdNewUser"] != true {
		t.Errorf("createdNewUser: expected true, got %v", consumed["createdNewUser"])
	}
	id := str(t, consumed, "user", "id")
	if consumed["recipeUserId"] != id {
		t.Errorf("recipeUserId: expected %s, got %v", id, consumed["recipeUserId"])
	}
	if str(t, consumed, "consumedDevice", "email") != "quinn@example.com" {
		t.Errorf("consumedDevice: expected the email, got %v", consumed["consumedDevice"])
	}
	methods, _ := consumed["user"].(map[string]any)["loginMethods"].([]any)
	method, _ := methods[0].(map[string]any)
	if method["recipeId"] != "passwordless" || method["verified"] != true {
		t.Errorf("loginMethods[0]: expected verified passwordless, got %v", method)
	}

	again := createCode(t, core, map[string]any{"email": "quinn@example.com"})
	second := core.expectStatus("POST", "/public/recipe/signinup/code/consume", map[string]any{
		"preAuthSessionId": again["preAuthSessionId"],
		"linkCode":         again["linkCode"],
	}, "OK")
	if second["createdNewUser"] != false || str(t, second, "user", "id") != id {
		t.Errorf("second sign-in: expected the existing user %s, got %v", id, second)
	}
	core.expectStatus("POST", "/public/recipe/signinup/code/consume", map[string]any{
		"preAuthSessionId": again["preAuthSessionId"],
		"linkCode":         again["linkCode"],
	}, "RESTART_FLOW_ERROR")
}

func TestPasswordlessWrongCodeLimit(t *testing.T) {
	_, core := newCore(t, testcore.Options{PasswordlessMaxCodeInputAttempts: 2}, "5.4")
	created := createCode(t, core, map[string]any{"phoneNumber": "+14155550100"})
	wrong := map[string]any{
		"preAuthSessionId": created["preAuthSessionId"],
		"deviceId":         created["deviceId"],
		"userInputCode":    "not-the-code",
	}
	first := core.expectStatus("POST", "/public/recipe/signinup/code/consume", wrong,
		"INCORRECT_USER_INPUT_CODE_ERROR")
	if first["failedCodeInputAttemptCount"] != float64(1) {
		t.Errorf("failedCodeInputAttemptCount: expected 1, got %v", first)
	}
	if first["maximumCodeInputAttempts"] != float64(2) {
		t.Errorf("maximumCodeInputAttempts: expected 2, got %v", first)
	}
	core.expectStatus("POST", "/public/recipe/signinup/code/consume", wrong, "RESTART_FLOW_ERROR")
	core.expectStatus("POST", "/public/recipe/signinup/code",
		map[string]any{"deviceId": created["deviceId"]}, "RESTART_FLOW_ERROR")
}

func TestPasswordlessExpiredCode(t *testing.T) {
	_, core := newCore(t, testcore.Options{PasswordlessCodeLifetime: 50 * time.Millisecond},
		"5.4")
	created := createCode(t, core, map[string]any{"email": "rita@example.com"})
	time.Sleep(100 * time.Millisecond)
	core.expectStatus("POST", "/public/recipe/signinup/code/consume", map[string]any{
		"preAuthSessionId": created["preAuthSessionId"],
		"deviceId":         created["deviceId"],
		"userInputCode":    created["userInputCode"],
	}, "EXPIRED_USER_INPUT_CODE_ERROR")
}

func TestPasswordlessResendAndList(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "3.1")
	created := createCode(t, core, map[string]any{"email": "sam@example.com"})
	core.expectStatus("POST", "/public/recipe/signinup/code", map[string]any{
		"deviceId": created["deviceId"], "userInputCode": created["userInputCode"]},
		"USER_INPUT_CODE_ALREADY_USED_ERROR")
	createCode(t, core, map[string]any{"deviceId": created["deviceId"]})

	listed := core.expectStatus("GET", "/public/recipe/signinup/codes?email=sam%40example.com",
		nil, "OK")
	devices, _ := listed["devices"].([]any)
	if len(devices) != 1 {
		t.Fatalf("list: expected 1 device, got %v", listed)
	}
	device, _ := devices[0].(map[string]any)
	if codes, _ := device["codes"].([]any); len(codes) != 2 {
		t.Errorf("list: expected 2 codes on the device, got %v", device)
	}

	checked := core.expectStatus("POST", "/public/recipe/signinup/code/check", map[string]any{
		"preAuthSessionId": created["preAuthSessionId"], "linkCode": created["linkCode"]}, "OK")
	if _, ok := checked["consumedDevice"].(map[string]any); !ok {
		t.Errorf("check: expected consumedDevice, got %v", checked)
	}
	core.expectStatus("POST", "/public/recipe/signinup/codes/remove",
		map[string]any{"email": "sam@example.com"}, "OK")
	listed = core.expectStatus("GET", "/public/recipe/signinup/codes?email=sam%40example.com",
		nil, "OK")
	if devices, _ := listed["devices"].([]any); len(devices) != 0 {
		t.Errorf("after remove: expected no devices, got %v", listed)
	}
}

func TestTestCodesRoute(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	created := createCode(t, core, map[string]any{"phoneNumber": "+14155550199"})

	path := "/test/codes?contact=" + url.QueryEscape("+14155550199")
	status, raw := core.do("GET", path, nil, nil)
	if status != http.StatusOK {
		t.Fatalf("%s", describe("GET", path, status, raw))
	}
	var code testcore.Code
	err := json.Unmarshal(raw, &code)
	if err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	if code.UserInputCode != created["userInputCode"] || code.DeviceID != created["deviceId"] {
		t.Errorf("/test/codes returned %s, expected the code from %v", raw, created)
	}
	core.expectHTTP("GET", "/test/codes?contact=nobody%40example.com", nil, http.StatusNotFound)
}
