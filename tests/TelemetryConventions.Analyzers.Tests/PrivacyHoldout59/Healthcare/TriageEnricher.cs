using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyCorpus.Shared;
using PrivacyHoldout59.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout59.Healthcare;

/// <summary>Copies the configured dimensions of a triage request onto whatever span is current.</summary>
public sealed class TriageEnricher(
    IOptionsMonitor<TriageTelemetryOptions> options,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    public void Enrich(Activity? activity, TriageRequest request)
    {
        var o = options.CurrentValue;
        foreach (var name in o.SpanDimensions)
        {
            if (TriageDimensions.Selectors.TryGetValue(name, out var select))
            {
                activity?.SetTag(o.AttributePrefix + name, select(request)); // leak TC1001 cross-member
            }
        }

        if (o.IncludeClinicianDetails)
        {
            activity?.SetTag(o.AttributePrefix + "clinician.staff_number", request.NurseStaffNumber); // leak TC1001 direct
            activity?.SetTag(o.AttributePrefix + "clinician.ref", pseudonymizer.ComputeTriageClinicianId(request.NurseStaffNumber)); // clean precision-pseudonym
        }

        if (o.IncludePatientHash)
        {
            activity?.SetTag(o.AttributePrefix + "patient.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.HospitalNumber)))[..16]); // leak TC1002 hashes
        }

        activity?.SetTag(o.AttributePrefix + "partition", Partition(request.HospitalNumber)); // clean hashes
    }

    /// <summary>Only the bounded selectors: the wait histogram must not grow a series per patient.</summary>
    public TagList MetricTags(TriageRequest request)
    {
        var tags = new TagList();
        foreach (var name in options.CurrentValue.MetricDimensions)
        {
            if (TriageDimensions.MetricSelectors.TryGetValue(name, out var select))
            {
                tags.Add(name, select(request));
            }
        }
        return tags;
    }

    /// <summary>The same, from the span catalogue, which the board's refresh job still uses.</summary>
    public TagList LegacyMetricTags(TriageRequest request)
    {
        var tags = new TagList();
        foreach (var name in options.CurrentValue.MetricDimensions)
        {
            if (TriageDimensions.Selectors.TryGetValue(name, out var select))
            {
                tags.Add(name, select(request));
            }
        }
        return tags;
    }

    public Dictionary<string, object?> LogState(TriageRequest request) => new()
    {
        ["AttendanceId"] = request.AttendanceId,
        ["Site"] = request.SiteCode,
        ["Acuity"] = request.Acuity,
        ["PatientRef"] = pseudonymizer.ComputeTriagePatientId(request.HospitalNumber),
    };

    private string Partition(string hospitalNumber)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return (hmac.ComputeHash(Encoding.UTF8.GetBytes(hospitalNumber))[0] % 16).ToString("x");
    }
}

/// <summary>Applies a trust's <see cref="TrustTelemetryProfile.ExtraAttributes"/> by reading the named property.</summary>
public static class TrustAttributeMapper
{
    private static readonly HashSet<string> Shareable = new(StringComparer.Ordinal)
    {
        nameof(TriageRequest.SiteCode),
        nameof(TriageRequest.ComplaintCode),
        nameof(TriageRequest.Acuity),
        nameof(TriageRequest.ArrivalMode),
    };

    public static void Apply(Activity? activity, TrustTelemetryProfile profile, TriageRequest request)
    {
        foreach (var (attribute, property) in profile.ExtraAttributes)
        {
            if (!Shareable.Contains(property))
            {
                continue;
            }
            activity?.SetTag(attribute, typeof(TriageRequest).GetProperty(property)?.GetValue(request)); // clean precision-about
        }
    }

    /// <summary>The reconciliation job's copy, written before the allow list existed.</summary>
    public static void ApplyUnfiltered(Activity? activity, TrustTelemetryProfile profile, TriageRequest request)
    {
        foreach (var (attribute, property) in profile.ExtraAttributes)
        {
            activity?.SetTag(attribute, typeof(TriageRequest).GetProperty(property)?.GetValue(request)); // leak TC1001 cross-member
        }
    }

    public static string Describe(TrustTelemetryProfile profile) =>
        string.Join(",", profile.ExtraAttributes.Keys.Order(StringComparer.Ordinal));
}
