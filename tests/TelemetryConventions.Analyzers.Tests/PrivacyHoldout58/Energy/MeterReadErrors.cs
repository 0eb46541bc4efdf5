using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout58.Energy;

// Meter read failures. A supply point is a household's: its MPAN, its meter's serial and the supply
// account number all identify the household.

public sealed record SupplyPoint(string Mpan, string MeterSerial, string AccountNumber, string TariffCode);

public sealed record MeterRead(string Mpan, decimal Register, DateTimeOffset ReadAt);

public sealed record Tariff(string Code, decimal UnitRate);

/// <summary>The DCC did not answer a service request in time. The request id is the DCC's.</summary>
public sealed class DccTimeoutException(string serviceRequestId, TimeSpan after)
    : TimeoutException($"DCC service request {serviceRequestId} timed out after {after.TotalSeconds:0} s.")
{
    public string ServiceRequestId { get; } = serviceRequestId;
}

/// <summary>The meter answered with an error response code.</summary>
public sealed class DccDeviceException(string meterSerial, string responseCode)
    : Exception($"Meter {meterSerial} rejected the read command with response {responseCode}.")
{
    public string MeterSerial { get; } = meterSerial;

    public string ResponseCode { get; } = responseCode;
}

/// <summary>A read lower than the last accepted one (and not a meter exchange).</summary>
public sealed class ImplausibleReadException(string mpan, decimal register, decimal previous)
    : Exception($"Read {register} for MPAN {mpan} is below the previous read {previous}.")
{
    public decimal Register { get; } = register;

    public decimal Previous { get; } = previous;
}

/// <summary>A customer read refused; the code goes back to the app, the message to the customer.</summary>
public sealed class ReadRejectedException(string code, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string Code { get; } = code;
}

public interface IDccGateway
{
    /// <summary>Throws <see cref="DccTimeoutException"/> and <see cref="DccDeviceException"/>.</summary>
    Task<MeterRead> ReadRegistersAsync(string meterSerial, CancellationToken cancellationToken);
}

public interface ISupplyPointDirectory
{
    IReadOnlyDictionary<string, SupplyPoint> ByMpan { get; }
}

public interface ITariffCatalogue
{
    IReadOnlyDictionary<string, Tariff> ByCode { get; }
}
