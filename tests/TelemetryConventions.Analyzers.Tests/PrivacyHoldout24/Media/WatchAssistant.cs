using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout24.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout24.Media;

public sealed record ViewingProfile(Guid ProfileId, Guid SubscriberId, string ProfileName, bool IsKids, string Locale, string Plan);

public sealed record CatalogueHit(string TitleId, string Title, string Genre, double Score);

public interface ICatalogueSearch
{
    Task<IReadOnlyList<CatalogueHit>> ByGenreAsync(string genre, int maxAgeRating, CancellationToken cancellationToken);
}

/// <summary>
/// "What should I watch tonight?" on the TV app: a conversation per viewing profile, seeded with the
/// profile's name and its recently watched titles; the model picks titles through a catalogue tool.
/// </summary>
public sealed partial class WatchAssistant(
    IChatClient chatClient,
    ICatalogueSearch catalogue,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<WatchAssistant> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Assistant");

    private static readonly Meter AssistantMeter = new("Streaming.Assistant");

    private static readonly Histogram<long> ConversationTokens = AssistantMeter.CreateHistogram<long>("streaming.assistant.conversation.tokens", "{token}");

    /// <summary>Suggestions per profile, read by the fair-use limiter's dashboard.</summary>
    private static readonly Counter<long> SuggestionsServed = AssistantMeter.CreateCounter<long>("streaming.assistant.suggestions", "{suggestion}");

    private const string Model = "gpt-4o-mini-2024-07-18";

    public async Task<string> SuggestAsync(ViewingProfile profile, Guid conversationId, IReadOnlyList<string> recentTitleIds, string viewerMessage, CancellationToken cancellationToken)
    {
        using var span = Source.StartAssistantCompletion(Model);
        span.SetAssistantFeature(profile.IsKids ? "watch-assistant-kids" : "watch-assistant");
        Activity.Current?.SetTag("gen_ai.conversation.id", conversationId); // clean precision-names
        Activity.Current?.SetTag("streaming.recent.titles", string.Join(",", recentTitleIds)); // clean precision-about
        LogConversationStarted(logger, profile.ProfileName, profile.Plan); // clean precision-pseudonym
        LogProfileLocale(logger, profile.ProfileId, profile.Locale); // leak TC1001 cross-member

        List<ChatMessage> messages =
        [
            new(ChatRole.System, $"You recommend titles to {profile.ProfileName}. They recently watched: {string.Join(", ", recentTitleIds)}. Only suggest titles rated for {(profile.IsKids ? "children" : "adults")}."),
            new(ChatRole.User, viewerMessage),
        ];
        var tool = AIFunctionFactory.Create((string genre, int maxAgeRating) => 0, "get_titles_by_genre", "Catalogue titles of a genre up to an age rating.");

        var response = await chatClient.GetResponseAsync(messages, new ChatOptions { ModelId = Model, ConversationId = conversationId.ToString(), Tools = [tool] }, cancellationToken);
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        if (calls.Count > 0)
        {
            messages.AddRange(response.Messages);
            foreach (var call in calls)
            {
                span.AddAssistantToolInvokedEvent(call.Name, assistantNote: JsonSerializer.Serialize(call.Arguments)); // clean logging-objects
                var hits = await catalogue.ByGenreAsync(call.Arguments?["genre"]?.ToString() ?? "drama", profile.IsKids ? 12 : 18, cancellationToken);
                logger.LogDebug("Catalogue tool returned {Hits}", hits); // clean logging-objects
                messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, hits)]));
            }

            response = await chatClient.GetResponseAsync(messages, new ChatOptions { ModelId = Model, ConversationId = conversationId.ToString() }, cancellationToken);
        }

        var tokens = response.Usage?.TotalTokenCount ?? 0;
        var tags = new TagList { { "plan", profile.Plan }, { "kids", profile.IsKids } };
        ConversationTokens.Record(tokens, tags); // clean precision-about
        SuggestionsServed.Add(1, new KeyValuePair<string, object?>("profile.id", profile.ProfileId)); // leak TC1003 direct
        span.SetAssistantSubjectId(pseudonymizer.PseudonymizeAssistantSubjectId(profile.SubscriberId.ToString()));
        logger.LogInformation("Suggestion {ResponseId} for conversation {ConversationId}: {Suggestion}", response.ResponseId, conversationId, response.Text); // leak TC1001 strings
        return response.Text;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch assistant conversation started for {ProfileName} on plan {Plan}")]
    private static partial void LogConversationStarted(ILogger logger, [PrivateData] string profileName, string plan);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Viewing profile {ProfileId} uses locale {Locale}")]
    private static partial void LogProfileLocale(ILogger logger, Guid profileId, string locale);
}
