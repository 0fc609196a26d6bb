package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// authFlowScript is the Playwright script of the browser flow. The run writes it into the
// work folder, and the script loads playwright-core from the tools folder in its input.
//
//go:embed browser/auth-flow.mjs
var authFlowScript []byte

// BrowserInput is the JSON input of browser/auth-flow.mjs.
type BrowserInput struct {
	WebsiteURL string `json:"websiteURL"`
	// APIURL is the origin of the API that serves GET /sessioninfo.
	APIURL   string `json:"apiURL"`
	CoreURL  string `json:"coreURL"`
	Email    string `json:"email"`
	Password string `json:"password"`
	// Method is the recipe whose prebuilt UI signs up: "emailpassword", "passwordless" or
	// "multifactorauth" (email and password, then an email OTP).
	Method        string `json:"method"`
	Chromium      string `json:"chromium"`
	ToolsDir      string `json:"toolsDir"`
	ArtifactsDir  string `json:"artifactsDir"`
	TimeoutMillis int    `json:"timeoutMs"`
	ResultPath    string `json:"resultPath"`
}

// BrowserResult is the JSON the script writes to ResultPath.
type BrowserResult struct {
	OK           bool   `json:"ok"`
	UserID       string `json:"userId"`
	SignInUserID string `json:"signInUserId"`
	FailedStep   string `json:"failedStep"`
	Error        string `json:"error"`
	URL          string `json:"url"`
	PageText     string `json:"pageText"`
	Screenshot   string `json:"screenshot"`
	Steps        []struct {
		Name   string `json:"name"`
		Millis int64  `json:"ms"`
	} `json:"steps"`
	// Events are console errors and warnings, uncaught page errors, failed requests and
	// responses with status 400 or more, each as "kind: text".
	Events []string `json:"events"`
}

// PageErrors returns the uncaught exceptions the page threw.
func (r BrowserResult) PageErrors() []string {
	var errs []string
	for _, e := range r.Events {
		if msg, ok := strings.CutPrefix(e, "pageerror: "); ok {
			errs = append(errs, msg)
		}
	}
	return errs
}

// Problem describes a failed run in one line.
func (r BrowserResult) Problem() string {
	msg := r.Error
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	if r.FailedStep != "" {
		msg = r.FailedStep + ": " + msg
	}
	if r.URL != "" {
		msg += " (page " + r.URL + ")"
	}
	return msg
}

// check returns an error when the run failed or the sign-in showed another user.
func (r BrowserResult) check() error {
	if !r.OK {
		return fmt.Errorf("%s", r.Problem())
	}
	if r.SignInUserID != "" && r.SignInUserID != r.UserID {
		return fmt.Errorf("the dashboard showed user %s after sign-in but %s after sign-up",
			r.SignInUserID, r.UserID)
	}
	return nil
}

// writeBrowserLog appends the result, with its trace, to the log in a readable form.
func writeBrowserLog(path string, r BrowserResult) {
	f, err := openLog(path)
	if err != nil {
		return
	}
	defer f.Close()
	for _, s := range r.Steps {
		fmt.Fprintf(f, "step %-20s %6d ms\n", s.Name, s.Millis)
	}
	for _, e := range r.Events {
		fmt.Fprintf(f, "event %s\n", e)
	}
	if !r.OK {
		fmt.Fprintf(f, "FAIL %s\n", r.Problem())
		if r.Screenshot != "" {
			fmt.Fprintf(f, "screenshot: %s\n", r.Screenshot)
		}
		fmt.Fprintf(f, "page text:\n%s\n", r.PageText)
		fmt.Fprintf(f, "error:\n%s\n", r.Error)
	}
}

// RunBrowserFlow runs the script with node from the PATH and returns its result. The
// input and result files and the log go to dir.
func RunBrowserFlow(ctx context.Context, in BrowserInput, script, dir string, env []string) (
	BrowserResult, error) {
	in.ResultPath = filepath.Join(dir, "browser-result.json")
	inputPath := filepath.Join(dir, "browser-input.json")
	data, err := json.MarshalIndent(in, "", "  ")
	if err != nil {
		return BrowserResult{}, err
	}
	if err := os.WriteFile(inputPath, data, 0o644); err != nil {
		return BrowserResult{}, err
	}
	_ = os.Remove(in.ResultPath)
	log := filepath.Join(dir, "browser.log")
	runErr := Command{Dir: dir, Env: env, Argv: []string{"node", script, inputPath}, Log: log,
		Timeout: browserTimeout}.Run(ctx)
	raw, err := os.ReadFile(in.ResultPath)
	if err != nil {
		if runErr != nil {
			return BrowserResult{}, runErr
		}
		return BrowserResult{}, fmt.Errorf("the browser script wrote no result: %w", err)
	}
	var res BrowserResult
	if err := json.Unmarshal(raw, &res); err != nil {
		return BrowserResult{}, fmt.Errorf("invalid JSON in %s: %w", in.ResultPath, err)
	}
	writeBrowserLog(log, res)
	return res, res.check()
}

// expectCoreUser checks that the stand-in core has exactly one user with email and that
// its id is userID.
func expectCoreUser(ctx context.Context, coreURL, email, userID string) error {
	query := url.Values{"email": {email}, "doUnionOfAccountInfo": {"true"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet,
		coreURL+"/users/by-accountinfo?"+query.Encode(), nil)
	if err != nil {
		return err
	}
	req.Header.Set("cdi-version", "5.4")
	resp, err := newClient().Do(req)
	if err != nil {
		return fmt.Errorf("looking up %s in the stand-in core failed: %w", email, err)
	}
	defer resp.Body.Close()
	var body struct {
		Status string `json:"status"`
		Users  []struct {
			ID string `json:"id"`
		} `json:"users"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return fmt.Errorf("invalid JSON from the stand-in core's user lookup: %w", err)
	}
	switch {
	case len(body.Users) != 1:
		return fmt.Errorf("the stand-in core has %d users with email %s, expected 1",
			len(body.Users), email)
	case body.Users[0].ID != userID:
		return fmt.Errorf("the stand-in core has user id %s for %s, but the app showed %q",
			body.Users[0].ID, email, userID)
	}
	return nil
}
