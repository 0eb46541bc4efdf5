using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

// The services' own small building blocks that are not framework types: a distributed cache, an SMS
// sender, tenant resolution, clock and key material.

namespace Microsoft.Extensions.Caching.Distributed
{
    public sealed class DistributedCacheEntryOptions
    {
        public DateTimeOffset? AbsoluteExpiration { get; set; }

        public TimeSpan? SlidingExpiration { get; set; }
    }

    public interface IDistributedCache
    {
        Task<byte[]?> GetAsync(string key, CancellationToken token = default);

        Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default);

        Task RefreshAsync(string key, CancellationToken token = default);

        Task RemoveAsync(string key, CancellationToken token = default);
    }
}

namespace PrivacyHoldout11.Support
{
    public interface ISmsSender
    {
        Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken = default);
    }

    public sealed record Tenant(string Id, string Name, string Region, string Plan);

    public interface ITenantStore
    {
        Task<Tenant?> FindByHostAsync(string host, CancellationToken cancellationToken = default);

        Task<Tenant?> FindByIdAsync(string tenantId, CancellationToken cancellationToken = default);
    }

    /// <summary>The tenant of the current request, set by the tenant resolution middleware.</summary>
    public sealed class TenantContext
    {
        public Tenant? Current { get; set; }
    }

    /// <summary>Signing and lookup secrets as the services receive them from their vault.</summary>
    public sealed class IdentitySecrets
    {
        public required byte[] LookupKey { get; init; }

        public required byte[] PartitionKey { get; init; }
    }

    /// <summary>A page of results returned by the stores.</summary>
    public sealed record Page<T>(IReadOnlyList<T> Items, int Total);
}
