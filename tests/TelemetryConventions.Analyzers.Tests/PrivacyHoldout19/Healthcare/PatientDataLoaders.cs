using System.Diagnostics;
using System.Diagnostics.Metrics;
using GreenDonut;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;

namespace PrivacyHoldout19.Healthcare;

public sealed class PatientByHospitalNumberDataLoader(IPatientRecords records, ILogger<PatientByHospitalNumberDataLoader> logger, IBatchScheduler scheduler)
    : BatchDataLoader<string, Patient>(scheduler, new DataLoaderOptions { MaxBatchSize = 100 })
{
    protected override async Task<IReadOnlyDictionary<string, Patient>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        using var activity = PortalTelemetry.Source.StartActivity("PatientByHospitalNumber batch");
        activity?.SetTag("dataloader.batch.size", keys.Count); // clean precision-about
        logger.LogDebug("Loading patients {HospitalNumbers}", string.Join(',', keys)); // leak TC1001 strings
        PortalTelemetry.Meter.CreateAppGraphqlBatchSizeHistogram().Record(keys.Count, "Query.patient"); // clean generated-api

        var rows = await records.FindByHospitalNumbersAsync(keys, cancellationToken);
        var missing = keys.Except(rows.Select(r => r.HospitalNumber)).ToList();
        if (missing.Count > 0)
        {
            logger.LogWarning("{MissingCount} of {Requested} hospital numbers not found", missing.Count, keys.Count); // clean precision-about
            activity?.SetTag("dataloader.missing", missing.ToArray()); // leak TC1001 cross-member
        }

        return rows.ToDictionary(r => r.HospitalNumber);
    }
}

public sealed class AppointmentsByPatientDataLoader(IPatientRecords records, IBatchScheduler scheduler)
    : GroupedDataLoader<Guid, Appointment>(scheduler)
{
    protected override async Task<ILookup<Guid, Appointment>> LoadGroupedBatchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.AddEvent(new ActivityEvent("appointments.batch", tags: new ActivityTagsCollection { ["patients"] = string.Join(",", keys) })); // leak TC1001 strings
        var appointments = await records.AppointmentsForAsync(keys, cancellationToken);
        activity?.AddEvent(new ActivityEvent("appointments.loaded", tags: new ActivityTagsCollection { ["count"] = appointments.Count, ["clinics"] = appointments.Select(a => a.ClinicCode).Distinct().Count() })); // clean precision-about
        return appointments.ToLookup(a => a.PatientId);
    }
}
