using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout2.Support;
using PrivacyHoldout2.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout2.Healthcare;

public sealed record DischargePatient(string Mrn, string NhsNumber, string FamilyName, string Email, DateOnly DateOfBirth);

public sealed record DischargeSummaryCommand(Guid AdmissionId, DischargePatient Patient, string WardCode, IReadOnlyList<string> Medications) : IRequest<DischargeOutcome>;

public sealed record DischargeOutcome(Guid SummaryId, bool SentToGp, int MedicationCount);

public interface IGpConnectClient
{
    Task<bool> SendSummaryAsync(string nhsNumber, Guid summaryId, CancellationToken cancellationToken);
}

public sealed class DischargeSummaryHandler(ILogger<DischargeSummaryHandler> logger, Pseudonymizer pseudonymizer, Meter meter, IGpConnectClient gpConnect)
    : IRequestHandler<DischargeSummaryCommand, DischargeOutcome>
{
    private static readonly ActivitySource Source = new("Hospital.Discharge");

    public async Task<DischargeOutcome> Handle(DischargeSummaryCommand request, CancellationToken cancellationToken)
    {
        var patient = request.Patient;
        using var activity = Source.StartActivity("discharge-summary", ActivityKind.Internal, parentContext: default, tags: new[] { new KeyValuePair<string, object?>("hospital.admission.id", request.AdmissionId.ToString()), new KeyValuePair<string, object?>("hospital.patient.mrn", patient.Mrn) }); // leak TC1001 direct
        activity?.SetTag("hospital.ward.code", request.WardCode); // clean precision-names
        activity?.SetTag("hospital.medication.count", request.Medications.Count); // clean precision-about

        using var span = Source.StartWardDischarge(pseudonymizer.PseudonymizeWardPatientId(patient.Mrn)); // clean generated-api
        span.SetWardDischargeId(request.AdmissionId.ToString("N")); // clean generated-api
        span.SetWardNote($"discharge for {patient.FamilyName}"); // leak TC1001 generated-api

        var summaryId = Guid.NewGuid();
        bool sent;
        try
        {
            sent = await gpConnect.SendSummaryAsync(patient.NhsNumber, summaryId, cancellationToken);
        }
        catch (HttpRequestFailure failure) when (failure.StatusCode == 404)
        {
            logger.LogWarning(failure, "GP practice not found for NHS number {NhsNumber}", patient.NhsNumber); // leak TC1001 direct
            sent = false;
        }

        var updated = patient with { Email = string.Empty };
        logger.LogInformation("Discharge summary {SummaryId} written for {@Patient}", summaryId, updated); // leak TC1001 logging-objects
        logger.LogInformation("Discharge summary {SummaryId} written with {MedicationCount} medications, sent {Sent}", summaryId, request.Medications.Count, sent); // clean precision-about

        meter.CreateWardDischargesCounter().Add(1, wardRegion: request.WardCode); // clean generated-api
        return new DischargeOutcome(summaryId, sent, request.Medications.Count);
    }
}

public sealed class HttpRequestFailure(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
