using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Healthcare;

/// <summary>Anything that concerns one patient on one ward.</summary>
public interface IHasPatient
{
    string HospitalNumber { get; }

    string Ward { get; }

    /// <summary>The patient as telemetry may name them: the keyed pseudonym the conventions declare.</summary>
    Pseudonym PatientRef(Pseudonymizer pseudonymizer) => pseudonymizer.PseudonymizeClinicPatientId(HospitalNumber);
}

public sealed class ClinicTelemetryOptions
{
    public required string SiteCode { get; init; }

    public bool RecordAcuity { get; init; } = true;

    public TimeSpan LongStay { get; init; } = TimeSpan.FromDays(7);
}

/// <summary>The clinical platform team's helpers over <see cref="Activity"/>, <see cref="ILogger"/> and <see cref="Meter"/>.</summary>
public static class ClinicalTelemetry
{
    public const string SourceName = "Clinic.Admissions";

    public static readonly ActivitySource Source = new(SourceName, "2.3.0");

    public static Activity? TagPatient<TSubject>(this Activity? activity, TSubject subject, Pseudonymizer pseudonymizer)
        where TSubject : IHasPatient
    {
        activity?.SetTag(ClinicAttributes.PatientId, subject.PatientRef(pseudonymizer).Value); // clean precision-pseudonym
        activity?.SetTag(ClinicAttributes.Ward, subject.Ward); // clean direct
        return activity;
    }

    // Written before the pseudonymiser was registered; the discharge path still calls it.
    public static Activity? TagHospitalNumber(this Activity? activity, string hospitalNumber) =>
        activity?.SetTag("clinic.hospital_number", hospitalNumber); // leak TC1001 direct

    public static Activity? TagOrders(this Activity? activity, IReadOnlyCollection<string> orderIds) =>
        activity?.SetTag(ClinicAttributes.OrderCount, orderIds.Count); // clean precision-about

    /// <summary>Builds the tags of the bed-occupancy instruments; ward and acuity only.</summary>
    public static TagList BedTags(string ward, ClinicAcuity acuity, bool isolation)
    {
        var tags = new TagList
        {
            { ClinicAttributes.Ward, ward },
            { ClinicAttributes.Acuity, acuity.ToWireValue() },
        };
        if (isolation)
        {
            tags.Add("clinic.bed.isolation", true);
        }

        return tags;
    }

    public static IDisposable? BeginWardScope(this ILogger logger, string ward, string site) =>
        logger.BeginScope(new Dictionary<string, object?> { ["Ward"] = ward, ["Site"] = site });
}

/// <summary>The team's source-generated log methods.</summary>
internal static partial class ClinicLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Admission to {Ward} took {ElapsedMs} ms")]
    public static partial void AdmissionTimed(this ILogger logger, string ward, double elapsedMs);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Abnormal {TestCode} for {NhsNumber}")]
    public static partial void AbnormalResult(this ILogger logger, string testCode, string nhsNumber);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Critical {TestCode} for {NhsNumber}, escalated")]
    public static partial void CriticalResult(this ILogger logger, string testCode, [PrivateData] string nhsNumber);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Result {OrderId} filed under {TestCode}")]
    public static partial void ResultFiled(this ILogger logger, string orderId, string testCode);
}
