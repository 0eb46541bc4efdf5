using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout7.Support;
using PrivacyHoldout7.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout7.Healthcare;

public sealed record LabResult(string ResultId, string PatientMrn, string PatientEmail, string TestCode, double Value, string OrderingClinicianId);

public interface ILabResultStore
{
    Task SaveAsync(LabResult result);

    Task<string?> FindWardAsync(string patientMrn);
}

/// <summary>Receives lab results from the analyser queue and files them against the patient.</summary>
public sealed class LabResultProcessor(ILabResultStore store, Pseudonymizer pseudonymizer, ILogger<LabResultProcessor> logger)
{
    private static readonly ActivitySource Source = new("Clinic.LabResults");

    private static readonly Action<ILogger, string, string, Exception?> ResultFiled =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(10, "ResultFiled"), "Filed result {ResultId} for test {TestCode}");

    private static readonly Action<ILogger, string, Exception?> ResultForPatient =
        LoggerMessage.Define<string>(LogLevel.Debug, new EventId(11, "ResultForPatient"), "Result received for patient {PatientMrn}");

    private static readonly Action<ILogger, string, int, Exception?> Redelivered =
        LoggerMessage.Define<string, int>(LogLevel.Warning, new EventId(12, "Redelivered"), "Message {MessageId} redelivered {DeliveryCount} times");

    public async Task ProcessMessageAsync(ProcessMessageEventArgs args)
    {
        var message = args.Message;
        var result = message.Body.ToObjectFromJson<LabResult>();
        var mrn = (string)message.ApplicationProperties["patientMrn"];
        var site = message.ApplicationProperties.TryGetValue("site", out var s) ? (string)s : "unknown";

        using var activity = Source.StartActivity("lab-result process", ActivityKind.Consumer);
        activity?.SetTag("messaging.message.id", message.MessageId); // clean precision-names
        activity?.SetTag("clinic.site", site); // clean precision-about
        activity?.SetTag("clinic.patient.mrn", mrn); // leak TC1001 direct
        activity?.SetTag("messaging.message.correlation_id", message.CorrelationId); // clean precision-names

        if (message.DeliveryCount > 1)
        {
            Redelivered(logger, message.MessageId, message.DeliveryCount, null); // clean logging-objects
        }

        ResultForPatient(logger, result.PatientMrn, null); // leak TC1001 logging-objects
        await store.SaveAsync(result);
        ResultFiled(logger, result.ResultId, result.TestCode, null); // clean logging-objects

        var ward = await store.FindWardAsync(mrn);
        activity?.SetTag("clinic.ward", ward ?? "unassigned"); // clean precision-about
        activity?.SetTag("clinic.patient.email_domain", result.PatientEmail[(result.PatientEmail.IndexOf('@') + 1)..]); // clean precision-about

        var patient = pseudonymizer.PseudonymizeClinicPatientId(result.PatientMrn);
        using var referral = Source.StartClinicReferral(patient); // clean generated-api
        referral.SetClinicReferralId(result.ResultId); // clean generated-api
        referral.SetClinicNote($"result for {result.PatientEmail} filed"); // leak TC1001 generated-api

        await args.CompleteMessageAsync(message);
    }

    public Task ProcessErrorAsync(ProcessErrorEventArgs args)
    {
        logger.LogError(args.Exception, "Lab result processing failed on {EntityPath} ({ErrorSource})", args.EntityPath, args.ErrorSource); // clean exceptions
        return Task.CompletedTask;
    }
}

/// <summary>Turnaround and look-up metrics of lab results.</summary>
public sealed class ReferralMetrics
{
    private readonly Histogram<double> _turnaround;
    private readonly Counter<long> _lookups;

    public ReferralMetrics(Meter meter)
    {
        _turnaround = meter.CreateHistogram<double>("clinic.result.turnaround", "h");
        _lookups = meter.CreateCounter<long>("clinic.patient.lookups");
    }

    public void Record(LabResult result, TimeSpan turnaround, string department)
    {
        _turnaround.Record(turnaround.TotalHours, new KeyValuePair<string, object?>("clinic.department", department), new KeyValuePair<string, object?>("clinic.test.code", result.TestCode)); // clean precision-about
        _turnaround.Record(turnaround.TotalHours, new KeyValuePair<string, object?>("clinic.department", department), new KeyValuePair<string, object?>("clinic.patient", result.PatientMrn)); // leak TC1003 direct
        _lookups.Add(1, new KeyValuePair<string, object?>("clinic.patient.mrn_length", result.PatientMrn.Length)); // clean precision-about
    }

    public static string CorrelationKey(string patientMrn)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(patientMrn));
        return Convert.ToHexString(digest, 0, 8);
    }

    public void TagCorrelation(Activity? activity, LabResult result)
    {
        activity?.SetTag("clinic.patient.key", CorrelationKey(result.PatientMrn)); // leak TC1002 hashes
    }
}
