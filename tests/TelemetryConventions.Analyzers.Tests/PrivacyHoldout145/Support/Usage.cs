namespace Telco.Usage;

// Usage, roaming and call detail records from the mediation platform.

/// <summary>A usage alert. Prints MSISDN, threshold percent, MB used and country.</summary>
public sealed record UsageAlert(string Msisdn, int ThresholdPercent, long UsedMb, string CountryCode);

/// <summary>A roaming attach. Prints IMSI, the visited network (MCC-MNC), country and time.</summary>
public sealed record RoamingAttach(string Imsi, string VisitedPlmn, string CountryCode, DateTimeOffset AttachedAt);

/// <summary>A call detail record. Prints CDR id, calling and called numbers, the handset's IMEI, cell, start and duration.</summary>
public sealed record CallDetailRecord(string CdrId, string CallingNumber, string CalledNumber, string Imei, string CellId, DateTimeOffset StartedAt, int DurationSeconds);

/// <summary>A rating batch's summary. Prints batch id, records rated and rejected, and total minutes.</summary>
public sealed record RatingBatchSummary(string BatchId, int Rated, int Rejected, long TotalMinutes);

/// <summary>Roaming is barred on the line; quotes the MSISDN and country.</summary>
public sealed class RoamingBarredException(string msisdn, string countryCode) : Exception($"Roaming barred for {msisdn} in {countryCode}");

/// <summary>The spend cap is reached; quotes the cap.</summary>
public sealed class SpendCapReachedException(decimal cap) : Exception($"Spend cap of {cap:0.00} GBP reached")
{
    public decimal Cap { get; } = cap;
}

/// <summary>Mediation rejected a record; quotes the CDR id and the reason.</summary>
public sealed class CdrRejectedException(string cdrId, string reason) : Exception($"CDR {cdrId} rejected: {reason}")
{
    public string Reason { get; } = reason;
}
