using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Healthcare;

public sealed record LabOrder(string OrderNumber, string HospitalNumber, string TestCode, string? PatientMobile, string RequestingClinician);

public sealed class LabNotificationOptions
{
    public required byte[] DedupKey { get; set; }

    public string SmsProvider { get; set; } = "textlocal";
}

public sealed class LabOrderNotifications(
    IOptions<LabNotificationOptions> options,
    ILogger<LabOrderNotifications> logger,
    Meter meter,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    IMemoryCache sent)
{
    private readonly Counter<long> _notified = meter.CreateCounter<long>("lab.notifications");

    public void Notify(LabOrder order)
    {
        var patient = pseudonymizer.PseudonymizeTriagePatientId(order.HospitalNumber);
        using var span = source.StartTriageAssessment(patient, spanName: $"lab result {order.HospitalNumber}"); // leak TC1001 generated-api
        span.SetTriageEncounterId(order.OrderNumber); // clean generated-api
        span.SetTriageNote(order.RequestingClinician); // leak TC1001 generated-api
        meter.CreateTriageAssessmentsCounter().Add(1, triageRegion: order.TestCode, triageAcuity: TriageAcuityValue.Custom(order.HospitalNumber)); // leak TC1003 generated-api

        using var incremental = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        incremental.AppendData(Encoding.UTF8.GetBytes(order.HospitalNumber));
        incremental.AppendData(Encoding.UTF8.GetBytes(order.TestCode));
        var dedup = Convert.ToHexString(incremental.GetHashAndReset());
        span.SetTriageNote(dedup); // leak TC1002 hashes

        using var keyed = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, options.Value.DedupKey);
        keyed.AppendData(Encoding.UTF8.GetBytes(order.HospitalNumber + "|" + order.TestCode));
        var dedupKeyed = Convert.ToHexString(keyed.GetHashAndReset());
        Activity.Current?.SetTag("lab.dedup", dedupKeyed); // clean hashes

        if (sent.TryGetValue(dedupKeyed, out _))
        {
            return;
        }

        using (logger.BeginScope(new[] { new KeyValuePair<string, object>("OrderNumber", order.OrderNumber), new KeyValuePair<string, object>("Mobile", order.PatientMobile ?? "") })) // leak TC1001 logging-objects
        using (logger.BeginScope(new LabScope(order.OrderNumber, order.TestCode))) // clean logging-objects
        {
            logger.LogInformation("Sending lab notification through {Provider}", options.Value.SmsProvider); // clean precision-names
            _notified.Add(1, new KeyValuePair<string, object?>("lab.test_code", order.TestCode)); // clean direct
        }

        using (logger.BeginScope(new PatientScope(order.HospitalNumber))) // leak TC1001 logging-objects
        {
            logger.LogInformation("Lab notification sent for order {OrderNumber}", order.OrderNumber); // clean direct
        }

        sent.Set(dedupKeyed, true, TimeSpan.FromHours(12));
    }

    private sealed record LabScope(string OrderNumber, string TestCode);

    private sealed record PatientScope(string HospitalNumber);
}
