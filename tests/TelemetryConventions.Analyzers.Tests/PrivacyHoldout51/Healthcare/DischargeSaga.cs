using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout51.Support.NServiceBus;
using PrivacyHoldout51.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout51.Healthcare;

public sealed record DischargeRequested(Guid AdmissionId, string NhsNumber, string WardCode, string RequestedByStaffNumber, DateTimeOffset ExpectedBy);

public sealed record TakeHomeMedicationReady(Guid AdmissionId, int ItemCount, bool ControlledDrugs);

public sealed record PatientTransportBooked(Guid AdmissionId, string BookingReference, DateTimeOffset PickupAt);

public sealed record DischargeOverdue(Guid AdmissionId);

public sealed record DischargeCompleted(Guid AdmissionId, string WardCode);

/// <summary>The saga's persisted state, one row per admission being discharged.</summary>
public sealed class DischargeSagaData : ContainSagaData
{
    public Guid AdmissionId { get; set; }

    public string NhsNumber { get; set; } = string.Empty;

    public string WardCode { get; set; } = string.Empty;

    public bool MedicationReady { get; set; }

    public string? TransportBookingReference { get; set; }

    public DateTimeOffset StartedAt { get; set; }
}

/// <summary>Coordinates pharmacy and patient transport before a patient leaves the ward.</summary>
public sealed class DischargeSaga(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<DischargeSaga> logger)
    : Saga<DischargeSagaData>,
      IAmStartedByMessages<DischargeRequested>,
      IHandleMessages<TakeHomeMedicationReady>,
      IHandleMessages<PatientTransportBooked>,
      IHandleTimeouts<DischargeOverdue>
{
    protected override void ConfigureHowToFindSaga(SagaPropertyMapper<DischargeSagaData> mapper)
    {
        mapper.MapSaga(saga => saga.AdmissionId)
            .ToMessage<DischargeRequested>(message => message.AdmissionId)
            .ToMessage<TakeHomeMedicationReady>(message => message.AdmissionId)
            .ToMessage<PatientTransportBooked>(message => message.AdmissionId);
    }

    public async Task Handle(DischargeRequested message, IMessageHandlerContext context)
    {
        Data.AdmissionId = message.AdmissionId;
        Data.NhsNumber = message.NhsNumber;
        Data.WardCode = message.WardCode;
        Data.StartedAt = DateTimeOffset.UtcNow;

        var activity = Activity.Current;
        activity?.SetTag("discharge.saga.id", Data.Id); // clean precision-names
        activity?.SetTag("discharge.originator", Data.Originator); // clean precision-names
        activity?.SetTag("discharge.requested_by", message.RequestedByStaffNumber); // leak TC1001 direct
        activity?.SetTag("messaging.correlation_id", context.MessageHeaders[Headers.CorrelationId]); // clean precision-names
        activity?.SetBaggage("patient.ref", pseudonymizer.ComputeBusSubjectId(message.NhsNumber)); // clean precision-pseudonym

        logger.LogInformation("Discharge saga {SagaId} started for admission {AdmissionId} on {Ward}", Data.Id, Data.AdmissionId, Data.WardCode); // clean precision-names
        await RequestTimeout(context, message.ExpectedBy - DateTimeOffset.UtcNow, new DischargeOverdue(message.AdmissionId));
    }

    public async Task Handle(TakeHomeMedicationReady message, IMessageHandlerContext context)
    {
        Data.MedicationReady = true;
        logger.LogInformation("Medication ready for admission {AdmissionId}: {Items} items, controlled drugs {Controlled}", Data.AdmissionId, message.ItemCount, message.ControlledDrugs); // clean precision-about
        await CompleteIfReady(context);
    }

    public async Task Handle(PatientTransportBooked message, IMessageHandlerContext context)
    {
        Data.TransportBookingReference = message.BookingReference;
        Activity.Current?.SetTag("transport.booking_reference", message.BookingReference); // clean precision-names
        await CompleteIfReady(context);
    }

    public Task Timeout(DischargeOverdue state, IMessageHandlerContext context)
    {
        if (Completed)
        {
            return Task.CompletedTask;
        }

        logger.LogWarning("Discharge overdue for {NhsNumber} on {Ward}", Data.NhsNumber, Data.WardCode); // leak TC1001 cross-member
        logger.LogWarning("Discharge saga state {@SagaData}", Data); // leak TC1001 logging-objects
        logger.LogBusPoisonEvent("DischargeOverdue", busSubjectId: pseudonymizer.PseudonymizeBusSubjectId(Data.NhsNumber), busNote: $"waiting on medication={!Data.MedicationReady} transport={Data.TransportBookingReference is null}"); // clean generated-api

        // The old escalation board keyed its rows by a digest of the NHS number; the key is still logged for the board's operators.
        var boardKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Data.NhsNumber)))[..16];
        logger.LogWarning("Escalation row {BoardKey} raised for ward {Ward}", boardKey, Data.WardCode); // leak TC1002 hashes

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var escalationShard = hmac.ComputeHash(Encoding.UTF8.GetBytes(Data.NhsNumber))[0] % 8;
        Activity.Current?.SetTag("escalation.shard", escalationShard); // clean hashes
        return Task.CompletedTask;
    }

    private async Task CompleteIfReady(IMessageHandlerContext context)
    {
        if (!Data.MedicationReady || Data.TransportBookingReference is null)
        {
            return;
        }

        MarkAsComplete();
        await context.Publish(new DischargeCompleted(Data.AdmissionId, Data.WardCode));
    }
}
