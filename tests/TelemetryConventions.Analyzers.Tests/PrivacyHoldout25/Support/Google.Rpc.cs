using System;
using System.Linq;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;

// Stand-ins for the rich error model (Google.Api.CommonProtos' google.rpc types) and the
// Grpc.StatusProto helpers that carry it in the grpc-status-details-bin trailer.
namespace Google.Rpc
{
    public sealed class Status : IMessage<Status>
    {
        public int Code { get; set; }

        public string Message { get; set; } = string.Empty;

        public RepeatedField<Any> Details { get; } = new();

        public int CalculateSize() => Message.Length;

        public Status Clone()
        {
            var clone = new Status { Code = Code, Message = Message };
            clone.Details.Add(Details);
            return clone;
        }

        public bool Equals(Status? other) => other is not null && other.Code == Code && other.Message == Message;

        public void MergeFrom(Status message) => Details.Add(message.Details);

        public override string ToString() => JsonFormatter.ToDiagnosticString(this);
    }

    public sealed class BadRequest : IMessage<BadRequest>
    {
        public RepeatedField<Types.FieldViolation> FieldViolations { get; } = new();

        public int CalculateSize() => FieldViolations.Count;

        public BadRequest Clone()
        {
            var clone = new BadRequest();
            clone.FieldViolations.Add(FieldViolations);
            return clone;
        }

        public bool Equals(BadRequest? other) => other is not null && other.FieldViolations.SequenceEqual(FieldViolations);

        public void MergeFrom(BadRequest message) => FieldViolations.Add(message.FieldViolations);

        public override string ToString() => JsonFormatter.ToDiagnosticString(this);

        public static class Types
        {
            public sealed class FieldViolation : IMessage<FieldViolation>
            {
                /// <summary>A path to the field in the request body, e.g. <c>reading.mpan</c>.</summary>
                public string Field { get; set; } = string.Empty;

                /// <summary>Why the value is invalid.</summary>
                public string Description { get; set; } = string.Empty;

                public string Reason { get; set; } = string.Empty;

                public int CalculateSize() => Field.Length + Description.Length;

                public FieldViolation Clone() => new() { Field = Field, Description = Description, Reason = Reason };

                public bool Equals(FieldViolation? other) => other is not null && other.Field == Field && other.Description == Description;

                public void MergeFrom(FieldViolation message) => (Field, Description) = (message.Field, message.Description);

                public override string ToString() => JsonFormatter.ToDiagnosticString(this);
            }
        }
    }

    public sealed class ErrorInfo : IMessage<ErrorInfo>
    {
        public string Reason { get; set; } = string.Empty;

        public string Domain { get; set; } = string.Empty;

        public MapField<string, string> Metadata { get; } = new();

        public int CalculateSize() => Reason.Length + Domain.Length;

        public ErrorInfo Clone()
        {
            var clone = new ErrorInfo { Reason = Reason, Domain = Domain };
            clone.Metadata.Add(Metadata);
            return clone;
        }

        public bool Equals(ErrorInfo? other) => other is not null && other.Reason == Reason && other.Domain == Domain;

        public void MergeFrom(ErrorInfo message) => (Reason, Domain) = (message.Reason, message.Domain);

        public override string ToString() => JsonFormatter.ToDiagnosticString(this);
    }

    public sealed class RetryInfo : IMessage<RetryInfo>
    {
        public Duration? RetryDelay { get; set; }

        public int CalculateSize() => 12;

        public RetryInfo Clone() => new() { RetryDelay = RetryDelay?.Clone() };

        public bool Equals(RetryInfo? other) => other is not null && Equals(other.RetryDelay, RetryDelay);

        public void MergeFrom(RetryInfo message) => RetryDelay = message.RetryDelay;

        public override string ToString() => JsonFormatter.ToDiagnosticString(this);
    }

    public sealed class ResourceInfo : IMessage<ResourceInfo>
    {
        public string ResourceType { get; set; } = string.Empty;

        public string ResourceName { get; set; } = string.Empty;

        public string Owner { get; set; } = string.Empty;

        public string Description { get; set; } = string.Empty;

        public int CalculateSize() => ResourceName.Length;

        public ResourceInfo Clone() => new() { ResourceType = ResourceType, ResourceName = ResourceName, Owner = Owner, Description = Description };

        public bool Equals(ResourceInfo? other) => other is not null && other.ResourceName == ResourceName;

        public void MergeFrom(ResourceInfo message) => ResourceName = message.ResourceName;

        public override string ToString() => JsonFormatter.ToDiagnosticString(this);
    }
}

namespace Grpc.Core
{
    /// <summary>Grpc.StatusProto: a google.rpc.Status to an RpcException and back.</summary>
    public static class RpcStatusExtensions
    {
        public const string StatusDetailsTrailerName = "grpc-status-details-bin";

        /// <summary>The exception's status carries <c>status.Message</c> as its detail; the whole status travels in the binary trailer.</summary>
        public static RpcException ToRpcException(this Google.Rpc.Status status)
        {
            var trailers = new Metadata();
            trailers.Add(StatusDetailsTrailerName, System.Text.Encoding.UTF8.GetBytes(status.ToString()));
            return new RpcException(new Status((StatusCode)status.Code, status.Message), trailers);
        }

        public static Google.Rpc.Status? GetRpcStatus(this RpcException ex) =>
            ex.Trailers.GetValueBytes(StatusDetailsTrailerName) is null ? null : new Google.Rpc.Status { Code = (int)ex.StatusCode, Message = ex.Status.Detail };

        public static T? GetDetail<T>(this Google.Rpc.Status status)
            where T : class, IMessage, new()
            => status.Details.Select(d => d.TryUnpack<T>(out var detail) ? detail : null).FirstOrDefault(d => d is not null);
    }
}
