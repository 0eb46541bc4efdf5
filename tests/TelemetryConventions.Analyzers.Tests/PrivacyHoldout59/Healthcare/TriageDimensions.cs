using System;
using System.Collections.Generic;
using System.Globalization;

namespace PrivacyHoldout59.Healthcare;

/// <summary>Bound from <c>Telemetry:Triage</c>; the on-call team changes it without a release.</summary>
public sealed class TriageTelemetryOptions
{
    public const string Section = "Telemetry:Triage";

    /// <summary>Names from <see cref="TriageDimensions.Selectors"/> copied onto the assessment span.</summary>
    public List<string> SpanDimensions { get; set; } = ["site", "acuity", "arrival.mode", "complaint"];

    /// <summary>Names from <see cref="TriageDimensions.MetricSelectors"/> the wait histogram is cut by.</summary>
    public List<string> MetricDimensions { get; set; } = ["site", "arrival.mode"];

    public string AttributePrefix { get; set; } = "ed.";

    public bool IncludeClinicianDetails { get; set; }

    public bool IncludeErrorDetail { get; set; }

    public bool IncludePatientHash { get; set; }
}

public sealed record TriageRequest(
    string AttendanceId,
    string HospitalNumber,
    string NhsNumber,
    string FamilyName,
    string MobileNumber,
    DateOnly DateOfBirth,
    string SiteCode,
    string TrustCode,
    int Acuity,
    string ArrivalMode,
    string ComplaintCode,
    string NurseStaffNumber,
    DateTimeOffset ArrivedAt);

public static class TriageDimensions
{
    /// <summary>Everything <c>Telemetry:Triage:SpanDimensions</c> may name.</summary>
    public static readonly IReadOnlyDictionary<string, Func<TriageRequest, object?>> Selectors =
        new Dictionary<string, Func<TriageRequest, object?>>(StringComparer.OrdinalIgnoreCase)
        {
            ["site"] = r => r.SiteCode,
            ["trust"] = r => r.TrustCode,
            ["acuity"] = r => r.Acuity,
            ["arrival.mode"] = r => r.ArrivalMode,
            ["complaint"] = r => r.ComplaintCode,
            ["age.band"] = r => AgeBand(r.DateOfBirth, r.ArrivedAt),
            // Added for the PAS reconciliation incident (INC-20931) so support could find attendances.
            ["patient.hospital_number"] = r => r.HospitalNumber,
            ["patient.nhs_number"] = r => r.NhsNumber,
        };

    /// <summary>What the metrics may be cut by. No person in here: every entry is a bounded set.</summary>
    public static readonly IReadOnlyDictionary<string, Func<TriageRequest, string>> MetricSelectors =
        new Dictionary<string, Func<TriageRequest, string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["site"] = r => r.SiteCode,
            ["trust"] = r => r.TrustCode,
            ["arrival.mode"] = r => r.ArrivalMode,
            ["acuity"] = r => r.Acuity.ToString(CultureInfo.InvariantCulture),
            ["age.band"] = r => AgeBand(r.DateOfBirth, r.ArrivedAt),
        };

    public static string AgeBand(DateOnly dateOfBirth, DateTimeOffset at)
    {
        var age = at.Year - dateOfBirth.Year - (at.DayOfYear < dateOfBirth.DayOfYear ? 1 : 0);
        return age switch
        {
            < 16 => "paediatric",
            < 65 => "adult",
            < 85 => "older-adult",
            _ => "85+",
        };
    }
}

/// <summary>Per-trust extra attributes: attribute name to the name of a <see cref="TriageRequest"/> property.</summary>
public sealed class TrustTelemetryProfile
{
    public required string TrustCode { get; init; }

    public Dictionary<string, string> ExtraAttributes { get; init; } = new(StringComparer.Ordinal);

    public static IReadOnlyList<TrustTelemetryProfile> Defaults { get; } =
    [
        new()
        {
            TrustCode = "RX1",
            ExtraAttributes = { ["rx1.local_ref"] = nameof(TriageRequest.HospitalNumber), ["rx1.stream"] = nameof(TriageRequest.ComplaintCode) },
        },
        new()
        {
            TrustCode = "RK9",
            ExtraAttributes = { ["rk9.site"] = nameof(TriageRequest.SiteCode), ["rk9.acuity"] = nameof(TriageRequest.Acuity) },
        },
    ];
}

public sealed class PasLookupException(string hospitalNumber)
    : Exception($"PAS has no open episode for hospital number {hospitalNumber}");

public sealed class SiteDivertException(string siteCode)
    : Exception($"{siteCode} is on divert; new arrivals are redirected");
