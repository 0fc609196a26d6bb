package testcore

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"sync"
	"time"
)

// rsaKeyBits matches the 2048-bit keys the real core generates for access tokens.
const rsaKeyBits = 2048

// signingKeys holds one dynamic and one static RS256 key. The SDKs require the kid of an
// access token to start with "d-" when useDynamicAccessTokenSigningKey is true (the default)
// and with "s-" otherwise, so both kinds must exist.
type signingKeys struct {
	dynamic signingKey
	static  signingKey
}

type signingKey struct {
	id      string
	private *rsa.PrivateKey
}

// processKeys caches the key pair of the process. Generating two 2048-bit RSA keys takes up to
// a second, and every Server in a process sharing them does no harm in a test double.
var processKeys struct {
	once sync.Once
	keys *signingKeys
	err  error
}

// sharedSigningKeys returns the process's signing keys, generating them on first use.
func sharedSigningKeys() (*signingKeys, error) {
	processKeys.once.Do(func() {
		processKeys.keys, processKeys.err = newSigningKeys()
	})
	return processKeys.keys, processKeys.err
}

func newSigningKeys() (*signingKeys, error) {
	dynamic, err := rsa.GenerateKey(rand.Reader, rsaKeyBits)
	if err != nil {
		return nil, fmt.Errorf("generate dynamic RSA signing key: %w", err)
	}
	static, err := rsa.GenerateKey(rand.Reader, rsaKeyBits)
	if err != nil {
		return nil, fmt.Errorf("generate static RSA signing key: %w", err)
	}
	// The real core names keys d-<creation time in ms> and s-<uuid>.
	return &signingKeys{
		dynamic: signingKey{id: "d-" + strconv.FormatInt(time.Now().UnixMilli(), 10), private: dynamic},
		static:  signingKey{id: "s-" + newUUID(), private: static},
	}, nil
}

// pick returns the key a session uses, depending on the SDK's useDynamicSigningKey flag.
func (k *signingKeys) pick(dynamic bool) signingKey {
	if dynamic {
		return k.dynamic
	}
	return k.static
}

func (k *signingKeys) byID(kid string) (signingKey, bool) {
	switch kid {
	case k.dynamic.id:
		return k.dynamic, true
	case k.static.id:
		return k.static, true
	}
	return signingKey{}, false
}

// jwk is one RSA public key in JSON Web Key form (RFC 7517, RFC 7518 section 6.3).
type jwk struct {
	KeyType   string `json:"kty"`
	KeyID     string `json:"kid"`
	Modulus   string `json:"n"`
	Exponent  string `json:"e"`
	Algorithm string `json:"alg"`
	Use       string `json:"use"`
}

func (k *signingKeys) jwks() []jwk {
	keys := []jwk{}
	for _, key := range []signingKey{k.dynamic, k.static} {
		public := key.private.PublicKey
		keys = append(keys, jwk{
			KeyType:   "RSA",
			KeyID:     key.id,
			Modulus:   base64.RawURLEncoding.EncodeToString(public.N.Bytes()),
			Exponent:  base64.RawURLEncoding.EncodeToString(big.NewInt(int64(public.E)).Bytes()),
			Algorithm: "RS256",
			Use:       "sig",
		})
	}
	return keys
}

// jwtHeader is the access-token header. version is a string because the SDKs reject a number.
type jwtHeader struct {
	Algorithm string `json:"alg"`
	Type      string `json:"typ"`
	KeyID     string `json:"kid"`
	Version   string `json:"version"`
}

// sign returns a compact RS256 JWT.
func (k signingKey) sign(version string, claims map[string]any) (string, error) {
	header, err := json.Marshal(jwtHeader{Algorithm: "RS256", Type: "JWT", KeyID: k.id,
		Version: version})
	if err != nil {
		return "", fmt.Errorf("encode JWT header: %w", err)
	}
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", fmt.Errorf("encode JWT payload: %w", err)
	}
	signingInput := base64.RawURLEncoding.EncodeToString(header) + "." +
		base64.RawURLEncoding.EncodeToString(payload)
	digest := sha256.Sum256([]byte(signingInput))
	signature, err := rsa.SignPKCS1v15(rand.Reader, k.private, crypto.SHA256, digest[:])
	if err != nil {
		return "", fmt.Errorf("sign JWT: %w", err)
	}
	return signingInput + "." + base64.RawURLEncoding.EncodeToString(signature), nil
}

var errInvalidToken = errors.New("invalid access token")

// verify checks the signature of a token signed by one of k's keys and returns its claims.
// Expiry is left to the caller, because regenerate accepts expired tokens.
func (k *signingKeys) verify(token string) (map[string]any, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil, fmt.Errorf("%w: expected 3 dot-separated parts, got %d", errInvalidToken,
			len(parts))
	}

	headerJSON, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil {
		return nil, fmt.Errorf("%w: header: %w", errInvalidToken, err)
	}
	var header jwtHeader
	err = json.Unmarshal(headerJSON, &header)
	if err != nil {
		return nil, fmt.Errorf("%w: header: %w", errInvalidToken, err)
	}

	key, ok := k.byID(header.KeyID)
	if !ok {
		return nil, fmt.Errorf("%w: unknown kid %q", errInvalidToken, header.KeyID)
	}

	signature, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return nil, fmt.Errorf("%w: signature: %w", errInvalidToken, err)
	}
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	err = rsa.VerifyPKCS1v15(&key.private.PublicKey, crypto.SHA256, digest[:], signature)
	if err != nil {
		return nil, fmt.Errorf("%w: signature: %w", errInvalidToken, err)
	}

	payloadJSON, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return nil, fmt.Errorf("%w: payload: %w", errInvalidToken, err)
	}
	claims := map[string]any{}
	err = json.Unmarshal(payloadJSON, &claims)
	if err != nil {
		return nil, fmt.Errorf("%w: payload: %w", errInvalidToken, err)
	}
	return claims, nil
}

// newUUID returns a random version 4 UUID, the format the real core uses for user ids and
// session handles.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// randomToken returns n random bytes, URL-safe base64 encoded without padding.
func randomToken(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// sha256Hex returns the lower-case hex SHA-256 of s, the form of refreshTokenHash1.
func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return fmt.Sprintf("%x", sum)
}
