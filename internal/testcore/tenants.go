package testcore

import "strings"

// tenantV1JSON is a tenant in the shape of the v1 multitenancy paths (CDI 3.x), with every
// login method enabled.
func tenantV1JSON(tenant string) map[string]any {
	return map[string]any{
		"tenantId":      tenant,
		"emailPassword": map[string]any{"enabled": true},
		"passwordless":  map[string]any{"enabled": true},
		"thirdParty":    map[string]any{"enabled": true, "providers": []any{}},
		"coreConfig":    map[string]any{},
	}
}

// tenantV2JSON is a tenant in the shape of the /v2 paths (CDI 5.x). Omitting firstFactors
// lets the SDK allow every first factor that its recipes provide.
func tenantV2JSON(tenant string) map[string]any {
	return map[string]any{
		"tenantId":   tenant,
		"thirdParty": map[string]any{"providers": []any{}},
		"coreConfig": map[string]any{},
	}
}

func isV2(c *call) bool {
	return strings.HasSuffix(strings.TrimSuffix(c.r.URL.Path, "/"), "/v2")
}

// handleGetTenant serves GET /<tenant>/recipe/multitenancy/tenant[/v2]. supertokens-node
// calls the v2 path on every sign-in and sign-up to check the allowed first factors.
func handleGetTenant(c *call) {
	if isV2(c) {
		c.ok(tenantV2JSON(c.tenant))
		return
	}
	c.ok(tenantV1JSON(c.tenant))
}

func handleListTenants(c *call) {
	tenants := []any{}
	for _, id := range c.srv.tenantIDs() {
		if isV2(c) {
			tenants = append(tenants, tenantV2JSON(id))
		} else {
			tenants = append(tenants, tenantV1JSON(id))
		}
	}
	c.ok(map[string]any{"tenants": tenants})
}
