using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout51.Support.MassTransit;
using PrivacyHoldout51.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout51.Healthcare;

/// <summary>Published by the patient administration system when a patient is admitted.</summary>
public sealed record PatientAdmitted(
    Guid AdmissionId,
    string NhsNumber,
    string HospitalNumber,
    string WardCode,
    string AttendingConsultantCode,
    string AdmissionMethod,
    DateTimeOffset AdmittedAt);

public sealed record BedAssigned(Guid AdmissionId, string WardCode, string BedLabel);

public sealed record OpenAdmission(Guid AdmissionId, string WardCode, string BedLabel);

public interface IWardBoard
{
    Task<OpenAdmission?> FindOpenAdmissionAsync(string hospitalNumber, CancellationToken cancellationToken);

    Task<string?> AllocateBedAsync(Guid admissionId, string wardCode, CancellationToken cancellationToken);
}

public sealed class AdmissionConflictException(string message) : Exception(message);

internal static partial class WardBoardLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Bed {Bed} on {Ward} allocated to {HospitalNumber}")]
    public static partial void BedAllocated(ILogger logger, string bed, string ward, [PrivateData] string hospitalNumber);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "No bed free on {Ward} for {NhsNumber}")]
    public static partial void NoBedFree(ILogger logger, string ward, string nhsNumber);
}

/// <summary>Keeps the ward board in step with the admissions the PAS publishes.</summary>
public sealed class WardBoardAdmissionConsumer(
    IWardBoard board,
    Pseudonymizer pseudonymizer,
    ILogger<WardBoardAdmissionConsumer> logger) : IConsumer<PatientAdmitted>
{
    private static readonly ActivitySource Source = new("Clinic.WardBoard");
    private static readonly Meter Meter = new("Clinic.WardBoard");
    private static readonly Counter<long> Admissions = Meter.CreateCounter<long>("wardboard.admissions", "{admission}");

    public async Task Consume(ConsumeContext<PatientAdmitted> context)
    {
        var admission = context.Message;
        using var activity = Source.StartActivity("wardboard.admission", ActivityKind.Consumer);
        activity?.SetTag("admission.id", admission.AdmissionId); // clean precision-names
        activity?.SetTag("ward.code", admission.WardCode); // clean precision-about
        activity?.SetTag("messaging.message.conversation_id", context.ConversationId); // clean precision-names
        activity?.SetTag("patient.nhs_number", admission.NhsNumber); // leak TC1001 direct
        activity?.SetTag("patient.ref", pseudonymizer.ComputeBusSubjectId(admission.HospitalNumber)); // clean precision-pseudonym
        activity?.SetTag("messaging.redelivery_count", context.GetRedeliveryCount()); // clean precision-about

        // The PAS stamps the login of the clerk who admitted the patient.
        var admittingClerk = context.Headers.Get<string>("PAS-Admitted-By");
        activity?.SetTag("admission.clerk", admittingClerk); // leak TC1001 direct
        activity?.SetTag("admission.source_system", context.Headers.Get<string>("PAS-Source-System")); // clean precision-names

        logger.LogInformation("Admission {AdmissionId} to {Ward} received from {SourceAddress}", admission.AdmissionId, admission.WardCode, context.SourceAddress); // clean precision-names
        logger.LogDebug("Admission payload {@Admission}", admission); // leak TC1001 logging-objects

        var open = await board.FindOpenAdmissionAsync(admission.HospitalNumber, context.CancellationToken);
        if (open is not null && open.AdmissionId != admission.AdmissionId)
        {
            throw new AdmissionConflictException($"Patient {admission.HospitalNumber} already has open admission {open.AdmissionId} on {open.WardCode}"); // leak TC1001 exceptions
        }

        var bed = await board.AllocateBedAsync(admission.AdmissionId, admission.WardCode, context.CancellationToken);
        if (bed is null)
        {
            WardBoardLog.NoBedFree(logger, admission.WardCode, admission.NhsNumber); // leak TC1001 direct
            return;
        }

        WardBoardLog.BedAllocated(logger, bed, admission.WardCode, admission.HospitalNumber); // clean precision-pseudonym
        Admissions.Add(1, new TagList { { "ward", admission.WardCode }, { "method", admission.AdmissionMethod } }); // clean precision-about
        Admissions.Add(1, new TagList { { "ward", admission.WardCode }, { "patient", pseudonymizer.ComputeBusSubjectId(admission.HospitalNumber) } }); // leak TC1003 precision-pseudonym
        await context.Publish(new BedAssigned(admission.AdmissionId, admission.WardCode, bed));
    }
}

/// <summary>Subscribes to the faults the bus publishes when the ward board consumer gives up on an admission.</summary>
public sealed class AdmissionFaultConsumer(ILogger<AdmissionFaultConsumer> logger) : IConsumer<Fault<PatientAdmitted>>
{
    public Task Consume(ConsumeContext<Fault<PatientAdmitted>> context)
    {
        var fault = context.Message;
        var first = fault.Exceptions.FirstOrDefault();
        using var span = TelemetrySpans.EnrichBusHandle(Activity.Current, "Fault<PatientAdmitted>", "ward-board");
        span.SetBusSubjectId(Pseudonym.FromComputed(fault.Message.HospitalNumber)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("fault.exception_type", first?.ExceptionType); // clean exceptions
        logger.LogError("Admission {AdmissionId} faulted on {Host}: {ExceptionMessage}", fault.Message.AdmissionId, fault.Host.MachineName, first?.Message); // leak TC1001 exceptions
        logger.LogWarning("Faulted admission {@Fault}", fault); // leak TC1001 logging-objects
        return Task.CompletedTask;
    }
}
