using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using PrivacyHoldout25.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout25.Healthcare;

public sealed record PatientRecord(Guid Id, string NhsNumber, string HospitalNumber, string FamilyName, string GivenName, DateOnly DateOfBirth, string WardCode, string? GpPracticeCode, IReadOnlyList<string> Allergies);

public interface IPatientIndex
{
    Task<PatientRecord?> FindByNhsNumberAsync(string nhsNumber, CancellationToken cancellationToken);

    Task<PatientRecord?> FindByHospitalNumberAsync(string hospitalNumber, CancellationToken cancellationToken);
}

public interface IWardAlertFeed
{
    IAsyncEnumerable<ObservationAlert> SubscribeAsync(string wardCode, CancellationToken cancellationToken);
}

public static class LoincCodes
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "8867-4", "8480-6", "8462-4", "59408-5", "8310-5", "9279-1" };

    public static bool IsKnown(string code) => Known.Contains(code);
}

public static class WardActivityExtensions
{
    /// <summary>Marks the request span with the patient a bedside reading was about, for the ward's on-call view.</summary>
    public static void TagPatient(this Activity? activity, string nhsNumber)
    {
        activity?.SetTag("clinic.patient.nhs_number", nhsNumber); // leak TC1001 direct
    }

    public static void TagEncounter(this Activity? activity, string encounterId) => activity?.SetTag("clinic.encounter.id", encounterId); // clean direct
}

/// <summary>The ward systems' patient service: summaries by NHS or hospital number, bedside vitals, ward alerts.</summary>
public sealed class PatientRecordsService(
    IPatientIndex index,
    IWardAlertFeed alerts,
    ILogger<PatientRecordsService> logger,
    Pseudonymizer pseudonymizer,
    Meter meter) : PatientRecords.PatientRecordsBase
{
    private static readonly ActivitySource Source = new("Clinic.PatientRecords");

    public override async Task<PatientSummary> GetSummary(PatientLookupRequest request, ServerCallContext context)
    {
        var span = Activity.Current.EnrichGrpcCallHandle(context.Method); // clean precision-names
        span.SetGrpcCallDeadlineMs((long)(context.Deadline - DateTime.UtcNow).TotalMilliseconds); // clean precision-about
        Activity.Current?.SetTag("clinic.lookup.key", request.KeyCase.ToString()); // clean precision-names

        var patient = request.KeyCase switch
        {
            PatientLookupRequest.KeyOneofCase.NhsNumber => await index.FindByNhsNumberAsync(request.NhsNumber, context.CancellationToken),
            PatientLookupRequest.KeyOneofCase.HospitalNumber => await index.FindByHospitalNumberAsync(request.HospitalNumber, context.CancellationToken),
            _ => throw new RpcException(new Status(StatusCode.InvalidArgument, "Set nhs_number or hospital_number.")), // clean exceptions
        };

        if (patient is null)
        {
            var key = request.KeyCase == PatientLookupRequest.KeyOneofCase.NhsNumber ? request.NhsNumber : request.HospitalNumber;
            span.SetGrpcCallStatus(nameof(StatusCode.NotFound));
            throw new RpcException(new Status(StatusCode.NotFound, $"No patient for {request.KeyCase} {key}")); // leak TC1001 exceptions
        }

        span.SetGrpcCallSubjectId(pseudonymizer.PseudonymizeGrpcCallSubjectId(patient.NhsNumber)); // clean precision-pseudonym
        var summary = ToSummary(patient);
        logger.LogDebug("Summary has {AllergyCount} allergies, read mask {Paths}", summary.Allergies.Count, request.ReadMask?.Paths); // clean precision-names
        logger.LogTrace("Summary returned to the ward: {Summary}", summary); // leak TC1001 logging-objects
        return summary;
    }

    public override async Task<VitalsAck> RecordVitals(IAsyncStreamReader<VitalSign> requestStream, ServerCallContext context)
    {
        using var session = Source.StartGrpcStreamSession("vitals");
        var accepted = 0;
        var rejected = 0;
        await foreach (var vital in requestStream.ReadAllAsync(context.CancellationToken))
        {
            if (!LoincCodes.IsKnown(vital.Code))
            {
                rejected++;
                session.AddGrpcStreamMessageDroppedEvent("vitals", $"unknown code {vital.Code} from monitor {vital.MonitorId}"); // clean generated-api
                continue;
            }

            if (vital.Value is < 0 or > 400)
            {
                rejected++;
                Activity.Current.TagPatient(vital.NhsNumber); // leak TC1001 cross-member
                session.AddGrpcStreamMessageDroppedEvent("vitals", $"{vital.Code}={vital.Value} out of range for {vital.NhsNumber}"); // leak TC1001 generated-api
                continue;
            }

            Activity.Current.TagEncounter(vital.EncounterId); // clean cross-member
            accepted++;
        }

        session.SetGrpcStreamMessages(accepted + rejected);
        meter.CreateGrpcStreamMessagesCounter().Add(accepted, "vitals", grpcStreamChannel: context.RequestHeaders.GetValue("x-ward-code")); // clean direct
        return new VitalsAck { Accepted = accepted, Rejected = rejected };
    }

    public override async Task WatchWard(WardWatchRequest request, IServerStreamWriter<ObservationAlert> responseStream, ServerCallContext context)
    {
        using var session = Source.StartGrpcStreamSession("ward-alerts");
        session.SetGrpcStreamChannel($"ward-{request.WardCode}"); // clean strings
        var sent = 0;
        try
        {
            await foreach (var alert in alerts.SubscribeAsync(request.WardCode, context.CancellationToken))
            {
                await responseStream.WriteAsync(alert);
                sent++;
                if (alert.Severity == "critical")
                {
                    logger.LogWarning("Critical {Code} at bed {Bed}, patient {NhsNumber}", alert.Code, alert.BedLabel, alert.NhsNumber); // leak TC1001 direct
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            session.SetGrpcStreamCloseReason("ward display disconnected"); // clean direct
        }
        finally
        {
            session.SetGrpcStreamMessages(sent);
        }
    }

    private static PatientSummary ToSummary(PatientRecord patient)
    {
        var summary = new PatientSummary
        {
            PatientId = patient.Id.ToString(),
            NhsNumber = patient.NhsNumber,
            FamilyName = patient.FamilyName,
            GivenName = patient.GivenName,
            DateOfBirth = Timestamp.FromDateTime(patient.DateOfBirth.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
            WardCode = patient.WardCode,
            GpPracticeCode = patient.GpPracticeCode,
        };
        summary.Allergies.Add(patient.Allergies);
        return summary;
    }
}
