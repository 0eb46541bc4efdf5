using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using PrivacyHoldout24.Telemetry;

namespace PrivacyHoldout24.Healthcare;

/// <summary>
/// Records every exchange of the clinic's chat client so that the clinical safety officer can sample
/// drafts for offline evaluation. Registered once, around the provider's client, for every assistant
/// feature of the clinic (discharge summaries, lab-result explanations, note search).
/// </summary>
public sealed class EvaluationLoggingChatClient(IChatClient innerClient, ILogger<EvaluationLoggingChatClient> logger)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var sent = messages as IList<ChatMessage> ?? messages.ToList();
        var started = Stopwatch.GetTimestamp();
        var response = await base.GetResponseAsync(sent, options, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        logger.LogAssistantExchangeRecordedEvent(response.ModelId ?? options?.ModelId ?? "unknown", assistantFeature: "clinic", assistantFinishReason: response.FinishReason?.Value, assistantTokensInput: response.Usage?.InputTokenCount, assistantTokensOutput: response.Usage?.OutputTokenCount); // clean precision-about

        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Exchange {ResponseId}: {Messages} -> {Response}", response.ResponseId, sent, response); // leak TC1001 logging-objects
            logger.LogDebug("Exchange {ResponseId}: {Roles}, {Count} messages, {Characters} characters in {ElapsedMs} ms", response.ResponseId, string.Join(",", sent.Select(m => m.Role.Value)), sent.Count, sent.Sum(m => m.Text.Length), elapsed.TotalMilliseconds); // clean precision-about
        }

        var lastQuestion = sent.LastOrDefault(m => m.Role == ChatRole.User);
        if (lastQuestion is not null && response.FinishReason == ChatFinishReason.ContentFilter)
        {
            logger.LogWarning("Provider filtered the completion of {UserTurn}", lastQuestion); // leak TC1001 logging-objects
        }

        return response;
    }
}

public static class ClinicChatClientRegistration
{
    /// <summary>The clinic's one chat client: evaluation logging around the provider's client.</summary>
    public static IChatClient Build(IChatClient providerClient, ILoggerFactory loggerFactory) =>
        new ChatClientBuilder(providerClient)
            .Use(inner => new EvaluationLoggingChatClient(inner, loggerFactory.CreateLogger<EvaluationLoggingChatClient>()))
            .Build();
}
