using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using PrivacyHoldout24.Support.Caching;
using PrivacyHoldout24.Telemetry;

namespace PrivacyHoldout24.Media;

public sealed record EpisodeMetadata(string TitleId, string SeriesTitle, int Season, int Episode, string Genre, string Rating, string PlotNotes);

/// <summary>
/// Writes the short and long synopses of catalogue episodes from the commissioning plot notes. A
/// synopsis is cached by a digest of its prompt, so re-ingesting an unchanged episode costs nothing.
/// </summary>
public sealed class SynopsisWriter(
    IChatClient chatClient,
    IDistributedCache cache,
    Meter meter,
    ILogger<SynopsisWriter> logger)
{
    private static readonly ActivitySource Source = new("Catalogue.Synopsis");

    private const string Model = "gpt-4o-2024-08-06";

    public async Task<string> WriteAsync(EpisodeMetadata episode, int maxWords, CancellationToken cancellationToken)
    {
        var prompt = $"""
            Write a spoiler-free synopsis of at most {maxWords} words for {episode.SeriesTitle}, season {episode.Season}, episode {episode.Episode}.
            Genre: {episode.Genre}. Rating: {episode.Rating}.
            Plot notes: {episode.PlotNotes}
            """;
        var promptDigest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Model + "\n" + prompt)));

        using var span = Source.StartAssistantCompletion(Model);
        span.SetAssistantFeature(maxWords <= 40 ? "synopsis-short" : "synopsis-long");
        Activity.Current?.SetTag("catalogue.title.id", episode.TitleId);
        Activity.Current?.SetTag("catalogue.synopsis.prompt_digest", promptDigest); // clean hashes

        var cached = await cache.GetStringAsync($"synopsis:{promptDigest}", cancellationToken);
        span.SetAssistantCacheHit(cached is not null);
        if (cached is not null)
        {
            return cached;
        }

        logger.LogDebug("Synopsis prompt for {TitleId}: {Prompt}", episode.TitleId, prompt); // clean strings

        var response = await chatClient.GetResponseAsync(prompt, new ChatOptions { ModelId = Model, Temperature = 0.7f }, cancellationToken);
        span.SetAssistantFinishReason(response.FinishReason?.Value ?? "stop").SetAssistantTokensOutput(response.Usage?.OutputTokenCount ?? 0);
        meter.CreateAssistantTokenUsageHistogram().Record(response.Usage?.OutputTokenCount ?? 0, Model, "output", assistantFeature: "synopsis");
        logger.LogInformation("Synopsis for {TitleId}: {Synopsis}", episode.TitleId, response.Text); // clean strings

        await cache.SetStringAsync($"synopsis:{promptDigest}", response.Text, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(30) }, cancellationToken);
        return response.Text;
    }
}
