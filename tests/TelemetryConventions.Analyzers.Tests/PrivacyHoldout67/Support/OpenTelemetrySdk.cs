using System;
using System.Collections.Generic;
using System.Diagnostics;

// Stand-ins for the OpenTelemetry SDK types the services extend (processors and samplers). The API
// package (OpenTelemetry.Api: propagators, baggage, RecordException) is referenced; the SDK is not.

namespace OpenTelemetry
{
    /// <summary>The SDK's processor base: OnStart when an activity starts, OnEnd when it stops, before export.</summary>
    public abstract class BaseProcessor<T> : IDisposable
    {
        public virtual void OnStart(T data)
        {
        }

        public virtual void OnEnd(T data)
        {
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
        }
    }
}

namespace OpenTelemetry.Trace
{
    public enum SamplingDecision
    {
        Drop,
        RecordOnly,
        RecordAndSample,
    }

    /// <summary>What a sampler is asked about: the span about to start.</summary>
    public readonly struct SamplingParameters(ActivityContext parentContext, ActivityTraceId traceId, string name, ActivityKind kind, IEnumerable<KeyValuePair<string, object?>>? tags = null, IEnumerable<ActivityLink>? links = null)
    {
        public ActivityContext ParentContext { get; } = parentContext;

        public ActivityTraceId TraceId { get; } = traceId;

        public string Name { get; } = name;

        public ActivityKind Kind { get; } = kind;

        public IEnumerable<KeyValuePair<string, object?>>? Tags { get; } = tags;

        public IEnumerable<ActivityLink>? Links { get; } = links;
    }

    /// <summary>A sampler's answer. The SDK adds <see cref="Attributes"/> to the span it starts.</summary>
    public readonly struct SamplingResult
    {
        public SamplingResult(SamplingDecision decision) => Decision = decision;

        public SamplingResult(SamplingDecision decision, IEnumerable<KeyValuePair<string, object>> attributes)
        {
            Decision = decision;
            Attributes = attributes;
        }

        public SamplingDecision Decision { get; }

        public IEnumerable<KeyValuePair<string, object>> Attributes { get; } = Array.Empty<KeyValuePair<string, object>>();
    }

    public abstract class Sampler
    {
        public string Description { get; protected set; } = string.Empty;

        public abstract SamplingResult ShouldSample(in SamplingParameters samplingParameters);
    }

    public sealed class TracerProviderBuilderStandIn
    {
        public TracerProviderBuilderStandIn AddSource(params string[] names) => this;

        public TracerProviderBuilderStandIn SetSampler(Sampler sampler) => this;

        public TracerProviderBuilderStandIn AddProcessor(BaseProcessor<Activity> processor) => this;
    }
}
