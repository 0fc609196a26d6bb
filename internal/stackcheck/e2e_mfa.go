package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"time"
)

// mfaRecipe is the recipe of the multi-factor case. The case signs up with email and
// password as the first factor and completes an email OTP (passwordless) as the second.
// supertokens-node links the passwordless user to the session user through the stand-in
// core's account-linking routes.
const mfaRecipe = "multifactorauth"

// mfaStacks are the stacks that also run the multi-factor case, in every mode that selects
// them. Go backends are left out because supertokens-golang v0.26.0 has no MFA.
// NOTE: the Python backends (supertokens-python 0.31) have MFA but were not run through this
// case against the stand-in core.
var mfaStacks = []string{"react+express"}

// recipeArgs are CLI arguments that a case's recipe needs besides --recipe.
var recipeArgs = map[string][]string{
	mfaRecipe: {"--firstfactors", "emailpassword", "--secondfactors", "otp-email"},
}

// mfaCases returns a multi-factor case for each selected stack that mfaStacks names.
func mfaCases(stacks []Stack) []E2ECase {
	var cases []E2ECase
	for _, name := range mfaStacks {
		for _, s := range stacks {
			if s.Name == name && s.HasFrontend() {
				cases = append(cases, E2ECase{Stack: s, Recipe: mfaRecipe})
			}
		}
	}
	return cases
}

// mfaClaim is the access token claim of the MFA recipe of supertokens-node.
const mfaClaim = "st-mfa"

// runMFAAPIFlow runs the multi-factor flow over HTTP and compares the user id with the
// stand-in core's.
func (k *e2eCase) runMFAAPIFlow(ctx context.Context, srv *Server) bool {
	return k.runAPISteps(ctx, srv, func(flow *APIFlow, email string) (string, error) {
		return flow.RunOTPEmailSecondFactor(ctx, email, e2ePassword,
			coreCodeReader(k.run.coreURL()))
	})
}

// codeReader returns the newest one-time code sent to an email address whose code id is
// not in seen, waiting for one until ctx ends.
type codeReader func(ctx context.Context, email string, seen []string) (testCode, error)

// testCode is the part of the stand-in core's GET /test/codes response the flows use.
type testCode struct {
	UserInputCode string `json:"userInputCode"`
	CodeID        string `json:"codeId"`
}

// coreCodeReader reads codes from the stand-in core's test-only /test/codes route, polling
// every 250 ms for up to 30 seconds.
func coreCodeReader(coreURL string) codeReader {
	return func(ctx context.Context, email string, seen []string) (testCode, error) {
		ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		endpoint := coreURL + "/test/codes?" + url.Values{"contact": {email}}.Encode()
		client := newClient()
		for {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint, nil)
			if err != nil {
				return testCode{}, err
			}
			var code testCode
			resp, err := client.Do(req)
			if err == nil {
				if resp.StatusCode == http.StatusOK {
					err = json.NewDecoder(resp.Body).Decode(&code)
				}
				resp.Body.Close()
			}
			if err == nil && code.CodeID != "" && !slices.Contains(seen, code.CodeID) {
				return code, nil
			}
			select {
			case <-ctx.Done():
				return testCode{}, fmt.Errorf("no new code for %s at %s: %w", email,
					endpoint, ctx.Err())
			case <-time.After(250 * time.Millisecond):
			}
		}
	}
}

// expectClaimFailure checks that the protected route returns 403 naming claim among its
// claimValidationErrors, as supertokens-node does for an unmet session claim.
func (f *APIFlow) expectClaimFailure(ctx context.Context, claim string) error {
	what := "GET " + f.Endpoints.SessionPath
	r, err := f.send(ctx, http.MethodGet, f.Endpoints.SessionPath, nil, nil)
	if err != nil {
		return err
	}
	if err := expectStatus(what, r, http.StatusForbidden); err != nil {
		return err
	}
	var body struct {
		Errors []struct {
			ID string `json:"id"`
		} `json:"claimValidationErrors"`
	}
	if err := json.Unmarshal(r.Body, &body); err != nil {
		return fmt.Errorf("%s: invalid JSON in the 403 response: %w", what, err)
	}
	for _, e := range body.Errors {
		if e.ID == claim {
			return nil
		}
	}
	return fmt.Errorf("%s: 403 without the %s claim%s", what, claim, bodyHint(string(r.Body)))
}

// passwordlessStep posts to a passwordless API with the session cookies and
// shouldTryLinkingWithSessionUser, as the prebuilt MFA screen does, and decodes the body.
func (f *APIFlow) passwordlessStep(ctx context.Context, api string, body map[string]any,
	out any) error {
	path := f.Endpoints.APIBasePath + "/" + api
	body["shouldTryLinkingWithSessionUser"] = true
	r, err := f.send(ctx, http.MethodPost, path,
		map[string]string{"rid": "passwordless", "st-auth-mode": "cookie"}, body)
	if err != nil {
		return err
	}
	if err := expectStatus("POST "+path, r, http.StatusOK); err != nil {
		return err
	}
	if err := json.Unmarshal(r.Body, out); err != nil {
		return fmt.Errorf("POST %s: invalid JSON: %w", path, err)
	}
	return nil
}

// RunOTPEmailSecondFactor signs up with email and password, checks that the protected
// route rejects the session for the st-mfa claim, completes the email OTP factor with the
// code from readCode and checks that the protected route then returns the sign-up's user.
// It returns that user id.
func (f *APIFlow) RunOTPEmailSecondFactor(ctx context.Context, email, password string,
	readCode codeReader) (string, error) {
	fail := func(step string, err error) (string, error) {
		fmt.Fprintf(f.Log, "FAIL %s: %v\n\n", step, err)
		return "", &StepError{Step: step, Err: err}
	}
	section := func(name string) { fmt.Fprintf(f.Log, "== %s\n", name) }

	section("sign up (first factor)")
	status, userID, _, err := f.authenticate(ctx, "signup", email, password)
	if err == nil && status != "OK" {
		err = fmt.Errorf("status %q, expected OK", status)
	}
	if err != nil {
		return fail("sign up", err)
	}
	if err := f.expectClaimFailure(ctx, mfaClaim); err != nil {
		return fail("session before the second factor", err)
	}

	section("email OTP (second factor)")
	var created struct {
		Status           string `json:"status"`
		DeviceID         string `json:"deviceId"`
		PreAuthSessionID string `json:"preAuthSessionId"`
	}
	err = f.passwordlessStep(ctx, "signinup/code", map[string]any{"email": email}, &created)
	if err == nil && created.Status != "OK" {
		err = fmt.Errorf("status %q, expected OK", created.Status)
	}
	if err != nil {
		return fail("create code", err)
	}
	code, err := readCode(ctx, email, nil)
	if err != nil {
		return fail("read code", err)
	}
	var consumed authResponse
	err = f.passwordlessStep(ctx, "signinup/code/consume", map[string]any{
		"preAuthSessionId": created.PreAuthSessionID,
		"deviceId":         created.DeviceID,
		"userInputCode":    code.UserInputCode,
	}, &consumed)
	if err == nil && consumed.Status != "OK" {
		err = fmt.Errorf("status %q, expected OK", consumed.Status)
	}
	if err == nil && consumed.User.ID != userID {
		err = fmt.Errorf("user id %q, expected the sign-up's %q, so the OTP user was not "+
			"linked to the session user", consumed.User.ID, userID)
	}
	if err != nil {
		return fail("consume code", err)
	}
	if err := f.expectSession(ctx, userID); err != nil {
		return fail("session after the second factor", err)
	}
	return userID, nil
}
