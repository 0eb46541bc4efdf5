using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Healthcare;

/// <summary>
/// 2.1 Hospital information system: outpatient visits through registration, diagnosis and
/// prescription, each ending with the medical record synced to the regional health bureau.
/// </summary>
/// <remarks>
/// The seed hashed patient numbers without a key and put the diagnosis on every visit. Here patient,
/// doctor and record numbers reach telemetry only as keyed pseudonyms, and the diagnosis does not
/// reach it at all: <c>diagnosis.result</c> is health data with the <c>redact</c> treatment, so the
/// generated diagnose span has no setter for it.
/// </remarks>
public sealed class HospitalInformationSystem : IScenario
{
    private static readonly string[] Departments = ["internal_medicine", "cardiology", "pediatrics", "orthopedics", "dermatology"];
    private static readonly string[] SyncDestinations = ["regional_health_bureau", "national_ehr"];

    /// <summary>The gateway of the records exchange; an infrastructure name, not personal data.</summary>
    private const string ExchangeGateway = "ehr-gateway.health-exchange.example";

    // Which visits fail, by position, so that every run shows the same error paths.
    private const int RejectedPrescriptionVisit = 1;
    private const int SyncTimeoutVisit = 2;

    /// <inheritdoc/>
    public string Id => "2.1";

    /// <inheritdoc/>
    public string Name => "hospital-information-system";

    /// <inheritdoc/>
    public string Industry => "healthcare";

