namespace PrivacyHoldout48.Support.Datasync;

/// <summary>The shape of a table entity as offline-sync servers keep it (id, version, updated-at, soft delete).</summary>
public interface ITableData
{
    string Id { get; set; }

    byte[] Version { get; set; }

    DateTimeOffset? UpdatedAt { get; set; }

    bool Deleted { get; set; }
}

public abstract class EntityTableData : ITableData
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    public byte[] Version { get; set; } = [];

    public DateTimeOffset? UpdatedAt { get; set; }

    public bool Deleted { get; set; }
}

public enum TableOperation
{
    Create,
    Delete,
    Query,
    Read,
    Update,
}

/// <summary>Thrown by a table repository when the client's version does not match the stored one.</summary>
public sealed class HttpException(int statusCode, string? message = null) : Exception(message ?? $"HTTP {statusCode}")
{
    public int StatusCode { get; } = statusCode;

    public object? Payload { get; init; }
}

public interface IRepository<TEntity>
    where TEntity : ITableData
{
    ValueTask<TEntity> ReadAsync(string id, CancellationToken cancellationToken = default);

    ValueTask ReplaceAsync(TEntity entity, byte[]? version = null, CancellationToken cancellationToken = default);

    ValueTask<IReadOnlyList<TEntity>> ChangedSinceAsync(DateTimeOffset since, int take, CancellationToken cancellationToken = default);
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, string? NextLink, long? Count);

/// <summary>A blob container as the attachment and backup stores use it.</summary>
public interface IBlobContainer
{
    string Name { get; }

    Task UploadAsync(string blobName, Stream content, CancellationToken cancellationToken = default);

    Task<Stream> DownloadAsync(string blobName, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string blobName, CancellationToken cancellationToken = default);
}

public sealed class BlobNotFoundException(string container, string blobName)
    : Exception($"The specified blob does not exist. Container: {container}, Blob: {blobName}")
{
    public string ErrorCode => "BlobNotFound";
}

public interface IClock
{
    DateTimeOffset UtcNow { get; }
}
