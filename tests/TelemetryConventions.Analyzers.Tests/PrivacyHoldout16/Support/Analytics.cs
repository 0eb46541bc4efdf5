using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace PrivacyHoldout16.Support.Segment;

// Stand-ins for a Segment-style product analytics client. It posts to the analytics warehouse over
// HTTPS (a product data store with its own consent and retention), not to the observability pipeline.

public sealed class Options
{
    public string? AnonymousId { get; private set; }

    public Dictionary<string, object?> Context { get; } = new();

    public Options SetAnonymousId(string anonymousId)
    {
        AnonymousId = anonymousId;
        return this;
    }
}

public interface IAnalytics
{
    void Identify(string userId, IDictionary<string, object?> traits, Options? options = null);

    void Track(string userId, string eventName, IDictionary<string, object?>? properties = null, Options? options = null);

    void Page(string userId, string name, IDictionary<string, object?>? properties = null, Options? options = null);

    void Alias(string previousId, string userId);

    Task FlushAsync();
}
