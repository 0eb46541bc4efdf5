using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout2.Support;
using PrivacyHoldout2.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout2.Healthcare;

public sealed record LabResult(string SpecimenId, string PatientMrn, string TestCode, double Value, string? ClinicianEmail);

public sealed class LabPipelineOptions
{
    public string Laboratory { get; set; } = "central";

    public int CriticalThreshold { get; set; } = 3;
}

/// <summary>Reads lab results from the in-process channel and files them.</summary>
public sealed partial class LabResultsConsumer(
    Channel<LabResult> results,
    ILogger<LabResultsConsumer> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IOptions<LabPipelineOptions> options) : BackgroundService
{
    private static readonly ActivitySource Source = new("Hospital.Lab");
    private readonly Histogram<double> _turnaround = meter.CreateHistogram<double>("lab.result.turnaround", "s");
    private readonly Counter<long> _filed = meter.CreateCounter<long>("lab.results.filed");
    private string? _lastPatientMrn;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var result in results.Reader.ReadAllAsync(stoppingToken))
        {
            using var activity = Source.StartActivity("lab.file");
            activity?.SetTag("lab.specimen.id", result.SpecimenId); // clean precision-names
            activity?.SetTag("lab.test.code", result.TestCode); // clean precision-names
            activity?.SetBaggage("lab.patient", result.PatientMrn); // leak TC1001 direct
            activity?.SetTag("lab.patient.pseudonym", pseudonymizer.Pseudonymize("patient", result.PatientMrn).Value); // clean precision-pseudonym
            activity?.SetTag("lab.clinician.email_domain", result.ClinicianEmail?.Split('@')[^1]); // clean precision-about

            _filed.Add(1, new KeyValuePair<string, object?>("lab", options.Value.Laboratory), new KeyValuePair<string, object?>("patient", result.PatientMrn)); // leak TC1003 direct
            _turnaround.Record(12.5, BuildTags(result)); // leak TC1003 cross-member

            if (_lastPatientMrn != result.PatientMrn)
            {
                _lastPatientMrn = result.PatientMrn;
            }

            LogFiled(logger, result.SpecimenId, result.TestCode); // clean precision-names
            LogFiledFor(logger, result.SpecimenId, result.PatientMrn); // leak TC1001 logging-objects
            LogFiledForRedacted(logger, result.SpecimenId, result.PatientMrn); // clean logging-objects

            var dedupeKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(result.PatientMrn + result.TestCode)));
            activity?.SetTag("lab.dedupe.key", dedupeKey); // leak TC1002 hashes
        }
    }

    public void ReportLastPatient()
    {
        Activity.Current?.AddEvent(new ActivityEvent("lab.last_patient", tags: new ActivityTagsCollection { ["patient.mrn"] = _lastPatientMrn })); // leak TC1001 cross-member
    }

    private static TagList BuildTags(LabResult result)
    {
        var tags = new TagList();
        tags.Add("lab.test.code", result.TestCode);
        tags.Add("lab.patient.mrn", result.PatientMrn);
        return tags;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Filed specimen {SpecimenId} ({TestCode})")]
    private static partial void LogFiled(ILogger logger, string specimenId, string testCode);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Filed specimen {SpecimenId} for patient {PatientMrn}")]
    private static partial void LogFiledFor(ILogger logger, string specimenId, string patientMrn);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Filed specimen {SpecimenId} for patient {PatientMrn}")]
    private static partial void LogFiledForRedacted(ILogger logger, string specimenId, [PrivateData] string patientMrn);
}
