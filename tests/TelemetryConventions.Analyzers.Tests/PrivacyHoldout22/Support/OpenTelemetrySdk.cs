using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

// Stand-ins for the OpenTelemetry SDK and instrumentation types the services extend. The API package
// (OpenTelemetry.Api) is referenced; the SDK, its log record and the instrumentation packages are not.

namespace OpenTelemetry
{
    /// <summary>The SDK's processor base: OnStart when an activity or log record starts, OnEnd before export.</summary>
    public abstract class BaseProcessor<T> : IDisposable
    {
        public virtual void OnStart(T data)
        {
        }

        public virtual void OnEnd(T data)
        {
        }

        public bool ForceFlush(int timeoutMilliseconds = -1) => true;

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

namespace OpenTelemetry.Logs
{
    /// <summary>A log record as the SDK hands it to processors before export.</summary>
    public sealed class LogRecord
    {
        public DateTime Timestamp { get; set; }

        public string? CategoryName { get; set; }

        public LogLevel LogLevel { get; set; }

        public EventId EventId { get; set; }

        public string? FormattedMessage { get; set; }

        public string? Body { get; set; }

        public IReadOnlyList<KeyValuePair<string, object?>>? Attributes { get; set; }

        public Exception? Exception { get; set; }

        public ActivityTraceId TraceId { get; set; }

        public ActivitySpanId SpanId { get; set; }
    }
}

namespace OpenTelemetry.Instrumentation.AspNetCore
{
    public sealed class AspNetCoreTraceInstrumentationOptions
    {
        public Func<HttpContext, bool>? Filter { get; set; }

        public Action<Activity, HttpRequest>? EnrichWithHttpRequest { get; set; }

        public Action<Activity, HttpResponse>? EnrichWithHttpResponse { get; set; }

        public Action<Activity, Exception>? EnrichWithException { get; set; }

        public bool RecordException { get; set; }
    }
}

namespace OpenTelemetry.Instrumentation.Http
{
    public sealed class HttpClientTraceInstrumentationOptions
    {
        public Func<HttpRequestMessage, bool>? FilterHttpRequestMessage { get; set; }

        public Action<Activity, HttpRequestMessage>? EnrichWithHttpRequestMessage { get; set; }

        public Action<Activity, HttpResponseMessage>? EnrichWithHttpResponseMessage { get; set; }

        public Action<Activity, Exception>? EnrichWithException { get; set; }

        public bool RecordException { get; set; }
    }
}

namespace OpenTelemetry.Trace
{
    using OpenTelemetry.Instrumentation.AspNetCore;
    using OpenTelemetry.Instrumentation.Http;

    public static class InstrumentationTracerProviderBuilderExtensions
    {
        public static TracerProviderBuilder AddAspNetCoreInstrumentation(this TracerProviderBuilder builder, Action<AspNetCoreTraceInstrumentationOptions> configure)
        {
            configure(new AspNetCoreTraceInstrumentationOptions());
            return builder;
        }

        public static TracerProviderBuilder AddHttpClientInstrumentation(this TracerProviderBuilder builder, Action<HttpClientTraceInstrumentationOptions> configure)
        {
            configure(new HttpClientTraceInstrumentationOptions());
            return builder;
        }

        public static TracerProviderBuilder AddProcessor(this TracerProviderBuilder builder, BaseProcessor<Activity> processor) => builder;
    }
}
