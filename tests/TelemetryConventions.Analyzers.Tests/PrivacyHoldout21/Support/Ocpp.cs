using System;
using System.Collections.Generic;

namespace PrivacyHoldout21.Support.Ocpp;

// Stand-ins for OCPP 2.0.1 messages (as a central system library deserialises them) and the
// ISO 15118 session set-up a charge point forwards.

public sealed record IdToken(string Value, string Type);

public sealed record AuthorizeRequest(IdToken IdToken, string? Certificate = null);

public sealed record IdTokenInfo(string Status, string? GroupIdToken = null);

public sealed record AuthorizeResponse(IdTokenInfo IdTokenInfo);

public sealed record Evse(int Id, int ConnectorId);

public sealed record TransactionInfo(string TransactionId, string? ChargingState, string? StoppedReason);

public sealed record SampledValue(decimal Value, string Measurand, string? UnitOfMeasure);

public sealed record MeterValue(DateTimeOffset Timestamp, IReadOnlyList<SampledValue> SampledValue);

public sealed record TransactionEventRequest(
    string EventType,
    DateTimeOffset Timestamp,
    string TriggerReason,
    int SeqNo,
    TransactionInfo TransactionInfo,
    Evse? Evse,
    IdToken? IdToken,
    IReadOnlyList<MeterValue>? MeterValue);

public sealed record ChargingStation(string Model, string VendorName, string? SerialNumber, string? FirmwareVersion);

public sealed record BootNotificationRequest(ChargingStation ChargingStation, string Reason);

/// <summary>ISO 15118-2 SessionSetupReq as forwarded by the station (DataTransfer).</summary>
public sealed record SessionSetupReq(string EvccId, string SessionId);

public sealed class OcppCallError(string errorCode, string description) : Exception(description)
{
    public string ErrorCode { get; } = errorCode;
}
