using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for Microsoft.FeatureManagement: the feature manager, variants and the targeting
// filter's context (a user id and groups). Only the shapes matter.

namespace Microsoft.FeatureManagement
{
    using Microsoft.FeatureManagement.FeatureFilters;

    public interface IFeatureManager
    {
        IAsyncEnumerable<string> GetFeatureNamesAsync();

        Task<bool> IsEnabledAsync(string feature);

        Task<bool> IsEnabledAsync<TContext>(string feature, TContext context);
    }

    public sealed class Variant
    {
        public string Name { get; init; } = string.Empty;

        public string? Configuration { get; init; }
    }

    public interface IVariantFeatureManager
    {
        ValueTask<bool> IsEnabledAsync(string feature, ITargetingContext context, CancellationToken cancellationToken = default);

        ValueTask<Variant?> GetVariantAsync(string feature, ITargetingContext context, CancellationToken cancellationToken = default);
    }
}

namespace Microsoft.FeatureManagement.FeatureFilters
{
    public interface ITargetingContext
    {
        string? UserId { get; }

        IEnumerable<string> Groups { get; }
    }

    /// <summary>Who a flag is evaluated for: the user's id and the groups they belong to.</summary>
    public class TargetingContext : ITargetingContext
    {
        public string? UserId { get; set; }

        public IEnumerable<string> Groups { get; set; } = Array.Empty<string>();
    }

    public interface ITargetingContextAccessor
    {
        ValueTask<TargetingContext> GetContextAsync();
    }
}
