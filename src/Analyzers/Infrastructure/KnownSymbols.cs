using Microsoft.CodeAnalysis;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// The telemetry types a compilation can see, resolved once per compilation. A type the project does
/// not reference is null, and so are the sinks that need it.
/// </summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(Compilation compilation)
    {
        Activity = compilation.GetTypeByMetadataName("System.Diagnostics.Activity");
        ActivitySource = compilation.GetTypeByMetadataName("System.Diagnostics.ActivitySource");
        ActivityEvent = compilation.GetTypeByMetadataName("System.Diagnostics.ActivityEvent");
        ActivityLink = compilation.GetTypeByMetadataName("System.Diagnostics.ActivityLink");
        ActivityTagsCollection = compilation.GetTypeByMetadataName("System.Diagnostics.ActivityTagsCollection");
        TagList = compilation.GetTypeByMetadataName("System.Diagnostics.TagList");
        KeyValuePair = compilation.GetTypeByMetadataName("System.Collections.Generic.KeyValuePair`2");
        KeyValuePairStatic = compilation.GetTypeByMetadataName("System.Collections.Generic.KeyValuePair");
        Meter = compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.Meter");
        Counter = compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.Counter`1");
        Histogram = compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.Histogram`1");
        UpDownCounter = compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.UpDownCounter`1");
        Gauge = compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.Gauge`1");
        Measurement = compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.Measurement`1");
        ILogger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
        LoggerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");
        LoggerMessageAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
        LogLevel = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LogLevel");
        LambdaLogger = compilation.GetTypeByMetadataName("Amazon.Lambda.Core.ILambdaLogger");
        SerilogLogger = compilation.GetTypeByMetadataName("Serilog.ILogger");
        SerilogStaticLog = compilation.GetTypeByMetadataName("Serilog.Log");
        SerilogLogContext = compilation.GetTypeByMetadataName("Serilog.Context.LogContext");
        SerilogPropertyFactory = compilation.GetTypeByMetadataName("Serilog.Core.ILogEventPropertyFactory");
        SerilogDiagnosticContext = compilation.GetTypeByMetadataName("Serilog.IDiagnosticContext");
        HttpLoggingInterceptorContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.HttpLogging.HttpLoggingInterceptorContext");
        LogTagCollector = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ITagCollector");
        EnrichmentTagCollector = compilation.GetTypeByMetadataName("Microsoft.Extensions.Diagnostics.Enrichment.IEnrichmentTagCollector");
        AuthenticateResult = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authentication.AuthenticateResult");
        AuthenticationResultContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authentication.ResultContext`1");
        RemoteAuthenticationContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authentication.RemoteAuthenticationContext`1");
        ProtobufMessage = compilation.GetTypeByMetadataName("Google.Protobuf.IMessage`1");
        GrpcInterceptor = compilation.GetTypeByMetadataName("Grpc.Core.Interceptors.Interceptor");
        SentrySdk = compilation.GetTypeByMetadataName("Sentry.SentrySdk") ?? compilation.GetTypeByMetadataName("Sentry.IHub");
        RaygunClient = compilation.GetTypeByMetadataName("Mindscape.Raygun4Net.RaygunClient");
        StaticLambdaLogger = compilation.GetTypeByMetadataName("Amazon.Lambda.Core.LambdaLogger");
        OpenTelemetryActivityExtensions = compilation.GetTypeByMetadataName("OpenTelemetry.Trace.ActivityExtensions");
        TelemetrySpan = compilation.GetTypeByMetadataName("OpenTelemetry.Trace.TelemetrySpan");
        SpanAttributes = compilation.GetTypeByMetadataName("OpenTelemetry.Trace.SpanAttributes");
        Baggage = compilation.GetTypeByMetadataName("OpenTelemetry.Baggage");
        Exception = compilation.GetTypeByMetadataName("System.Exception");
        KeyNotFoundException = compilation.GetTypeByMetadataName("System.Collections.Generic.KeyNotFoundException");
        IOException = compilation.GetTypeByMetadataName("System.IO.IOException");
        FormatException = compilation.GetTypeByMetadataName("System.FormatException");
        ArgumentException = compilation.GetTypeByMetadataName("System.ArgumentException");
        SmtpFailedRecipientException = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpFailedRecipientException");
        Pseudonymizer = compilation.GetTypeByMetadataName("TelemetryConventions.Pseudonymizer");
        Pseudonym = compilation.GetTypeByMetadataName("TelemetryConventions.Pseudonym");
        SinkEntries = SinkTable.Resolve(compilation);
    }

    /// <summary>The fixed-shape sinks of <see cref="SinkTable"/> that this compilation can see.</summary>
    public System.Collections.Generic.Dictionary<(INamedTypeSymbol Type, string Member), System.Collections.Generic.List<SinkEntry>> SinkEntries { get; }

    public INamedTypeSymbol? Activity { get; }
    public INamedTypeSymbol? ActivitySource { get; }
    public INamedTypeSymbol? ActivityEvent { get; }
    public INamedTypeSymbol? ActivityLink { get; }
    public INamedTypeSymbol? ActivityTagsCollection { get; }
    public INamedTypeSymbol? TagList { get; }
    public INamedTypeSymbol? KeyValuePair { get; }
    public INamedTypeSymbol? KeyValuePairStatic { get; }
    /// <summary>What protoc's C# messages implement, and the base of gRPC's interceptors, which see every message of the calls they wrap.</summary>
    public INamedTypeSymbol? ProtobufMessage { get; }
    public INamedTypeSymbol? GrpcInterceptor { get; }

    public INamedTypeSymbol? Meter { get; }
    public INamedTypeSymbol? Counter { get; }
    public INamedTypeSymbol? Histogram { get; }
    public INamedTypeSymbol? UpDownCounter { get; }
    public INamedTypeSymbol? Gauge { get; }
    public INamedTypeSymbol? Measurement { get; }
    public INamedTypeSymbol? ILogger { get; }
    public INamedTypeSymbol? LoggerExtensions { get; }
    public INamedTypeSymbol? LoggerMessageAttribute { get; }
    public INamedTypeSymbol? LogLevel { get; }

    /// <summary>AWS Lambda's logger (<c>context.Logger</c>), which writes to the function's log stream.</summary>
    public INamedTypeSymbol? LambdaLogger { get; }

    /// <summary>Serilog's logger, its static <c>Log</c>, its ambient <c>LogContext</c> and an enricher's property factory.</summary>
    public INamedTypeSymbol? SerilogLogger { get; }
    public INamedTypeSymbol? SerilogStaticLog { get; }
    public INamedTypeSymbol? SerilogLogContext { get; }
    public INamedTypeSymbol? SerilogPropertyFactory { get; }

    /// <summary>Serilog.AspNetCore's request logging: properties set here go into each request's completion event.</summary>
    public INamedTypeSymbol? SerilogDiagnosticContext { get; }

    /// <summary>ASP.NET Core's HTTP logging: parameters added here are written into the request's log.</summary>
    public INamedTypeSymbol? HttpLoggingInterceptorContext { get; }

    /// <summary>What a <c>[TagProvider]</c> method is handed: each tag it adds is written into the log record.</summary>
    public INamedTypeSymbol? LogTagCollector { get; }

    /// <summary>What a log enricher is handed: each tag it adds is written into every record it enriches.</summary>
    public INamedTypeSymbol? EnrichmentTagCollector { get; }

    /// <summary>An authentication failure's message, which the authentication handler logs.</summary>
    public INamedTypeSymbol? AuthenticateResult { get; }
    public INamedTypeSymbol? AuthenticationResultContext { get; }
    public INamedTypeSymbol? RemoteAuthenticationContext { get; }

    /// <summary>The Sentry SDK's entry point (or its hub, for code that only takes an <c>IHub</c>): its scopes, events and breadcrumbs are error reports.</summary>
    public INamedTypeSymbol? SentrySdk { get; }

    public bool HasSentry => SentrySdk is not null;

    /// <summary>Raygun's client: what it sends with an exception (tags, custom data, the user) is an error report.</summary>
    public INamedTypeSymbol? RaygunClient { get; }

    public bool HasRaygun => RaygunClient is not null;

    public bool HasSerilog => SerilogLogger is not null || SerilogStaticLog is not null || SerilogLogContext is not null || SerilogPropertyFactory is not null || SerilogDiagnosticContext is not null;

    /// <summary>AWS Lambda's static <c>LambdaLogger.Log</c>.</summary>
    public INamedTypeSymbol? StaticLambdaLogger { get; }
    public INamedTypeSymbol? OpenTelemetryActivityExtensions { get; }
    public INamedTypeSymbol? TelemetrySpan { get; }
    public INamedTypeSymbol? SpanAttributes { get; }
    public INamedTypeSymbol? Baggage { get; }
    public INamedTypeSymbol? Exception { get; }
    public INamedTypeSymbol? KeyNotFoundException { get; }
    public INamedTypeSymbol? IOException { get; }
    public INamedTypeSymbol? FormatException { get; }
    public INamedTypeSymbol? ArgumentException { get; }
    public INamedTypeSymbol? SmtpFailedRecipientException { get; }
    public INamedTypeSymbol? Pseudonymizer { get; }
    public INamedTypeSymbol? Pseudonym { get; }

    /// <summary>False when the project references no telemetry API at all: the analyzers then stay idle.</summary>
    public bool HasAnySink =>
        Activity is not null || TagList is not null || Meter is not null || ILogger is not null || TelemetrySpan is not null || LambdaLogger is not null || HasSerilog || HasSentry || HasRaygun;

    /// <summary>
    /// The compilation's telemetry types, resolved once whichever rule asks first: each rule starts on
    /// the same compilation, and resolving dozens of metadata names per rule showed in the build.
    /// </summary>
    public static KnownSymbols Create(Compilation compilation) => PerCompilation.GetValue(compilation, c => new KnownSymbols(c));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, KnownSymbols> PerCompilation = new();

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known)
    {
        if (known is null || type is null)
        {
            return false;
        }
        // Asked for every operation's type: the name rules out nearly all of them before the definition
        // is even asked for (a constructed type has its definition's name).
        if (!string.Equals(type.Name, known.Name, System.StringComparison.Ordinal))
        {
            return false;
        }
        var definition = type.OriginalDefinition;
        return ReferenceEquals(definition, known)
            || (string.Equals(definition.Name, known.Name, System.StringComparison.Ordinal) && SymbolEqualityComparer.Default.Equals(definition, known));
    }

    public bool IsTagCollection(ITypeSymbol? type) => Is(type, TagList) || Is(type, ActivityTagsCollection);

    public bool IsInstrument(ITypeSymbol? type) =>
        Is(type, Counter) || Is(type, Histogram) || Is(type, UpDownCounter) || Is(type, Gauge);

    /// <summary>The runtime's pseudonymiser, by name as well, in case two assemblies both define it.</summary>
    public bool IsPseudonymizer(ITypeSymbol? type) =>
        Is(type, Pseudonymizer) || IsNamed(type, "Pseudonymizer");

    public bool IsPseudonym(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }
        return Is(type, Pseudonym) || IsNamed(type, "Pseudonym");
    }

    private static bool IsNamed(ITypeSymbol? type, string name) =>
        type is { Name: var typeName, ContainingNamespace: { Name: "TelemetryConventions", ContainingNamespace.IsGlobalNamespace: true } }
        && typeName == name;
}
