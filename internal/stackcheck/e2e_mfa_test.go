package main

import (
	"slices"
	"strings"
	"testing"
)

func TestMFACaseOnlyForNodeStack(t *testing.T) {
	stacks := []Stack{
		{Name: "react+flask", Frontend: "react", Backend: "flask", Kind: KindSPA},
		{Name: "react+express", Frontend: "react", Backend: "express", Kind: KindSPA},
	}
	cases := mfaCases(stacks)
	if len(cases) != 1 {
		t.Fatalf("got %d multi-factor cases, expected 1", len(cases))
	}
	if cases[0].Name() != "react+express multifactorauth" {
		t.Errorf("Name = %q, expected react+express multifactorauth", cases[0].Name())
	}
	if cases[0].Folder() != "react-express-multifactorauth" {
		t.Errorf("Folder = %q, expected react-express-multifactorauth", cases[0].Folder())
	}
}

func TestGenerationArgsForMFA(t *testing.T) {
	g := Generation{Binary: "csa", Recipe: mfaRecipe, Parent: "/tmp/out",
		Stack: Stack{Name: "react+express", Frontend: "react", Backend: "express"}}
	args := strings.Join(g.Args(), " ")
	want := "--recipe multifactorauth --firstfactors emailpassword --secondfactors otp-email"
	if !strings.Contains(args, want) {
		t.Errorf("args %q lack %q", args, want)
	}
	g.Recipe = DefaultRecipe
	if slices.Contains(g.Args(), "--secondfactors") {
		t.Errorf("email-password args %q contain --secondfactors", g.Args())
	}
}
