namespace Segment
{
    using Segment.Model;

    /// <summary>
    /// A stand-in of Segment's Analytics.NET client: calls are queued and posted in batches to the analytics
    /// warehouse's tracking API. Only the shapes matter.
    /// </summary>
    public interface IAnalyticsClient
    {
        void Identify(string userId, Traits traits, Options? options = null);

        void Track(string userId, string eventName, Properties? properties = null, Options? options = null);

        void Page(string userId, string name, string? category = null, Properties? properties = null, Options? options = null);

        void Alias(string previousId, string userId, Options? options = null);

        void Flush();

        Statistics Statistics { get; }
    }

    /// <summary>How many messages the client has queued, posted and dropped.</summary>
    public sealed class Statistics
    {
        public int Submitted { get; init; }

        public int Succeeded { get; init; }

        public int Failed { get; init; }
    }

    /// <summary>Thrown by the tracking API for a rejected batch: a code and the API's message about the batch.</summary>
    public sealed class APIException(string code, string message) : Exception(message)
    {
        public string Code { get; } = code;
    }
}

namespace Segment.Model
{
    public sealed class Traits : Dictionary<string, object?>;

    public sealed class Properties : Dictionary<string, object?>;

    /// <summary>The message context: page, campaign, device, ip, user agent, locale.</summary>
    public sealed class Context : Dictionary<string, object?>;

    public sealed class Options
    {
        public string? AnonymousId { get; private set; }

        public DateTimeOffset? Timestamp { get; private set; }

        public Context Context { get; private set; } = new();

        public Dictionary<string, bool> Integrations { get; } = new();

        public Options SetAnonymousId(string anonymousId)
        {
            AnonymousId = anonymousId;
            return this;
        }

        public Options SetTimestamp(DateTimeOffset timestamp)
        {
            Timestamp = timestamp;
            return this;
        }

        public Options SetContext(Context context)
        {
            Context = context;
            return this;
        }

        public Options SetIntegration(string integration, bool enabled)
        {
            Integrations[integration] = enabled;
            return this;
        }
    }
}
