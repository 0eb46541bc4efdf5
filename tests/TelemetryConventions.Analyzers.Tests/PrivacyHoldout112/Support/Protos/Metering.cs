// Generated-style code for metering/v1/*.proto (package metering.v1).
namespace Metering.V1;

public sealed partial class MeterReading : IMessage<MeterReading>
{
    public string MeterSerial { get; set; } = string.Empty;

    public string Register { get; set; } = string.Empty;

    public double Kwh { get; set; }

    public long ReadAtUnix { get; set; }

    public MeterReading Clone() => (MeterReading)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class IngestSummary : IMessage<IngestSummary>
{
    public int Accepted { get; set; }

    public int Rejected { get; set; }

    public IngestSummary Clone() => (IngestSummary)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class ChangeTariffRequest : IMessage<ChangeTariffRequest>
{
    public string AccountNumber { get; set; } = string.Empty;

    public string Mpan { get; set; } = string.Empty;

    public string TariffCode { get; set; } = string.Empty;

    public string ContactEmail { get; set; } = string.Empty;

    public ChangeTariffRequest Clone() => (ChangeTariffRequest)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class ChangeTariffReply : IMessage<ChangeTariffReply>
{
    public string SwitchId { get; set; } = string.Empty;

    public string EffectiveFrom { get; set; } = string.Empty;

    public ChangeTariffReply Clone() => (ChangeTariffReply)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class GetTariffRequest : IMessage<GetTariffRequest>
{
    public string TariffCode { get; set; } = string.Empty;

    public string Region { get; set; } = string.Empty;

    public GetTariffRequest Clone() => (GetTariffRequest)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class Tariff : IMessage<Tariff>
{
    public string TariffCode { get; set; } = string.Empty;

    public double UnitRatePence { get; set; }

    public double StandingChargePence { get; set; }

    public Tariff Clone() => (Tariff)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public static partial class Readings
{
    public const string ServiceName = "meter.v1.Readings";

    public abstract partial class ReadingsBase
    {
        public virtual Task<IngestSummary> Upload(IAsyncStreamReader<MeterReading> requestStream, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }
}

public static partial class Accounts
{
    public const string ServiceName = "meter.v1.Accounts";

    public abstract partial class AccountsBase
    {
        public virtual Task<ChangeTariffReply> ChangeTariff(ChangeTariffRequest request, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }
}

public static partial class Pricing
{
    public const string ServiceName = "meter.v1.Pricing";

    public partial class PricingClient
    {
        public virtual AsyncUnaryCall<Tariff> GetTariffAsync(GetTariffRequest request, Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
