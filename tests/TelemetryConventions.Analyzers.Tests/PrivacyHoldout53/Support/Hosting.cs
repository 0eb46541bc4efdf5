using System;
using System.Net.Http;

// Stand-ins for Microsoft.Extensions.Options and the OpenTelemetry HttpClient instrumentation's options. Only the shapes matter.

namespace Microsoft.Extensions.Options
{
    public interface IOptions<out TOptions>
        where TOptions : class
    {
        TOptions Value { get; }
    }
}

namespace OpenTelemetry.Instrumentation.Http
{
    public sealed class HttpClientTraceInstrumentationOptions
    {
        public Func<HttpRequestMessage, bool>? FilterHttpRequestMessage { get; set; }

        public Action<System.Diagnostics.Activity, HttpRequestMessage>? EnrichWithHttpRequestMessage { get; set; }

        public Action<System.Diagnostics.Activity, HttpResponseMessage>? EnrichWithHttpResponseMessage { get; set; }

        public Action<System.Diagnostics.Activity, Exception>? EnrichWithException { get; set; }

        public bool RecordException { get; set; }
    }
}

namespace OpenTelemetry.Trace
{
    using OpenTelemetry.Instrumentation.Http;

    public static class HttpClientInstrumentationTracerProviderBuilderExtensions
    {
        public static TracerProviderBuilder AddHttpClientInstrumentation(this TracerProviderBuilder builder, Action<HttpClientTraceInstrumentationOptions> configure) => builder;
    }
}
