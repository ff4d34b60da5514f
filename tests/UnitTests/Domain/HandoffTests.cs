using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Handoffs;

namespace NakamuraMisaki.UnitTests.Domain;

public sealed class HandoffTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lead = Handoff.DefaultReminderLeadTime;

    private static Handoff NewHandoff(DateTimeOffset? handoffAt = null) =>
        Handoff.Create(null, "U1", "U2", "進捗", "次", handoffAt, Now);

    [Fact]
    public void A_new_hand_off_is_pending_and_happens_now_unless_told_when()
    {
        var handoff = NewHandoff();
        Assert.Equal(HandoffStatus.Pending, handoff.Status);
        Assert.Equal(Now, handoff.HandoffAt);
        Assert.Equal(Now, handoff.CreatedAt);
        Assert.Equal(7, handoff.Id.Version);
        Assert.Null(handoff.AcceptedAt);
        Assert.Null(handoff.CompletedAt);
        Assert.Null(handoff.RemindedAt);
        Assert.Equal(Now.AddDays(1), NewHandoff(Now.AddDays(1)).HandoffAt);
    }

    [Fact]
    public void A_hand_off_to_oneself_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Handoff.Create(null, "U1", "U1", "p", "n", null, Now));
    }

    [Theory]
    [InlineData("", "n")]
    [InlineData("p", " \u3000")]
    public void Blank_texts_are_refused(string progressNote, string nextSteps)
    {
        Assert.Throws<ArgumentException>(() => Handoff.Create(null, "U1", "U2", progressNote, nextSteps, null, Now));
    }

    [Fact]
    public void Accepting_then_completing_sets_both_instants()
    {
        var handoff = NewHandoff();
        handoff.Accept("U2", Now.AddMinutes(1));
        Assert.Equal(HandoffStatus.Accepted, handoff.Status);
        handoff.Complete(Now.AddHours(1));
        Assert.Equal(HandoffStatus.Completed, handoff.Status);
        Assert.Equal(Now.AddMinutes(1), handoff.AcceptedAt);
        Assert.Equal(Now.AddHours(1), handoff.CompletedAt);
    }

    [Fact]
    public void Completing_twice_is_a_rule_violation_and_keeps_the_first_completion()
    {
        var handoff = NewHandoff();
        handoff.Complete(Now);
        Assert.Throws<DomainRuleViolationException>(() => handoff.Complete(Now.AddHours(1)));
        Assert.Equal(Now, handoff.CompletedAt);
    }

    [Fact]
    public void Accepting_twice_or_after_completion_is_a_rule_violation()
    {
        var accepted = NewHandoff();
        accepted.Accept("U2", Now);
        Assert.Throws<DomainRuleViolationException>(() => accepted.Accept("U2", Now.AddMinutes(1)));
        Assert.Equal(Now, accepted.AcceptedAt);

        var completed = NewHandoff();
        completed.Complete(Now);
        Assert.Throws<DomainRuleViolationException>(() => completed.Accept("U2", Now));
        Assert.Null(completed.AcceptedAt);
    }

    [Theory]
    [InlineData("U1")] // the sender
    [InlineData("U3")] // a stranger (the API answers 404 before it gets here)
    [InlineData("u2")] // ids are case-sensitive
    public void Only_the_recipient_can_accept(string byUserId)
    {
        var handoff = NewHandoff();
        var refused = Assert.Throws<DomainRuleViolationException>(() => handoff.Accept(byUserId, Now));
        Assert.Contains("recipient", refused.Message);
        Assert.Equal(HandoffStatus.Pending, handoff.Status);
        Assert.Null(handoff.AcceptedAt);
    }

    [Fact]
    public void A_reminder_is_due_from_lead_time_before_the_hand_over_until_completion()
    {
        var handoff = NewHandoff(Now + Lead + TimeSpan.FromTicks(10));
        Assert.False(handoff.IsReminderDueAt(Now, Lead));
        Assert.True(handoff.IsReminderDueAt(Now + TimeSpan.FromTicks(10), Lead));
        Assert.True(handoff.IsReminderDueAt(Now.AddDays(3), Lead));

        handoff.Accept("U2", Now);
        Assert.True(handoff.IsReminderDueAt(Now.AddDays(3), Lead));
        handoff.Complete(Now);
        Assert.False(handoff.IsReminderDueAt(Now.AddDays(3), Lead));
    }

    [Fact]
    public void Instants_are_stored_in_utc_at_microsecond_precision()
    {
        var at = new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.FromHours(9)).AddTicks(1234567);
        var handoff = NewHandoff(at);
        Assert.Equal(TimeSpan.Zero, handoff.HandoffAt.Offset);
        Assert.Equal(Timestamps.Normalize(at), handoff.HandoffAt);
    }
}
