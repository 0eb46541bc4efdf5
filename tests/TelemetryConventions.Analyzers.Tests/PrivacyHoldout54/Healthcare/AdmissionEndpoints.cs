using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout54.Healthcare;

/// <summary>A hospital number (MRN) as the PAS issues it: two letters for the site, seven digits.</summary>
[DebuggerDisplay("{Value,nq}")]
public readonly struct PatientNumber : IEquatable<PatientNumber>, IFormattable
{
    public PatientNumber(string value) => Value = value.Trim().ToUpperInvariant();

    public string Value { get; }

    public string Site => Value.Length >= 2 ? Value[..2] : Value;

    public bool Equals(PatientNumber other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is PatientNumber other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value ?? string.Empty);

    /// <summary>"G" (the default) prints the number; "S" prints the site and masks the digits.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => format switch
    {
        "S" => Site + "*******",
        _ => Value,
    };

    public override string ToString() => ToString("G", CultureInfo.InvariantCulture);
}

/// <summary>An NHS number; printed masked so that it can appear in screens and logs.</summary>
public sealed record NhsNumber(string Value)
{
    public string LastFour => Value.Length >= 4 ? Value[^4..] : Value;

    public override string ToString() => $"*** *** {LastFour}";
}

public sealed class AdmissionDto
{
    public Guid AdmissionId { get; init; }

    public PatientNumber PatientNumber { get; init; }

    [JsonIgnore]
    public NhsNumber? NhsNumber { get; init; }

    public string Ward { get; init; } = "";

    public string Bed { get; init; } = "";

    public string AdmittingStaffNumber { get; init; } = "";

    public DateTimeOffset AdmittedAt { get; init; }

    public override string ToString() => $"Admission {AdmissionId:N} to {Ward}/{Bed}";
}

public sealed record TransferRequested(Guid AdmissionId, string FromWard, string ToWard, [property: JsonIgnore] PatientNumber PatientNumber);

public sealed record DischargeNotice(Guid AdmissionId, string Ward, PatientNumber PatientNumber, string Destination)
{
    // Discharge notices are logged by the bed board; keep the hospital number out of them.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AdmissionId = ").Append(AdmissionId)
            .Append(", Ward = ").Append(Ward)
            .Append(", Destination = ").Append(Destination);
        return true;
    }
}

public sealed class AdmissionEndpoints(ILogger<AdmissionEndpoints> logger, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _admissions = meter.CreateCounter<long>("pas.admissions");

    public void Admit(AdmissionDto dto)
    {
        using var span = source.StartModelOperation("admit", nameof(AdmissionDto));
        span.SetModelId(dto.AdmissionId.ToString("N")); // clean direct
        span.SetModelSubjectId(pseudonymizer.PseudonymizeModelSubjectId(dto.PatientNumber.Value)); // clean precision-pseudonym
        span.Activity?.SetTag("pas.admission", dto.ToString()); // clean strings
        span.Activity?.SetTag("pas.patient.site", dto.PatientNumber.Site); // clean precision-about
        span.Activity?.SetTag("pas.patient.masked", $"{dto.PatientNumber:S}"); // clean strings
        span.Activity?.SetTag("pas.patient.nhs", dto.NhsNumber?.ToString()); // clean precision-about

        logger.LogInformation("Admitted {Admission}", dto); // clean logging-objects
        span.Activity?.SetTag("pas.admission.body", JsonSerializer.Serialize(dto)); // leak TC1001 logging-objects
        logger.LogInformation("Admitting {PatientNumber} to {Ward}", dto.PatientNumber, dto.Ward); // leak TC1001 direct
        logger.LogInformation("NHS number {NhsNumber} verified", dto.NhsNumber); // clean precision-about
        logger.LogInformation("Admitted by {StaffNumber}", dto.AdmittingStaffNumber); // leak TC1001 direct

        _admissions.Add(1, new KeyValuePair<string, object?>("ward", dto.Ward)); // clean direct
        _admissions.Add(1, new KeyValuePair<string, object?>("site", dto.PatientNumber.Site)); // clean precision-about
    }

    public void RequestTransfer(TransferRequested transfer)
    {
        using var span = source.StartModelOperation("transfer", nameof(TransferRequested));
        span.SetModelId(transfer.AdmissionId.ToString("N"));
        span.SetModelPayloadSize(JsonSerializer.SerializeToUtf8Bytes(transfer).Length);
        span.Activity?.SetTag("pas.transfer", JsonSerializer.Serialize(transfer)); // clean logging-objects
        logger.LogInformation("Transfer requested {Transfer}", transfer); // leak TC1001 logging-objects
        span.AddModelChangedEvent(nameof(TransferRequested), modelChanges: $"{transfer.FromWard}->{transfer.ToWard}"); // clean generated-api
        span.SetModelNote($"transfer {transfer}"); // leak TC1001 generated-api
    }

    public void Discharge(DischargeNotice notice)
    {
        using var scope = logger.BeginScope(notice); // clean logging-objects
        logger.LogInformation("Discharge {Notice}", notice); // clean logging-objects
        logger.LogInformation("Discharge {@Notice}", notice); // leak TC1001 logging-objects
        logger.LogInformation("Discharged to {Destination}", notice.Destination);
        Activity.Current?.EnrichModelOperation("discharge", nameof(DischargeNotice)).SetModelNote(notice.ToString()); // clean generated-api
    }

    public void Reconcile(AdmissionDto pas, AdmissionDto ward)
    {
        if (!pas.PatientNumber.Equals(ward.PatientNumber))
        {
            var mismatch = new InvalidOperationException($"Wristband mismatch: PAS {pas.PatientNumber} against ward {ward.PatientNumber}");
            Activity.Current?.AddException(mismatch); // leak TC1001 exceptions
            return;
        }

        if (pas.AdmittedAt < ward.AdmittedAt)
        {
            var stale = new InvalidOperationException($"{pas} is older than the ward's copy");
            logger.LogWarning(stale, "Stale admission in the PAS feed"); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, stale.Message); // clean exceptions
        }
    }
}
