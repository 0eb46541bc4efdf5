using System;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout31.Support.Coordination;

// Stand-ins with the shapes of the DistributedLock library (Medallion.Threading), Azure blob leases and a
// document store's optimistic concurrency. Only the shapes matter.

public interface IDistributedSynchronizationHandle : IDisposable, IAsyncDisposable
{
    CancellationToken HandleLostToken { get; }
}

public interface IDistributedLock
{
    string Name { get; }

    ValueTask<IDistributedSynchronizationHandle?> TryAcquireAsync(TimeSpan timeout = default, CancellationToken cancellationToken = default);

    ValueTask<IDistributedSynchronizationHandle> AcquireAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default);
}

public interface IDistributedLockProvider
{
    IDistributedLock CreateLock(string name);
}

public sealed record BlobLease(string LeaseId, DateTimeOffset LastModified);

public interface IBlobLeaseClient
{
    string BlobName { get; }

    string LeaseId { get; }

    Task<BlobLease> AcquireAsync(TimeSpan duration, CancellationToken cancellationToken = default);

    Task<BlobLease> RenewAsync(CancellationToken cancellationToken = default);

    Task ReleaseAsync(CancellationToken cancellationToken = default);
}

/// <summary>Azure's failure: the service's status, error code and text, never the blob's name.</summary>
public sealed class RequestFailedException(int status, string message, string? errorCode) : Exception(message)
{
    public int Status { get; } = status;

    public string? ErrorCode { get; } = errorCode;
}

/// <summary>A document store's answer to a write whose <c>If-Match</c> ETag is stale (HTTP 412, a fixed text).</summary>
public sealed class PreconditionFailedException()
    : Exception("The operation specified an eTag that is different from the version available at the server.");

/// <summary>Entity Framework Core's concurrency failure; its message names no values.</summary>
public sealed class DbUpdateConcurrencyException()
    : Exception("The database operation was expected to affect 1 row(s), but actually affected 0 row(s); data may have been modified or deleted since entities were loaded.");
