package testcore

// handleGetMetadata serves GET /recipe/user/metadata?userId=; unknown users have {}.
func handleGetMetadata(c *call) {
	userID, ok := c.requireQuery("userId")
	if !ok {
		return
	}
	st := c.lock()
	defer c.unlock()
	c.ok(map[string]any{"metadata": orEmpty(st.metadata[userID])})
}

// handleUpdateMetadata serves PUT /recipe/user/metadata. The update is merged one level deep
// and a null value deletes its key, as in the real core.
func handleUpdateMetadata(c *call) {
	var body struct {
		UserID         string         `json:"userId"`
		MetadataUpdate map[string]any `json:"metadataUpdate"`
	}
	if !c.decode(&body) || !c.requireField("userId", body.UserID) {
		return
	}
	st := c.lock()
	defer c.unlock()
	merged := map[string]any{}
	for key, value := range st.metadata[body.UserID] {
		merged[key] = value
	}
	for key, value := range body.MetadataUpdate {
		if value == nil {
			delete(merged, key)
			continue
		}
		merged[key] = value
	}
	st.metadata[body.UserID] = merged
	c.ok(map[string]any{"metadata": merged})
}

func handleRemoveMetadata(c *call) {
	var body struct {
		UserID string `json:"userId"`
	}
	if !c.decode(&body) || !c.requireField("userId", body.UserID) {
		return
	}
	st := c.lock()
	defer c.unlock()
	delete(st.metadata, body.UserID)
	c.ok(nil)
}
