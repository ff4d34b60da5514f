using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;
using NakamuraMisaki.Infrastructure.Reminders;
using Polly.Timeout;

namespace NakamuraMisaki.Infrastructure.Slack;

/// <summary>
/// The Slack Web API as far as this service uses it: hand-off reminders as DMs from the bot. A typed HttpClient: base
/// address, bearer token and the timeout come from <see cref="SlackOptions"/> (see DependencyInjection). Never throws
/// for an answer Slack gives; transport failures and timeouts also come back as a failed delivery, so the use case
/// handles one shape; which error codes are permanent, transient or an auth failure is <see cref="SlackErrorClasses"/>'s.
/// </summary>
public sealed class SlackClient(HttpClient http, IOptions<SlackOptions> slackOptions, IOptions<ReminderOptions> reminderOptions)
    : IHandoffReminderSender
{
    /// <summary>Slack always sends Retry-After with a 429; this covers a proxy that drops it.</summary>
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromMinutes(1);

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(reminderOptions.Value.TimeZone);

    public TimeSpan MaxSendDuration => slackOptions.Value.Timeout;

    public Task<ReminderDelivery> SendAsync(DueReminder reminder, CancellationToken cancellationToken) =>
        PostMessageAsync(reminder.ToUserId, HandoffReminderMessage.Compose(reminder, _zone), cancellationToken);

    /// <summary>Posts <paramref name="text"/> to <paramref name="channel"/>; a user id as channel means a DM from the bot.</summary>
    public async Task<ReminderDelivery> PostMessageAsync(string channel, string text, CancellationToken cancellationToken)
    {
        try
        {
            // JsonContent sends "application/json; charset=utf-8", the content type Slack asks for.
            using var response = await http.PostAsJsonAsync(
                "chat.postMessage", new PostMessageRequest(channel, text), cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return ReminderDelivery.RateLimited(RetryAfter(response) ?? DefaultRetryAfter);
            }

            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                return ReminderDelivery.Failed(SlackErrorClasses.ClassifyStatus(status), $"http_{status}");
            }

            var body = await response.Content.ReadFromJsonAsync<SlackResponse>(cancellationToken);
            if (body is { Ok: true })
            {
                return ReminderDelivery.Accepted;
            }

            var error = body?.Error ?? "no_error_code";
            return ReminderDelivery.Failed(SlackErrorClasses.Classify(error), error);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TimeoutRejectedException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return ReminderDelivery.Failed(ReminderOutcome.Transient,
                e is TimeoutRejectedException or OperationCanceledException ? "timeout" : e.GetType().Name);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };

    private sealed record PostMessageRequest(
        [property: JsonPropertyName("channel")] string Channel,
        [property: JsonPropertyName("text")] string Text);

    private sealed record SlackResponse(
        [property: JsonPropertyName("ok")] bool Ok,
        [property: JsonPropertyName("error")] string? Error);
}
