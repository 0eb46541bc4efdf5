using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.VectorData;
using PrivacyHoldout24.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout24.Education;

/// <summary>One thing the tutor remembers about a learner between sessions.</summary>
public sealed class LearnerMemoryRecord
{
    [VectorStoreKey]
    public string Key { get; set; } = string.Empty;

    [VectorStoreData(IsIndexed = true)]
    public string StudentNumber { get; set; } = string.Empty;

    /// <summary>preference, misconception or goal.</summary>
    [VectorStoreData(IsIndexed = true)]
    public string Kind { get; set; } = string.Empty;

    /// <summary>What the tutor noted, e.g. "mixes up sine and cosine rules".</summary>
    [VectorStoreData]
    public string Fact { get; set; } = string.Empty;

    [VectorStoreData]
    public DateTimeOffset RememberedAt { get; set; }

    [VectorStoreVector(1536)]
    public ReadOnlyMemory<float> Embedding { get; set; }
}

/// <summary>The tutor agent's long-term memory, kept in the vector store and recalled into the system prompt.</summary>
public sealed class LearnerMemory(
    VectorStore store,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    Pseudonymizer pseudonymizer,
    ILogger<LearnerMemory> logger)
{
    private VectorStoreCollection<string, LearnerMemoryRecord> Memories =>
        store.GetCollection<string, LearnerMemoryRecord>("learner-memory");

    public async Task RememberAsync(string studentNumber, string kind, string fact, CancellationToken cancellationToken)
    {
        var record = new LearnerMemoryRecord
        {
            Key = $"{studentNumber}:{Guid.NewGuid():N}",
            StudentNumber = studentNumber,
            Kind = kind,
            Fact = fact,
            RememberedAt = DateTimeOffset.UtcNow,
            Embedding = await embeddings.GenerateVectorAsync(fact, cancellationToken: cancellationToken),
        };
        await Memories.UpsertAsync(record, cancellationToken);

        logger.LogInformation("Remembered a {Kind} for {StudentRef}", kind, pseudonymizer.ComputeAssistantSubjectId(studentNumber)); // clean precision-pseudonym
        Activity.Current?.AddEvent(new ActivityEvent("tutor.memory.saved", tags: new ActivityTagsCollection { ["tutor.memory.key"] = record.Key })); // leak TC1001 strings
    }

    public async Task<IReadOnlyList<string>> RecallAsync(string studentNumber, string topic, CancellationToken cancellationToken)
    {
        var vector = await embeddings.GenerateVectorAsync(topic, cancellationToken: cancellationToken);
        var options = new VectorSearchOptions<LearnerMemoryRecord> { Filter = m => m.StudentNumber == studentNumber };

        var memories = new List<VectorSearchResult<LearnerMemoryRecord>>();
        await foreach (var result in Memories.SearchAsync(vector, top: 8, options, cancellationToken))
        {
            if (result.Score is >= 0.35)
            {
                memories.Add(result);
            }
        }

        var facts = memories.Select(m => m.Record.Fact).ToList();
        logger.LogDebug("Recalled {Count} memories, best score {Score:F2}", memories.Count, memories.Count == 0 ? 0 : memories.Max(m => m.Score ?? 0)); // clean precision-about
        Activity.Current?.SetTag("tutor.memory.kinds", string.Join(",", memories.Select(m => m.Record.Kind).Distinct())); // clean precision-about
        logger.LogDebug("Memories added to the system prompt: {Facts}", facts); // leak TC1001 logging-objects
        return facts;
    }

    public async Task ForgetAsync(string memoryKey, CancellationToken cancellationToken)
    {
        try
        {
            await Memories.DeleteAsync(memoryKey, cancellationToken);
        }
        catch (VectorStoreException ex)
        {
            logger.LogError(ex, "Could not delete a memory from {Collection} during {Operation}", ex.CollectionName, ex.OperationName); // clean exceptions
            throw;
        }
    }
}
