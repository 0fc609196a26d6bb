package testcore

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// maxBodyBytes caps request bodies; SDK requests are a few kilobytes at most.
const maxBodyBytes = 1 << 20

func writeText(w http.ResponseWriter, code int, message string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, _ = io.WriteString(w, message)
}

// writeJSON sends a 200 JSON response. Business outcomes use this too, with a status field,
// because the SDKs treat any other HTTP status as a fatal core error.
func (c *call) writeJSON(body any) {
	data, err := json.Marshal(body)
	if err != nil {
		c.fail(fmt.Errorf("encode response: %w", err))
		return
	}
	c.w.Header().Set("Content-Type", "application/json; charset=utf-8")
	c.w.WriteHeader(http.StatusOK)
	_, _ = c.w.Write(data)
}

// ok sends {"status":"OK"} merged with fields.
func (c *call) ok(fields map[string]any) {
	body := map[string]any{"status": "OK"}
	for key, value := range fields {
		body[key] = value
	}
	c.writeJSON(body)
}

// status sends a business outcome other than OK, such as WRONG_CREDENTIALS_ERROR.
func (c *call) status(name string, fields map[string]any) {
	body := map[string]any{"status": name}
	for key, value := range fields {
		body[key] = value
	}
	c.writeJSON(body)
}

// badRequest responds with 400 and a text message, as the real core does for invalid input.
func (c *call) badRequest(message string) {
	c.srv.reject(c.w, c.r, http.StatusBadRequest, message)
}

func (c *call) fail(err error) {
	c.srv.log.Error("testcore: handler failed", "method", c.r.Method, "path", c.r.URL.Path,
		"err", err)
	writeText(c.w, http.StatusInternalServerError, "Internal Error")
}

// decode reads the JSON body into dst. On failure it responds with 400 itself and returns false.
func (c *call) decode(dst any) bool {
	body := http.MaxBytesReader(c.w, c.r.Body, maxBodyBytes)
	err := json.NewDecoder(body).Decode(dst)
	if errors.Is(err, io.EOF) {
		c.badRequest("Invalid Json Input: empty body")
		return false
	}
	if err != nil {
		c.badRequest("Invalid Json Input: " + err.Error())
		return false
	}
	return true
}

// query returns a query parameter and whether it was present.
func (c *call) query(name string) (string, bool) {
	values, ok := c.r.URL.Query()[name]
	if !ok || len(values) == 0 {
		return "", false
	}
	return values[0], true
}

// requireQuery returns a query parameter, or responds with 400 naming it when it is missing.
func (c *call) requireQuery(name string) (string, bool) {
	value, ok := c.query(name)
	if !ok {
		c.badRequest("Field name '" + name + "' is missing in GET request")
		return "", false
	}
	return value, true
}

// requireField responds with 400 naming a JSON field that is missing or empty.
func (c *call) requireField(name, value string) bool {
	if value == "" {
		c.badRequest("Field name '" + name + "' is invalid in JSON input")
		return false
	}
	return true
}
