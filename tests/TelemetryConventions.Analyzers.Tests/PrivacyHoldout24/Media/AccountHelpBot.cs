using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout24.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout24.Media;

public sealed record Subscriber(Guid SubscriberId, string Email, string Plan, DateOnly RenewsOn, string Country);

public sealed class SubscriptionNotFoundException(Guid subscriberId)
    : Exception($"No active subscription for subscriber {subscriberId}.");

public interface ISubscriptionDesk
{
    Task<Subscriber> GetAsync(Guid subscriberId, CancellationToken cancellationToken);
}

/// <summary>
/// The help centre's account bot: it answers plan, renewal and billing questions for the signed-in
/// subscriber, with the subscriber's plan and renewal date in its instructions.
/// </summary>
public sealed class AccountHelpBot(
    IChatClient chatClient,
    ISubscriptionDesk subscriptions,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<AccountHelpBot> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Help");

    private static readonly string[] Intents = ["renewal", "refund", "plan-change", "playback", "other"];

    private const string Model = "gpt-4o-mini-2024-07-18";

    public async Task<string> ReplyAsync(Guid subscriberId, IReadOnlyList<ChatMessage> transcript, CancellationToken cancellationToken)
    {
        using var span = Source.StartAssistantCompletion(Model);
        span.SetAssistantFeature("account-help");

        Subscriber subscriber;
        try
        {
            subscriber = await subscriptions.GetAsync(subscriberId, cancellationToken);
        }
        catch (SubscriptionNotFoundException ex)
        {
            span.RecordException(ex, "no subscription", includeMessage: true); // leak TC1001 exceptions
            return "We couldn't find an active subscription on this account.";
        }

        Activity.Current?.SetTag(AssistantAttributes.SubjectContact, pseudonymizer.ComputeAssistantSubjectId(subscriber.Email)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("streaming.subscriber.country", subscriber.Country);
        Activity.Current?.SetTag("streaming.help.shard", HMACSHA256.HashData(secrets.ShardKey, subscriberId.ToByteArray())[0] & 0x0F); // clean hashes
        logger.LogDebug("Help transcript of {Turns} turns, {Characters} characters", transcript.Count, transcript.Sum(m => m.Text.Length)); // clean precision-about
        logger.LogDebug("Help transcript {Transcript}", string.Join(" | ", transcript.Select(m => $"{m.Role}: {m.Text}"))); // leak TC1001 strings

        var instructions = $"You help subscribers of our streaming service. This subscriber is on the {subscriber.Plan} plan, renewing on {subscriber.RenewsOn:d MMMM}. First classify the question as one of: {string.Join(", ", Intents)}, as 'intent: <name>' on the first line.";
        var response = await chatClient.GetResponseAsync([new ChatMessage(ChatRole.System, instructions), .. transcript], new ChatOptions { ModelId = Model }, cancellationToken);

        var firstLine = response.Text.Split('\n', 2)[0];
        var intent = Intents.FirstOrDefault(i => firstLine.EndsWith(i, StringComparison.OrdinalIgnoreCase)) ?? "other";
        Activity.Current?.SetTag("streaming.help.intent", intent); // clean precision-about
        Activity.Current?.SetTag("streaming.help.subscriber", Pseudonym.FromComputed(subscriberId.ToString()).Value); // leak TC1001 precision-pseudonym
        span.SetAssistantSubjectId(pseudonymizer.PseudonymizeAssistantSubjectId(subscriberId.ToString())); // clean precision-pseudonym
        return response.Text.Split('\n', 2) is [_, var reply] ? reply : response.Text;
    }
}
