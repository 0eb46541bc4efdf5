namespace TelemetryConventions.Conventions.Model;

public enum Stability
{
    /// <summary>Not declared; treated as development.</summary>
    Unspecified,
    Development,
    ReleaseCandidate,
    Stable,
    /// <summary>The legacy <c>stability: deprecated</c> value.</summary>
    Deprecated,
}

public enum GroupKind
{
    AttributeGroup,
    Span,
    Event,
    Metric,
    Entity,
}

public enum SpanKind
{
    Unspecified,
    Internal,
    Client,
    Server,
    Producer,
    Consumer,
}

public enum InstrumentKind
{
    Unspecified,
    Counter,
    UpDownCounter,
    Gauge,
    Histogram,
}

public enum MetricValueType
{
    Unspecified,
    Int,
    Double,
}

public enum Visibility
{
    Public,
    Internal,
}

public enum PrimitiveType
{
    String,
    Int,
    Double,
    Boolean,
    Any,
}

public enum RequirementKind
{
    Recommended,
    Required,
    ConditionallyRequired,
    OptIn,
}

public enum DeprecationReason
{
    Uncategorized,
    Renamed,
    Obsoleted,
}

public enum PrivacyClassification
{
    PersonalIdentifier,
    QuasiIdentifier,
    Health,
    Financial,
    Contact,
    Location,
}

public enum PrivacyTreatment
{
    Allow,
    Pseudonymize,
    Redact,
}
