package testcore

import "net/http"

// jwksMaxAgeSeconds is the Cache-Control max-age on the JWKS. Keys never rotate here, so any
// value works; the real core sends the time until its next key rotation.
const jwksMaxAgeSeconds = "60"

func handleHello(c *call) {
	writeText(c.w, http.StatusOK, "Hello")
}

// handleAPIVersion lists the served CDI versions. The SDKs pick the highest version present in
// both this list and their own, and send it as cdi-version on every later request.
func handleAPIVersion(c *call) {
	c.writeJSON(map[string]any{"versions": c.srv.opts.CDIVersions})
}

// handleJWKS serves the public keys for access tokens. /.well-known/jwks.json needs no API key
// because the SDKs fetch it without one.
func handleJWKS(c *call) {
	c.w.Header().Set("Cache-Control", "max-age="+jwksMaxAgeSeconds+", must-revalidate")
	body := map[string]any{"keys": c.srv.keys.jwks()}
	if c.r.URL.Path != "/.well-known/jwks.json" {
		body["status"] = "OK"
	}
	c.writeJSON(body)
}
