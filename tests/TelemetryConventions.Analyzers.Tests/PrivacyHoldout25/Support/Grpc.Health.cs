using System.Collections.Concurrent;
using System.Threading.Tasks;
using Google.Protobuf;
using Grpc.Core;

// Stand-ins for the standard gRPC health service (grpc.health.v1, package Grpc.HealthCheck).
namespace Grpc.Health.V1
{
    public sealed class HealthCheckRequest : IMessage<HealthCheckRequest>
    {
        /// <summary>The name of the service to check; empty for the server as a whole.</summary>
        public string Service { get; set; } = string.Empty;

        public int CalculateSize() => Service.Length;

        public HealthCheckRequest Clone() => new() { Service = Service };

        public bool Equals(HealthCheckRequest? other) => other is not null && other.Service == Service;

        public void MergeFrom(HealthCheckRequest message) => Service = message.Service;

        public override string ToString() => JsonFormatter.ToDiagnosticString(this);
    }

    public sealed class HealthCheckResponse : IMessage<HealthCheckResponse>
    {
        public Types.ServingStatus Status { get; set; }

        public int CalculateSize() => 2;

        public HealthCheckResponse Clone() => new() { Status = Status };

        public bool Equals(HealthCheckResponse? other) => other is not null && other.Status == Status;

        public void MergeFrom(HealthCheckResponse message) => Status = message.Status;

        public override string ToString() => JsonFormatter.ToDiagnosticString(this);

        public static class Types
        {
            public enum ServingStatus
            {
                Unknown = 0,
                Serving = 1,
                NotServing = 2,
                ServiceUnknown = 3,
            }
        }
    }

    public static partial class Health
    {
        public abstract partial class HealthBase
        {
            public virtual Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
                throw new RpcException(new Status(StatusCode.Unimplemented, string.Empty));

            public virtual Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context) =>
                throw new RpcException(new Status(StatusCode.Unimplemented, string.Empty));
        }
    }
}

namespace Grpc.HealthCheck
{
    using Grpc.Health.V1;

    /// <summary>The stock implementation: a table of service names and their serving status.</summary>
    public class HealthServiceImpl : Health.HealthBase
    {
        private readonly ConcurrentDictionary<string, HealthCheckResponse.Types.ServingStatus> _statuses = new();

        public void SetStatus(string service, HealthCheckResponse.Types.ServingStatus status) => _statuses[service] = status;

        public void ClearStatus(string service) => _statuses.TryRemove(service, out _);

        public void ClearAll() => _statuses.Clear();

        public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
            _statuses.TryGetValue(request.Service, out var status)
                ? Task.FromResult(new HealthCheckResponse { Status = status })
                : throw new RpcException(new Status(StatusCode.NotFound, string.Empty));
    }
}
