using System;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout10.Support;

// Stand-ins for the device-side libraries the services use (an MQTT client and OCPP message
// types), so that the corpus compiles without them. Only the shapes matter.

public sealed class MqttApplicationMessage
{
    public required string Topic { get; init; }

    public ArraySegment<byte> PayloadSegment { get; init; }

    public string? ContentType { get; init; }

    public int QualityOfServiceLevel { get; init; }
}

public interface IMqttMessageHandler
{
    Task HandleAsync(MqttApplicationMessage message, CancellationToken cancellationToken);
}

public interface IMqttPublisher
{
    Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}

public sealed record IdTagInfo(string Status, DateTimeOffset? ExpiryDate, string? ParentIdTag);

public sealed record StartTransactionRequest(int ConnectorId, string IdTag, int MeterStart, DateTimeOffset Timestamp, int? ReservationId);

public sealed record StartTransactionResponse(IdTagInfo IdTagInfo, int TransactionId);

public sealed record StopTransactionRequest(int TransactionId, string? IdTag, int MeterStop, DateTimeOffset Timestamp, string? Reason);

public sealed class OcppCallContext
{
    public required string ChargePointId { get; init; }

    public required string MessageId { get; init; }
}
