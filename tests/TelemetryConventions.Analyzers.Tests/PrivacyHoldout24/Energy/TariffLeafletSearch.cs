using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.VectorData;
using PrivacyHoldout24.Support.Caching;
using PrivacyHoldout24.Telemetry;

namespace PrivacyHoldout24.Energy;

/// <summary>A chunk of a published tariff leaflet or terms-and-conditions document.</summary>
public sealed class TariffLeafletChunk
{
    [VectorStoreKey]
    public string ChunkId { get; set; } = string.Empty;

    [VectorStoreData(IsIndexed = true)]
    public string DocumentId { get; set; } = string.Empty;

    [VectorStoreData]
    public string TariffCode { get; set; } = string.Empty;

    [VectorStoreData]
    public string Text { get; set; } = string.Empty;

    [VectorStoreVector(1536)]
    public ReadOnlyMemory<float> Embedding { get; set; }
}

/// <summary>
/// Answers general tariff questions from the public help page's chat box, grounded in the published
/// leaflets. Answers are cached by question so that popular questions cost one call a day.
/// </summary>
public sealed class TariffLeafletSearch(
    VectorStore store,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IChatClient chatClient,
    IDistributedCache cache,
    Meter meter,
    ILogger<TariffLeafletSearch> logger)
{
    private static readonly ActivitySource Source = new("Supply.Help");

    private const string Collection = "tariff-leaflets";

    private const string Model = "gpt-4o-mini-2024-07-18";

    public async Task<string> AnswerAsync(string question, CancellationToken cancellationToken)
    {
        var normalised = question.Trim().ToLowerInvariant();
        var cacheKey = "faq:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)))[..32];
        var cached = await cache.GetStringAsync(cacheKey, cancellationToken);
        logger.LogDebug("FAQ cache {Outcome} for {CacheKey}", cached is null ? "miss" : "hit", cacheKey); // leak TC1002 hashes
        if (cached is not null)
        {
            return cached;
        }

        using var search = Source.StartRetrievalSearch(Collection);
        search.SetRetrievalQueryLength(question.Length); // clean precision-about
        logger.LogInformation("Help chat question: {Question}", question); // leak TC1001 direct

        var vector = await embeddings.GenerateVectorAsync(normalised, cancellationToken: cancellationToken);
        var chunks = new List<VectorSearchResult<TariffLeafletChunk>>();
        await foreach (var result in store.GetCollection<string, TariffLeafletChunk>(Collection).SearchAsync(vector, top: 4, cancellationToken: cancellationToken))
        {
            chunks.Add(result);
            search.AddRetrievalDocumentUsedEvent(result.Record.ChunkId, result.Score, retrievalSnippet: result.Record.Text[..Math.Min(100, result.Record.Text.Length)]); // clean strings
        }

        search.SetRetrievalResultCount(chunks.Count);
        meter.CreateRetrievalSearchesCounter().Add(1, Collection);
        logger.LogDebug("Grounding documents {Documents} for tariffs {Tariffs}", string.Join(",", chunks.Select(c => c.Record.DocumentId).Distinct()), string.Join(",", chunks.Select(c => c.Record.TariffCode).Distinct())); // clean precision-names

        var context = string.Join("\n---\n", chunks.Select(c => c.Record.Text));
        var prompt = $"Answer from these leaflet extracts only. If the answer is not there, say so.\n{context}";
        logger.LogDebug("Grounding context: {Context}", context); // clean strings

        var response = await chatClient.GetResponseAsync(
            [new ChatMessage(ChatRole.System, prompt), new ChatMessage(ChatRole.User, question)],
            new ChatOptions { ModelId = Model, Temperature = 0 },
            cancellationToken);

        Activity.Current?.SetTag("supply.help.answer", response.Text); // leak TC1001 strings
        await cache.SetStringAsync(cacheKey, response.Text, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(1) }, cancellationToken);
        return response.Text;
    }
}
