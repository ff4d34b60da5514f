using FluentValidation;

namespace NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;

public sealed class SendDueRemindersValidator : AbstractValidator<SendDueReminders>
{
    public SendDueRemindersValidator()
    {
        RuleFor(x => x.LeadTime).GreaterThanOrEqualTo(TimeSpan.Zero);
        RuleFor(x => x.LeaseDuration).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.BatchSize).InclusiveBetween(1, 1000);
        RuleFor(x => x.MaxBackoff).GreaterThanOrEqualTo(SendDueReminders.FirstRetry);
    }
}
