package auth

// BuiltinProviders are the third-party providers that supertokens-node, supertokens-python
// and supertokens-golang all ship built-in support for, in the order the prompt shows them.
var BuiltinProviders = []Provider{
	{ID: "google", Name: "Google", EnvPrefix: "GOOGLE"},
	{ID: "github", Name: "GitHub", EnvPrefix: "GITHUB"},
	{ID: "apple", Name: "Apple", EnvPrefix: "APPLE"},
	{ID: "twitter", Name: "Twitter", EnvPrefix: "TWITTER"},
	{ID: "discord", Name: "Discord", EnvPrefix: "DISCORD"},
	{ID: "gitlab", Name: "GitLab", EnvPrefix: "GITLAB"},
	{ID: "linkedin", Name: "LinkedIn", EnvPrefix: "LINKEDIN"},
	{ID: "facebook", Name: "Facebook", EnvPrefix: "FACEBOOK"},
	{ID: "bitbucket", Name: "Bitbucket", EnvPrefix: "BITBUCKET"},
}

// DefaultProviders are used when third-party login is on and --providers is not given.
var DefaultProviders = []string{"google", "github", "apple", "twitter"}

// ProviderIDs returns the ids of every built-in provider.
func ProviderIDs() []string {
	ids := make([]string, len(BuiltinProviders))
	for i, p := range BuiltinProviders {
		ids[i] = p.ID
	}
	return ids
}

// LookupProvider returns the built-in provider with the given id.
func LookupProvider(id string) (Provider, bool) {
	for _, p := range BuiltinProviders {
		if p.ID == id {
			return p, true
		}
	}
	return Provider{}, false
}
