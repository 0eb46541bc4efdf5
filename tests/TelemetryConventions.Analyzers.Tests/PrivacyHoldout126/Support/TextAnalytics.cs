namespace TextAnalytics;

// PII detection in the shape of Azure AI Language's RecognizePiiEntities: the entities found in a
// document (their text, category and confidence) and the document with them masked by asterisks.

public readonly record struct PiiEntityCategory(string Name)
{
    public static PiiEntityCategory Email { get; } = new("Email");

    public static PiiEntityCategory PhoneNumber { get; } = new("PhoneNumber");

    public static PiiEntityCategory Person { get; } = new("Person");

    public static PiiEntityCategory Address { get; } = new("Address");

    public override string ToString() => Name;
}

/// <summary>An entity found in a document: the text as written, its category and the model's confidence. Prints its members.</summary>
public sealed record PiiEntity(string Text, PiiEntityCategory Category, double ConfidenceScore, int Offset, int Length);

/// <summary>The entities found, and the document with each entity replaced by asterisks.</summary>
public sealed class PiiEntityCollection(IReadOnlyList<PiiEntity> entities, string redactedText) : IReadOnlyCollection<PiiEntity>
{
    public string RedactedText { get; } = redactedText;

    public int Count => entities.Count;

    public IEnumerator<PiiEntity> GetEnumerator() => entities.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class TextAnalyticsClient
{
    public Task<PiiEntityCollection> RecognizePiiEntitiesAsync(string document, string? language = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new PiiEntityCollection(Array.Empty<PiiEntity>(), document));
}
