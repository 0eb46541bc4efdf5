using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.VectorData;
using PrivacyHoldout24.Telemetry;

namespace PrivacyHoldout24.Healthcare;

/// <summary>A chunk of a clinical note, embedded for the note search of the patient's record.</summary>
public sealed class ClinicalNoteChunk
{
    [VectorStoreKey]
    public string Key { get; set; } = string.Empty;

    [VectorStoreData(IsIndexed = true)]
    public string HospitalNumber { get; set; } = string.Empty;

    [VectorStoreData]
    public string NoteId { get; set; } = string.Empty;

    [VectorStoreData]
    public int ChunkIndex { get; set; }

    [VectorStoreData(IsFullTextIndexed = true)]
    public string Text { get; set; } = string.Empty;

    [VectorStoreVector(1536)]
    public ReadOnlyMemory<float> Embedding { get; set; }
}

public sealed record ClinicalNote(string NoteId, string HospitalNumber, string Author, string Body);

/// <summary>Indexes clinical notes and retrieves the chunks that ground an answer about one patient.</summary>
public sealed class PatientNotesRetriever(
    VectorStore vectorStore,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    ClinicAssistantOptions options,
    Meter meter,
    ILogger<PatientNotesRetriever> logger)
{
    private static readonly ActivitySource Source = new("Clinic.Retrieval");

    private const string CollectionName = "patient-notes";

    private const int ChunkLength = 800;

    private VectorStoreCollection<string, ClinicalNoteChunk> Collection =>
        vectorStore.GetCollection<string, ClinicalNoteChunk>(CollectionName);

    public async Task IndexAsync(ClinicalNote note, CancellationToken cancellationToken)
    {
        var chunks = Chunk(note.Body).Select((text, i) => new ClinicalNoteChunk
        {
            Key = $"{note.HospitalNumber}:{note.NoteId}:{i}",
            HospitalNumber = note.HospitalNumber,
            NoteId = note.NoteId,
            ChunkIndex = i,
            Text = text,
        }).ToList();

        var vectors = await embeddings.GenerateAsync(chunks.Select(c => c.Text), cancellationToken: cancellationToken);
        for (var i = 0; i < chunks.Count; i++)
        {
            chunks[i].Embedding = vectors[i].Vector;
        }

        await Collection.UpsertAsync(chunks, cancellationToken);
        logger.LogInformation("Indexed note {NoteId} as {ChunkCount} chunks of {Dimensions} dimensions, {Tokens} tokens", note.NoteId, chunks.Count, vectors[0].Dimensions, vectors.Usage?.InputTokenCount); // clean precision-about
        logger.LogDebug("Upserted chunk keys {Keys}", string.Join(", ", chunks.Select(c => c.Key))); // leak TC1001 strings
    }

    public async Task<IReadOnlyList<ClinicalNoteChunk>> SearchAsync(string hospitalNumber, string question, CancellationToken cancellationToken)
    {
        using var search = Source.StartRetrievalSearch(CollectionName);
        search.SetRetrievalQueryLength(question.Length); // clean precision-about
        Activity.Current?.SetTag(RetrievalAttributes.QueryText, question); // leak TC1001 generated-api

        var vector = await embeddings.GenerateVectorAsync(question, cancellationToken: cancellationToken);
        var searchOptions = new VectorSearchOptions<ClinicalNoteChunk> { Filter = chunk => chunk.HospitalNumber == hospitalNumber };
        logger.LogDebug("Searching {Collection} with filter {Filter}", CollectionName, searchOptions.Filter); // clean logging-objects

        var found = new List<VectorSearchResult<ClinicalNoteChunk>>();
        await foreach (var result in Collection.SearchAsync(vector, top: 5, searchOptions, cancellationToken))
        {
            found.Add(result);
        }

        search.SetRetrievalResultCount(found.Count);
        search.SetRetrievalTopScore(found.Count == 0 ? 0 : found.Max(r => r.Score ?? 0)); // clean precision-about
        meter.CreateRetrievalSearchesCounter().Add(1, CollectionName); // clean precision-names

        foreach (var result in found)
        {
            var patientNote = result.Record;
            if (options.TraceRetrievedSnippets)
            {
                search.AddRetrievalDocumentUsedEvent(patientNote.NoteId, result.Score, retrievalSnippet: patientNote.Text[..Math.Min(120, patientNote.Text.Length)]); // leak TC1001 generated-api
            }
            else
            {
                search.AddRetrievalDocumentUsedEvent(patientNote.NoteId, result.Score); // clean precision-names
            }
        }

        return found.Select(r => r.Record).ToList();
    }

    private static IEnumerable<string> Chunk(string body)
    {
        for (var start = 0; start < body.Length; start += ChunkLength)
        {
            yield return body.Substring(start, Math.Min(ChunkLength, body.Length - start));
        }
    }
}
