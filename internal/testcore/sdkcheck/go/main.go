// Command sdkcheck-go is a minimal supertokens-golang backend used to check the testcore
// stand-in against the real Go SDK. It reads CORE_URL and PORT from the environment, serves the
// SDK's /auth routes plus a few routes for the test driver, and listens on 127.0.0.1:PORT.
//
// It lives in its own module so that the main module does not depend on the SDK.
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"

	"github.com/supertokens/supertokens-golang/ingredients/emaildelivery"
	"github.com/supertokens/supertokens-golang/ingredients/smsdelivery"
	"github.com/supertokens/supertokens-golang/recipe/emailpassword"
	"github.com/supertokens/supertokens-golang/recipe/emailverification"
	"github.com/supertokens/supertokens-golang/recipe/emailverification/evmodels"
	"github.com/supertokens/supertokens-golang/recipe/multitenancy"
	"github.com/supertokens/supertokens-golang/recipe/passwordless"
	"github.com/supertokens/supertokens-golang/recipe/passwordless/plessmodels"
	"github.com/supertokens/supertokens-golang/recipe/session"
	"github.com/supertokens/supertokens-golang/recipe/session/sessmodels"
	"github.com/supertokens/supertokens-golang/recipe/userroles"
	"github.com/supertokens/supertokens-golang/recipe/userroles/userrolesclaims"
	"github.com/supertokens/supertokens-golang/supertokens"
)

func main() {
	coreURL := os.Getenv("CORE_URL")
	port := os.Getenv("PORT")
	if coreURL == "" || port == "" {
		log.Fatal("sdkcheck-go: CORE_URL and PORT must be set")
	}
	apiDomain := "http://127.0.0.1:" + port

	err := supertokens.Init(supertokens.TypeInput{
		Supertokens: &supertokens.ConnectionInfo{ConnectionURI: coreURL},
		AppInfo: supertokens.AppInfo{
			AppName:       "sdkcheck",
			APIDomain:     apiDomain,
			WebsiteDomain: "http://127.0.0.1:3000",
		},
		Telemetry: boolPtr(false),
		RecipeList: []supertokens.Recipe{
			emailpassword.Init(nil),
			emailverification.Init(evmodels.TypeInput{
				Mode:          evmodels.ModeOptional,
				EmailDelivery: &emaildelivery.TypeInput{Service: discardEmails()},
			}),
			passwordless.Init(plessmodels.TypeInput{
				FlowType:                  "USER_INPUT_CODE_AND_MAGIC_LINK",
				ContactMethodEmailOrPhone: plessmodels.ContactMethodEmailOrPhoneConfig{Enabled: true},
				EmailDelivery:             &emaildelivery.TypeInput{Service: discardEmails()},
				SmsDelivery:               &smsdelivery.TypeInput{Service: discardSMS()},
			}),
			session.Init(nil),
			userroles.Init(nil),
			multitenancy.Init(nil),
		},
	})
	if err != nil {
		log.Fatalf("sdkcheck-go: supertokens.Init: %v", err)
	}

	mux := http.NewServeMux()
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.Handle("/sessioninfo", session.VerifySession(nil, sessionInfo))
	mux.Handle("/sessioninfo-db", session.VerifySession(
		&sessmodels.VerifySessionOptions{CheckDatabase: boolPtr(true)}, sessionInfo))
	mux.Handle("/roles", session.VerifySession(nil, grantAdminRole))
	mux.HandleFunc("/tenant", tenantInfo)

	addr := "127.0.0.1:" + port
	log.Printf("sdkcheck-go: listening on %s, core %s", addr, coreURL)
	log.Fatal(http.ListenAndServe(addr, supertokens.Middleware(mux)))
}

func boolPtr(b bool) *bool { return &b }

// discardEmails replaces the default delivery, which would send mail through SuperTokens'
// hosted service; tests read codes from the stand-in instead.
func discardEmails() *emaildelivery.EmailDeliveryInterface {
	send := func(emaildelivery.EmailType, supertokens.UserContext) error { return nil }
	return &emaildelivery.EmailDeliveryInterface{SendEmail: &send}
}

func discardSMS() *smsdelivery.SmsDeliveryInterface {
	send := func(smsdelivery.SmsType, supertokens.UserContext) error { return nil }
	return &smsdelivery.SmsDeliveryInterface{SendSms: &send}
}

func writeJSON(w http.ResponseWriter, body any) {
	w.Header().Set("Content-Type", "application/json")
	err := json.NewEncoder(w).Encode(body)
	if err != nil {
		log.Printf("sdkcheck-go: write response: %v", err)
	}
}

func sessionInfo(w http.ResponseWriter, r *http.Request) {
	sess := session.GetSessionFromRequestContext(r.Context())
	writeJSON(w, map[string]any{
		"userId":             sess.GetUserID(),
		"sessionHandle":      sess.GetHandle(),
		"accessTokenPayload": sess.GetAccessTokenPayload(),
	})
}

// grantAdminRole creates the role "admin" with permission "read", gives it to the session's
// user and refreshes the role and permission claims in the access token.
func grantAdminRole(w http.ResponseWriter, r *http.Request) {
	sess := session.GetSessionFromRequestContext(r.Context())
	_, err := userroles.CreateNewRoleOrAddPermissions("admin", []string{"read"})
	if err == nil {
		_, err = userroles.AddRoleToUser("public", sess.GetUserID(), "admin")
	}
	if err == nil {
		err = sess.FetchAndSetClaim(userrolesclaims.UserRoleClaim)
	}
	if err == nil {
		err = sess.FetchAndSetClaim(userrolesclaims.PermissionClaim)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, map[string]any{"accessTokenPayload": sess.GetAccessTokenPayload()})
}

func tenantInfo(w http.ResponseWriter, r *http.Request) {
	tenant, err := multitenancy.GetTenant("public")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if tenant == nil {
		http.Error(w, "tenant public not found", http.StatusNotFound)
		return
	}
	writeJSON(w, map[string]any{"tenantId": tenant.TenantId})
}
