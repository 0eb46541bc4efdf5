using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout29.Support.Kyc;
using PrivacyHoldout29.Support.Workflows;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Healthcare;

/// <summary>A subject access request made through the patient portal or by letter to the records office.</summary>
public sealed record SubjectAccessRequest(
    string RequestId,
    string NhsNumber,
    string HospitalNumber,
    string ContactEmail,
    string Kind,
    string? ApplicantId,
    DateOnly ReceivedOn);

public sealed record RecordHolding(string SystemName, int RecordCount, bool UnderLegalHold);

public interface IPatientRecordIndex
{
    Task<IReadOnlyList<RecordHolding>> FindSystemsHoldingAsync(string hospitalNumber, CancellationToken cancellationToken);
}

internal static class PrivacyOpsTelemetry
{
    public static readonly ActivitySource Source = new("Clinic.PrivacyOps");
}

/// <summary>First step: the requester proves who they are with a document check before anything is released.</summary>
public sealed class VerifyRequesterStep(IKycClient kyc, Pseudonymizer pseudonymizer, ILogger<VerifyRequesterStep> logger)
    : IWorkflowStep<SubjectAccessRequest>
{
    public string Name => "verify-requester";

    public async Task ExecuteAsync(WorkflowInstance<SubjectAccessRequest> instance, CancellationToken cancellationToken)
    {
        var request = instance.Input;
        using var span = PrivacyOpsTelemetry.Source.StartDsrWorkflow(request.Kind);
        span.SetDsrRequestId(request.RequestId); // clean precision-names
        span.SetDsrStep(Name);
        span.SetDsrSubjectId(pseudonymizer.PseudonymizeDsrSubjectId(request.NhsNumber)); // clean precision-pseudonym

        if (request.ApplicantId is null)
        {
            throw new WorkflowFaultException(Name, $"No identity check was started for SAR {request.RequestId}");
        }

        var check = await kyc.CreateCheckAsync(request.ApplicantId, ["document", "facial_similarity_photo"], cancellationToken);
        Activity.Current?.SetTag("kyc.applicant", request.ApplicantId); // leak TC1001 direct
        Activity.Current?.SetTag("kyc.check.id", check.Id); // clean precision-names

        foreach (var reportId in check.ReportIds)
        {
            var report = await kyc.GetReportAsync(reportId, cancellationToken);
            logger.LogInformation("SAR {RequestId}: {Report} report {Result}/{SubResult}", request.RequestId, report.Name, report.Result, report.SubResult); // clean precision-about
            if (report.Properties is { } document)
            {
                var age = document.DateOfBirth is { } dob ? request.ReceivedOn.Year - dob.Year : -1;
                span.SetDsrNote($"{document.DocumentType} from {document.IssuingCountry}, holder aged {age}"); // clean precision-about
                logger.LogDebug("Document read: number {DocumentNumber}, expires {Expiry}", document.DocumentNumber, document.DateOfExpiry); // leak TC1001 direct
                if (document.LastName is { } family && !request.ContactEmail.Contains(family, StringComparison.OrdinalIgnoreCase))
                {
                    logger.LogWarning("Family name on the document ({DocumentName}) does not appear in the requester's email", family); // leak TC1001 direct
                }
            }
        }
    }
}

/// <summary>Second step: find which systems hold records for the patient.</summary>
public sealed class LocateRecordsStep(IPatientRecordIndex index, Pseudonymizer pseudonymizer, ILogger<LocateRecordsStep> logger)
    : IWorkflowStep<SubjectAccessRequest>
{
    public string Name => "locate-records";

    public async Task ExecuteAsync(WorkflowInstance<SubjectAccessRequest> instance, CancellationToken cancellationToken)
    {
        var request = instance.Input;
        using var span = PrivacyOpsTelemetry.Source.StartDsrWorkflow(request.Kind);
        span.SetDsrStep(Name);
        span.SetDsrSubjectId(pseudonymizer.PseudonymizeDsrSubjectId(request.NhsNumber)); // clean precision-pseudonym

        var holdings = await index.FindSystemsHoldingAsync(request.HospitalNumber, cancellationToken);
        span.SetDsrRecordsCount(holdings.Sum(h => h.RecordCount));
        logger.LogInformation("SAR {RequestId}: records for {HospitalNumber} held in {Systems}", request.RequestId, request.HospitalNumber, string.Join(",", holdings.Select(h => h.SystemName))); // leak TC1001 direct

        if (holdings.Count == 0)
        {
            span.SetDsrNote($"no records held under hospital number {request.HospitalNumber}"); // leak TC1001 generated-api
            throw new WorkflowFaultException(Name, $"Nothing to export for patient {request.HospitalNumber}");
        }

        var held = holdings.Where(h => h.UnderLegalHold).Select(h => h.SystemName).ToArray();
        span.SetDsrNote($"legal hold on {string.Join(", ", held)}"); // clean generated-api
        instance.Variables["holdings"] = holdings;
    }
}

/// <summary>Runs the steps in order; a failed step is logged and recorded on the workflow's span.</summary>
public sealed class SubjectAccessRequestRunner(
    IEnumerable<IWorkflowStep<SubjectAccessRequest>> steps,
    Meter meter,
    ILogger<SubjectAccessRequestRunner> logger)
{
    public async Task<bool> RunAsync(WorkflowInstance<SubjectAccessRequest> instance, CancellationToken cancellationToken)
    {
        var requests = meter.CreateDsrRequestsCounter();
        foreach (var step in steps)
        {
            try
            {
                await step.ExecuteAsync(instance, cancellationToken);
            }
            catch (WorkflowFaultException fault)
            {
                logger.LogError(fault, "SAR workflow {InstanceId} stopped at {Step}", instance.InstanceId, fault.StepName); // leak TC1001 exceptions
                logger.LogDsrStepFailedEvent(fault.StepName, dsrNote: fault.GetType().Name); // clean exceptions
                requests.Add(1, instance.Input.Kind, dsrOutcome: "faulted");
                return false;
            }
        }

        requests.Add(1, instance.Input.Kind, dsrOutcome: "completed");
        return true;
    }
}
