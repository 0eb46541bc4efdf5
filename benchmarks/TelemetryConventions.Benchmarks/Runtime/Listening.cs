using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace TelemetryConventions.Benchmarks.Runtime;

/// <summary>Who listens to the benchmark's activity source, and what the sampler decides.</summary>
public enum Listening
{
    /// <summary>No listener: <c>ActivitySource.HasListeners()</c> is false.</summary>
    None,

    /// <summary>
    /// An <see cref="ActivityListener"/> whose sampler returns <see cref="ActivitySamplingResult.PropagationData"/>:
    /// .NET creates an Activity to carry the trace context, but <c>IsAllDataRequested</c> is false. This is the
    /// unsampled span of a real service, whose SDK keeps propagating the context of dropped spans.
    /// </summary>
    NotSampled,

    /// <summary>An <see cref="ActivityListener"/> that records everything, with no exporter: the cost of the span itself.</summary>
    Sampled,

    /// <summary>The OpenTelemetry SDK with <see cref="AlwaysOffSampler"/> and no exporter.</summary>
    SdkNotSampled,

    /// <summary>The OpenTelemetry SDK with <see cref="AlwaysOnSampler"/> and no exporter.</summary>
    SdkSampled,
}

/// <summary>Starts listening to one source as a <see cref="Listening"/> value says, until disposed.</summary>
public sealed class ListenerScope : IDisposable
{
    private readonly IDisposable? _listener;

    public ListenerScope(Listening listening, string sourceName)
    {
        _listener = listening switch
        {
            Listening.None => null,
            Listening.NotSampled => Listen(sourceName, ActivitySamplingResult.PropagationData),
            Listening.Sampled => Listen(sourceName, ActivitySamplingResult.AllDataAndRecorded),
            Listening.SdkNotSampled => Sdk.CreateTracerProviderBuilder().AddSource(sourceName).SetSampler(new AlwaysOffSampler()).Build(),
            Listening.SdkSampled => Sdk.CreateTracerProviderBuilder().AddSource(sourceName).SetSampler(new AlwaysOnSampler()).Build(),
            _ => throw new ArgumentOutOfRangeException(nameof(listening)),
        };
    }

    private static ActivityListener Listen(string sourceName, ActivitySamplingResult decision)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => decision,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    public void Dispose() => _listener?.Dispose();
}
