using System.Linq.Expressions;

namespace Microsoft.Extensions.VectorData;

// A stand-in for Microsoft.Extensions.VectorData.Abstractions: record attributes, collections and search results.

[AttributeUsage(AttributeTargets.Property)]
public sealed class VectorStoreKeyAttribute : Attribute;

[AttributeUsage(AttributeTargets.Property)]
public sealed class VectorStoreDataAttribute : Attribute
{
    public bool IsIndexed { get; set; }

    public bool IsFullTextIndexed { get; set; }
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class VectorStoreVectorAttribute(int dimensions) : Attribute
{
    public int Dimensions { get; } = dimensions;

    public string? DistanceFunction { get; set; }
}

public sealed class VectorSearchOptions<TRecord>
{
    public Expression<Func<TRecord, bool>>? Filter { get; set; }

    public int Skip { get; set; }

    public bool IncludeVectors { get; set; }
}

public sealed class VectorSearchResult<TRecord>(TRecord record, double? score)
{
    public TRecord Record { get; } = record;

    public double? Score { get; } = score;
}

public abstract class VectorStoreCollection<TKey, TRecord>
    where TKey : notnull
    where TRecord : class
{
    public abstract string Name { get; }

    public abstract Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default);

    public abstract Task<TRecord?> GetAsync(TKey key, CancellationToken cancellationToken = default);

    public abstract Task UpsertAsync(TRecord record, CancellationToken cancellationToken = default);

    public abstract Task UpsertAsync(IEnumerable<TRecord> records, CancellationToken cancellationToken = default);

    public abstract Task DeleteAsync(TKey key, CancellationToken cancellationToken = default);

    public abstract IAsyncEnumerable<VectorSearchResult<TRecord>> SearchAsync(ReadOnlyMemory<float> vector, int top, VectorSearchOptions<TRecord>? options = null, CancellationToken cancellationToken = default);
}

public abstract class VectorStore
{
    public abstract VectorStoreCollection<TKey, TRecord> GetCollection<TKey, TRecord>(string name)
        where TKey : notnull
        where TRecord : class;
}

/// <summary>Raised by a connector when the store rejects an operation; the message names the collection and the operation.</summary>
public sealed class VectorStoreException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    public string? VectorStoreSystemName { get; init; }

    public string? CollectionName { get; init; }

    public string? OperationName { get; init; }
}
