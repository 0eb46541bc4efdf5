using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout4.Support;
using PrivacyHoldout4.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout4.Healthcare;

public sealed record LabResultReady(string OrderId, string Mrn, string PatientEmail, string[] AnalyteCodes, bool Critical, string ReportingLab);

public sealed record SpecimenRejected(string OrderId, string Mrn, string Reason, string CollectedBy);

/// <summary>The lab's consumers share one base: it opens the consumer span and offers a tagging helper.</summary>
public abstract class LabConsumer<TMessage>(ILogger logger) : IConsumer<TMessage>
    where TMessage : class
{
    protected static readonly ActivitySource Source = new("Lab.Results");

    protected ILogger Logger { get; } = logger;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        using var activity = Source.StartActivity(typeof(TMessage).Name, ActivityKind.Consumer);
        activity?.SetTag("messaging.message.id", context.MessageId?.ToString()); // clean precision-names
        activity?.SetTag("messaging.retry_count", context.RetryAttempt);
        await HandleAsync(context.Message, context);
    }

    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);

    protected static void Tag(string key, object? value) => Activity.Current?.SetTag(key, value);
}

public sealed class LabResultReadyConsumer(ILogger<LabResultReadyConsumer> logger, Pseudonymizer pseudonymizer, Meter meter)
    : LabConsumer<LabResultReady>(logger)
{
    private readonly Counter<long> _critical = meter.CreateCounter<long>("lab.results.critical");

    protected override Task HandleAsync(LabResultReady message, ConsumeContext<LabResultReady> context)
    {
        Tag("lab.order.id", message.OrderId); // clean precision-names
        Tag("lab.patient.mrn", message.Mrn); // leak TC1001 cross-member
        Tag("lab.analyte.count", message.AnalyteCodes.Length); // clean precision-about

        Activity.Current.EnrichLabResult(pseudonymizer.PseudonymizeLabPatientId(message.Mrn)) // clean generated-api
            .SetLabOrderId(message.OrderId)
            .SetLabSite(message.ReportingLab);

        var sender = context.Headers.Get<string>("x-ordering-clinician-email");
        Logger.LogInformation("Result for order {OrderId} ready, ordered by {Clinician}", message.OrderId, sender); // leak TC1001 direct

        Logger.LogDebug("Result ready for " + message.Mrn + " at " + message.ReportingLab); // leak TC1001 strings
        Logger.LogDebug("Result ready with " + message.AnalyteCodes.Length + " analytes at " + message.ReportingLab); // clean strings

        if (message.Critical)
        {
            _critical.Add(1, new KeyValuePair<string, object?>("lab.site", message.ReportingLab)); // clean precision-names
            Logger.LogWarning("Critical result for patient {Patient}", pseudonymizer.ComputeLabPatientId(message.Mrn)); // clean precision-pseudonym
        }

        return Task.CompletedTask;
    }
}

public sealed class SpecimenRejectedConsumer(ILogger<SpecimenRejectedConsumer> logger, Pseudonymizer pseudonymizer)
    : LabConsumer<SpecimenRejected>(logger)
{
    protected override Task HandleAsync(SpecimenRejected message, ConsumeContext<SpecimenRejected> context)
    {
        Tag("lab.rejection.reason", message.Reason);
        var patient = pseudonymizer.PseudonymizeLabPatientId(message.Mrn);
        Tag("lab.patient.id", patient.Value); // clean precision-pseudonym

        using (Logger.BeginScope(new Dictionary<string, object> { ["OrderId"] = message.OrderId, ["Mrn"] = message.Mrn })) // leak TC1001 logging-objects
        {
            Logger.LogWarning("Specimen rejected: {Reason}", message.Reason);
        }

        Logger.LogInformation("Rejected specimen has a collector recorded: {HasCollector}", message.CollectedBy.Length > 0); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("lab.specimen.rejected", tags: new ActivityTagsCollection { ["lab.order.id"] = message.OrderId, ["lab.patient.mrn"] = message.Mrn })); // leak TC1001 logging-objects
        return Task.CompletedTask;
    }
}

/// <summary>Nightly job: counts the results still waiting for sign-off per patient and reports the oldest.</summary>
public sealed class UnsignedResultsJob(ILabResultStore store, ILogger<UnsignedResultsJob> logger, Meter meter) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        var pending = await store.PendingSignOffAsync(context.CancellationToken);
        var byPatient = pending.GroupBy(r => r.Mrn).ToDictionary(g => g.Key, g => g.Count());

        logger.LogInformation("{Patients} patients have unsigned results", byPatient.Count); // clean precision-about
        logger.LogInformation("Unsigned results per patient: {Counts}", byPatient); // leak TC1001 logging-objects

        var oldest = pending.OrderBy(r => r.ResultedAt).FirstOrDefault();
        if (oldest is not null)
        {
            logger.LogWarning("Oldest unsigned result is {Order}, resulted {At}", oldest.OrderId, oldest.ResultedAt); // clean precision-names
            logger.LogWarning("Oldest unsigned result belongs to {Mrn}", oldest.Mrn); // leak TC1001 direct
        }

        var histogram = meter.CreateHistogram<int>("lab.unsigned.per_patient");
        foreach (var (mrn, count) in byPatient)
        {
            histogram.Record(count, new KeyValuePair<string, object?>("lab.patient.mrn", mrn)); // leak TC1003 direct
        }
    }
}

public sealed record PendingResult(string OrderId, string Mrn, DateTimeOffset ResultedAt);

public interface ILabResultStore
{
    Task<IReadOnlyList<PendingResult>> PendingSignOffAsync(System.Threading.CancellationToken cancellationToken);
}
