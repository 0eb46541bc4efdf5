namespace LockKit;

/// <summary>A lock shared by every instance of a service, in the shape of DistributedLock's providers.</summary>
public interface IDistributedLockProvider
{
    IDistributedLock CreateLock(string name);
}

public interface IDistributedLock
{
    /// <summary>The lock's name, as given to <see cref="IDistributedLockProvider.CreateLock"/>.</summary>
    string Name { get; }

    ValueTask<IDistributedSynchronizationHandle?> TryAcquireAsync(TimeSpan timeout = default, CancellationToken cancellationToken = default);
}

public interface IDistributedSynchronizationHandle : IAsyncDisposable
{
    CancellationToken HandleLostToken { get; }
}

/// <summary>Thrown when a held lock's lease could not be renewed; names the lock.</summary>
public sealed class LockLostException(string name) : Exception($"The lease of lock '{name}' was lost before the work finished.")
{
    public string Name { get; } = name;
}
