using System;
using System.Collections.Generic;
using Grpc.Core;
using Microsoft.Extensions.Logging;

// Stand-ins for Grpc.Net.Client: the channel and the service config that turns on retries and hedging.
namespace Grpc.Net.Client
{
    using Grpc.Net.Client.Configuration;

    public sealed class GrpcChannelOptions
    {
        public ServiceConfig? ServiceConfig { get; set; }

        public int? MaxRetryAttempts { get; set; } = 5;

        public long? MaxRetryBufferSize { get; set; }

        public long? MaxRetryBufferPerCallSize { get; set; }

        public ILoggerFactory? LoggerFactory { get; set; }

        public bool ThrowOperationCanceledOnCancellation { get; set; }
    }

    public sealed class GrpcChannel : ChannelBase, IDisposable
    {
        private GrpcChannel(string address, GrpcChannelOptions options)
            : base(new Uri(address).Authority)
        {
            Address = new Uri(address);
            Options = options;
        }

        public Uri Address { get; }

        public GrpcChannelOptions Options { get; }

        public static GrpcChannel ForAddress(string address) => ForAddress(address, new GrpcChannelOptions());

        public static GrpcChannel ForAddress(string address, GrpcChannelOptions channelOptions) => new(address, channelOptions);

        public override CallInvoker CreateCallInvoker() => throw new NotSupportedException("Stand-in: the corpus is compiled, not run.");

        public void Dispose()
        {
        }
    }
}

namespace Grpc.Net.Client.Configuration
{
    public sealed class ServiceConfig
    {
        public IList<MethodConfig> MethodConfigs { get; } = new List<MethodConfig>();

        public RetryThrottlingPolicy? RetryThrottling { get; set; }
    }

    public sealed class MethodConfig
    {
        public IList<MethodName> Names { get; } = new List<MethodName>();

        public RetryPolicy? RetryPolicy { get; set; }

        public HedgingPolicy? HedgingPolicy { get; set; }
    }

    public sealed class MethodName
    {
        public static readonly MethodName Default = new();

        public string? Service { get; set; }

        public string? Method { get; set; }
    }

    public sealed class RetryPolicy
    {
        public int? MaxAttempts { get; set; }

        public TimeSpan? InitialBackoff { get; set; }

        public TimeSpan? MaxBackoff { get; set; }

        public double? BackoffMultiplier { get; set; }

        public IList<StatusCode> RetryableStatusCodes { get; } = new List<StatusCode>();
    }

    public sealed class HedgingPolicy
    {
        public int? MaxAttempts { get; set; }

        public TimeSpan? HedgingDelay { get; set; }

        public IList<StatusCode> NonFatalStatusCodes { get; } = new List<StatusCode>();
    }

    public sealed class RetryThrottlingPolicy
    {
        public int? MaxTokens { get; set; }

        public double? TokenRatio { get; set; }
    }
}
