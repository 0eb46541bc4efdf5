using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.VectorData;
using PrivacyCorpus.Shared;
using PrivacyHoldout24.Support.Caching;
using PrivacyHoldout24.Telemetry;

namespace PrivacyHoldout24.Transport;

public sealed class FareRuleChunk
{
    [VectorStoreKey]
    public Guid Id { get; set; }

    [VectorStoreData(IsIndexed = true)]
    public string RuleBook { get; set; } = string.Empty;

    [VectorStoreData]
    public string Section { get; set; } = string.Empty;

    [VectorStoreData]
    public string Text { get; set; } = string.Empty;

    [VectorStoreVector(768)]
    public ReadOnlyMemory<float> Embedding { get; set; }
}

public sealed record FareAnswer(string Text, IReadOnlyList<string> Sections, double TopScore);

/// <summary>
/// Answers fare and capping questions about a rider's own card from the published fare rules. Answers
/// are cached per card and question for an hour; a refund claim form is pre-filled from the answer.
/// </summary>
public sealed class FareRulesAnswers(
    VectorStore store,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IChatClient chatClient,
    IDistributedCache cache,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<FareRulesAnswers> logger)
{
    private static readonly ActivitySource Source = new("Transit.FareRules");

    private const string Collection = "fare-rules";

    public async Task<FareAnswer> AnswerAsync(string travelCardNumber, string question, CancellationToken cancellationToken)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var cacheKey = "fare-answer:" + Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{travelCardNumber}\n{question}")));
        Activity.Current?.SetTag("transit.fare_answer.cache_key", cacheKey); // clean hashes

        if (await cache.GetStringAsync(cacheKey, cancellationToken) is { } cachedJson)
        {
            return JsonSerializer.Deserialize<FareAnswer>(cachedJson)!;
        }

        var cardKey = Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes(travelCardNumber)))[..12];
        logger.LogInformation("Fare question for card {CardKey}", cardKey); // leak TC1002 hashes

        using var search = Source.StartRetrievalSearch(Collection);
        var vector = await embeddings.GenerateVectorAsync(question, cancellationToken: cancellationToken);
        var hits = new List<VectorSearchResult<FareRuleChunk>>();
        await foreach (var hit in store.GetCollection<Guid, FareRuleChunk>(Collection).SearchAsync(vector, top: 3, cancellationToken: cancellationToken))
        {
            hits.Add(hit);
            search.AddRetrievalDocumentUsedEvent(hit.Record.Id.ToString(), hit.Score, retrievalSnippet: hit.Record.Section); // clean generated-api
        }

        var top = hits.Count == 0 ? 0 : hits.Max(h => h.Score ?? 0);
        search.SetRetrievalResultCount(hits.Count).SetRetrievalTopScore(top);
        meter.CreateRetrievalSearchesCounter().Add(1, Collection);

        var response = await chatClient.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, "Answer from the fare rules below and cite the section numbers.\n" + string.Join("\n", hits.Select(h => $"[{h.Record.Section}] {h.Record.Text}"))),
                new ChatMessage(ChatRole.User, question),
            ],
            new ChatOptions { ModelId = "gpt-4o-mini-2024-07-18" },
            cancellationToken);

        var answer = new FareAnswer(response.Text, hits.Select(h => h.Record.Section).ToList(), top);
        logger.LogDebug("Fare answer cites sections {Sections} with top score {Score:F2}", answer.Sections, answer.TopScore); // clean precision-about
        logger.LogDebug("Fare answer {Answer}", answer); // leak TC1001 logging-objects

        await cache.SetStringAsync(cacheKey, JsonSerializer.Serialize(answer), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) }, cancellationToken);
        return answer;
    }
}