    /// <inheritdoc/>
    public string Summary => "Outpatient visits (register → diagnose → prescribe) and the sync of each medical record; patient, doctor and record numbers only as keyed pseudonyms.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        for (var visit = 0; visit < 3; visit++)
        {
            SimulateVisit(ctx, visit);
            ctx.Clock.Advance(TimeSpan.FromMinutes(ctx.Between(2, 10)));
        }
    }

    private static void SimulateVisit(ScenarioContext ctx, int visitIndex)
    {
        // The HIS knows people by their record numbers. Those stay in the HIS; telemetry gets
        // pseudonyms, one domain per kind of number, computed only if the span is recorded.
        var patient = ctx.Pseudonymize(PatientAttributes.Id, $"MRN-{ctx.Random.Next(10_000_000, 99_999_999)}");
        var doctor = ctx.Pseudonymize(DoctorAttributes.Id, $"DR-{ctx.Random.Next(1000, 9999)}");
        var record = ctx.Pseudonymize(MedicalRecordAttributes.Id, $"EMR-{ctx.Random.Next(100_000, 999_999)}-{visitIndex + 1:D2}");
        var department = ctx.Pick(Departments);

        using var visit = ctx.Source.StartPatientVisit(patient, startTime: ctx.Clock.Now)
            .SetDoctorId(doctor)
            .SetHospitalDepartment(department);
        using var visitEnds = ctx.Clock.EndsSpan(visit.Activity);

        Register(ctx, department);
        Diagnose(ctx, doctor, patient, record, department);
        if (!Prescribe(ctx, doctor, rejected: visitIndex == RejectedPrescriptionVisit))
        {
            // The visit cannot complete without a valid prescription; the failure itself is on the
            // prescribe span, the visit only says that it ended in error.
            visit.SetErrorType(ErrorType.Other).SetStatus(ActivityStatusCode.Error, "prescription step failed");
            return;
        }

        visit.AddPatientVisitCompletedEvent(ctx.Clock.Now);
        SyncRecord(ctx, doctor, patient, record, department, timesOut: visitIndex == SyncTimeoutVisit);
    }

    private static void Register(ScenarioContext ctx, string department)
    {
        using var register = ctx.Source.StartPatientVisitRegister(startTime: ctx.Clock.Now).SetHospitalDepartment(department);
        using var ends = ctx.Clock.EndsSpan(register.Activity);
        ctx.Clock.AdvanceSeconds(ctx.Between(45, 240));
    }

    private static void Diagnose(ScenarioContext ctx, Pseudonym doctor, Pseudonym patient, Pseudonym record, string department)
    {
        using var diagnose = ctx.Source.StartPatientVisitDiagnose(startTime: ctx.Clock.Now).SetDoctorId(doctor);
        using var ends = ctx.Clock.EndsSpan(diagnose.Activity);
        // The audit trail: the doctor opened the patient's chart. A log record, so it is kept whether
        // or not the trace is sampled; it carries the trace id of this span all the same.
        ctx.Logger.LogAuditMedicalRecordAccessEvent(doctor, AuditActorRole.Physician, AuditAction.Read, record, AuditOutcome.Success,
            patientId: patient, auditPurpose: AuditPurpose.Treatment, hospitalDepartment: department);
        ctx.Clock.Advance(TimeSpan.FromMinutes(ctx.Between(6, 25)));
        // The diagnosis code (for example an ICD-10 code) is recorded in the patient's chart. The
        // span deliberately cannot carry it: there is no SetDiagnosisResult to call.
    }

    private static bool Prescribe(ScenarioContext ctx, Pseudonym doctor, bool rejected)
    {
        using var prescribe = ctx.Source.StartPatientVisitPrescribe(startTime: ctx.Clock.Now).SetDoctorId(doctor);
        using var ends = ctx.Clock.EndsSpan(prescribe.Activity);
        ctx.Clock.Advance(TimeSpan.FromMinutes(ctx.Between(2, 8)));
        try
        {
            CheckInteractions(rejected);
            return true;
        }
        catch (PrescriptionRejectedException ex)
        {
            // The exception message names the drugs; RecordException leaves messages out by default.
            prescribe.RecordException(ex, "drug interaction check rejected the prescription");
            return false;
        }
    }

    private static void CheckInteractions(bool rejected)
    {
        if (rejected)
        {
            throw new PrescriptionRejectedException("Interaction between warfarin and the prescribed NSAID.");
        }
    }

    private static void SyncRecord(ScenarioContext ctx, Pseudonym doctor, Pseudonym patient, Pseudonym record, string department, bool timesOut)
    {
        var destination = ctx.Pick(SyncDestinations);
        using var sync = ctx.Source.StartMedicalRecordSync(record, destination, startTime: ctx.Clock.Now)
            .SetServerAddress(ExchangeGateway);
        using var ends = ctx.Clock.EndsSpan(sync.Activity);

        var started = ctx.Clock.Now;
        try
        {
            Send(ctx, timesOut);
            ctx.Meter.CreateMedicalRecordSyncDurationHistogram().Record((ctx.Clock.Now - started).TotalSeconds, destination);
            AuditExport(ctx, doctor, patient, record, department, AuditOutcome.Success);
        }
        catch (RecordSyncTimeoutException ex)
        {
            sync.RecordException(ex, "records exchange did not answer in time");
            // The histogram keeps failed transfers apart by error.type (the exception type, as on the span),
            // so that their 30 s timeouts do not hide in the latency of the successful ones.
            ctx.Meter.CreateMedicalRecordSyncDurationHistogram().RecordFailure((ctx.Clock.Now - started).TotalSeconds, ex, destination);
            AuditExport(ctx, doctor, patient, record, department, AuditOutcome.Failure);
        }
    }

    /// <summary>
    /// The record left the hospital on the doctor's completion of the visit: an export in the audit
    /// trail, with its outcome, whether or not the exchange acknowledged it.
    /// </summary>
    private static void AuditExport(ScenarioContext ctx, Pseudonym doctor, Pseudonym patient, Pseudonym record, string department, AuditOutcome outcome) =>
        ctx.Logger.LogAuditMedicalRecordAccessEvent(doctor, AuditActorRole.Physician, AuditAction.Export, record, outcome,
            patientId: patient, auditPurpose: AuditPurpose.Operations, hospitalDepartment: department);

    private static void Send(ScenarioContext ctx, bool timesOut)
    {
        if (timesOut)
        {
            ctx.Clock.AdvanceSeconds(30);
            throw new RecordSyncTimeoutException("The records exchange did not acknowledge the transfer within 30 s.");
        }
        ctx.Clock.AdvanceSeconds(ctx.Between(0.3, 2.5));
    }
}

/// <summary>The drug-interaction check refused a prescription.</summary>
public sealed class PrescriptionRejectedException(string message) : Exception(message);

/// <summary>The records exchange did not acknowledge a medical record in time.</summary>
public sealed class RecordSyncTimeoutException(string message) : TimeoutException(message);
