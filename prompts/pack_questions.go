package prompts

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"

	"create-supertokens-app/answers"
	"create-supertokens-app/generator"
	"create-supertokens-app/pack"
)

// AskPackQuestions gives every pack question an answer in project.Answers.Set: the value
// from --set, else the prompt's answer (p is nil without a terminal), else the default. A
// question whose condition does not hold gets its default, so templates can always read
// .Set.<key>. Without a terminal, a question with no default and no --set value is a usage
// error, unless yes is set and an empty answer is valid.
func AskPackQuestions(p Prompter, yes bool, project *answers.Project, cat *pack.Catalog) error {
	set := project.Answers.Set
	if set == nil {
		set = map[string]string{}
	}
	known := map[string]bool{}
	for _, pk := range cat.Packs {
		for _, q := range pk.Manifest.Questions {
			known[q.Key] = true
		}
	}
	for key := range set {
		if !known[key] {
			return &answers.UsageError{Flag: "set", Value: key,
				Reason: "no pack asks this question", Valid: slices.Sorted(maps.Keys(known))}
		}
	}

	for _, pk := range cat.Packs {
		for _, q := range pk.Manifest.Questions {
			ctx, err := generator.NewContext(*project, cat)
			if err != nil {
				return err
			}
			ctx.Set = set
			applies, err := generator.Condition(q.When, ctx)
			if err != nil {
				return &pack.Error{Origin: pk.Origin, File: pack.ManifestFile,
					Err: fmt.Errorf("question %s: when: %w", q.Key, err)}
			}
			value, fromFlag := set[q.Key]
			switch {
			case fromFlag:
			case !applies:
				value = q.Default
			case p != nil && !yes:
				if value, err = ask(p, q); err != nil {
					return err
				}
			case q.Default != "" || yes:
				value = q.Default
			default:
				return &answers.UsageError{Flag: "set", Reason: fmt.Sprintf(
					"pack %s asks %q; answer it with --set %s=VALUE", pk.Origin, q.Prompt, q.Key)}
			}
			if err := checkAnswer(q, value); err != nil {
				return &answers.UsageError{Flag: "set", Value: q.Key + "=" + value,
					Reason: err.Error(), Valid: q.Choices}
			}
			set[q.Key] = value
		}
	}
	project.Answers.Set = set
	return nil
}

func ask(p Prompter, q pack.Question) (string, error) {
	switch q.Type {
	case pack.QuestionSelect:
		var options []Option
		for _, c := range q.Choices {
			options = append(options, Option{Value: c, Label: c})
		}
		return p.Select(q.Prompt, options, q.Default)
	case pack.QuestionConfirm:
		return p.Select(q.Prompt, []Option{{"true", "Yes", ""}, {"false", "No", ""}},
			cmp.Or(q.Default, "false"))
	default:
		return p.Input(q.Prompt, q.Description, q.Default, func(s string) error {
			return checkAnswer(q, s)
		})
	}
}

// checkAnswer validates one answer against its question's type, choices and pattern.
func checkAnswer(q pack.Question, value string) error {
	switch q.Type {
	case pack.QuestionSelect:
		if !slices.Contains(q.Choices, value) {
			return errors.New("not one of the choices")
		}
	case pack.QuestionConfirm:
		if value != "true" && value != "false" {
			return errors.New("expected true or false")
		}
	default:
		if q.Pattern == "" {
			return nil
		}
		re, err := regexp.Compile("^(?:" + q.Pattern + ")$")
		if err != nil {
			return fmt.Errorf("the pack's pattern is invalid: %w", err)
		}
		if !re.MatchString(value) {
			return fmt.Errorf("does not match the pattern %s", q.Pattern)
		}
	}
	return nil
}
