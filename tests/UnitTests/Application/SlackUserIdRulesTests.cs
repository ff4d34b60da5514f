using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.UnitTests.Application;

/// <summary>The plain test the validation step uses for the acting user gives the FluentValidation rule's answers.</summary>
public sealed class SlackUserIdRulesTests
{
    private sealed record Holder(string? Id);

    private static readonly InlineValidator<Holder> Rule = new() { v => v.RuleFor(x => x.Id).SlackUserId() };

    public static TheoryData<string?> Values() => new(
        null, "", " ", "U01ABC123", "W0123", "0", "u01abc123", "U01 ABC", " U01", "U01\n", "U01\t", "U-01", "Ｕ０１",
        new string('U', SlackUserIdRules.MaxLength), new string('U', SlackUserIdRules.MaxLength + 1), "U01,U02");

    [Theory]
    [MemberData(nameof(Values))]
    public void IsSlackUserId_agrees_with_the_validation_rule(string? value) =>
        Assert.Equal(Rule.Validate(new Holder(value)).IsValid, SlackUserIdRules.IsSlackUserId(value));
}
