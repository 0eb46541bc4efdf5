using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout65.Healthcare;

public sealed class BedAllocationException(string message) : Exception(message);

public interface IBedBoard
{
    Task<BedAllocation?> AllocateAsync(string admissionId, string ward, CancellationToken ct);

    Task<IReadOnlyList<string>> WardsOnDivertAsync(CancellationToken ct);

    Task<BedStatus> StatusAsync(string admissionId, CancellationToken ct);
}

public interface ISmsGateway
{
    Task SendAsync(string mobile, string text, CancellationToken ct);
}

/// <summary>Takes an admission from the PAS feed to a bed, logging through the feature's log class.</summary>
public sealed partial class AdmissionService(
    ILogger<AdmissionService> logger,
    IBedBoard beds,
    ISmsGateway sms,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private static readonly Action<ILogger, string, string, Exception?> s_transferRequested =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(4120, "TransferRequested"), "Transfer of {HospitalNumber} to {Trust} requested");

    private static readonly Action<ILogger, string, int, Exception?> s_waitRecorded =
        LoggerMessage.Define<string, int>(LogLevel.Information, new EventId(4121, "WaitRecorded"), "Admission {AdmissionId} waited {WaitMinutes} min for a bed");

    private static readonly Func<ILogger, string, IDisposable?> s_admissionScope =
        LoggerMessage.DefineScope<string>("Admission {AdmissionId}");

    private static readonly Func<ILogger, string, string, IDisposable?> s_patientScope =
        LoggerMessage.DefineScope<string, string>("Ward {Ward} patient {PatientRef}");

    private readonly AdmissionDecisionsCounter _decisions = meter.CreateAdmissionDecisionsCounter();

    public async Task AdmitAsync(AdmissionRequest request, CancellationToken ct)
    {
        var patientRef = pseudonymizer.ComputeAdmissionPatientId(request.Patient.HospitalNumber);
        using var admissionScope = s_admissionScope(logger, request.AdmissionId); // clean direct
        using var patientScope = s_patientScope(logger, request.Ward, patientRef); // clean precision-pseudonym
        using var span = source.StartAdmissionProcess(request.Ward)
            .SetAdmissionPatientId(pseudonymizer.PseudonymizeAdmissionPatientId(request.Patient.HospitalNumber)) // clean precision-pseudonym
            .SetAdmissionClinicianId(pseudonymizer.PseudonymizeAdmissionClinicianId(request.AdmittingStaffNumber)); // clean precision-pseudonym

        logger.AdmissionReceived(request.AdmissionId, request.Ward, request.Source); // clean direct
        logger.AdmittedBy(request.AdmittingStaffNumber, request.Ward); // leak TC1001 direct
        if (request.PresentingComplaint is { } complaint)
        {
            logger.ComplaintRecorded(complaint.Length, complaint); // clean strings
        }

        try
        {
            var allocation = await beds.AllocateAsync(request.AdmissionId, request.Ward, ct)
                ?? throw new BedAllocationException($"No bed on {request.Ward} for {request.Patient.HospitalNumber} ({request.Patient.FamilyName})");
            logger.PatientAdmitted(request.Patient.HospitalNumber, request.Ward); // clean direct
            logger.AdmissionAccepted(request.AdmissionId, request.Patient); // leak TC1001 logging-objects
            logger.BedAllocated(allocation); // clean logging-objects
            s_waitRecorded(logger, request.AdmissionId, allocation.WaitMinutes, null); // clean precision-about
            logger.BedAssigned(await beds.StatusAsync(request.AdmissionId, ct)); // clean logging-objects
            span.SetAdmissionOutcome("admitted"); // clean generated-api
            _decisions.Add(1, request.Ward, admissionOutcome: "admitted"); // clean generated-api
        }
        catch (BedAllocationException ex)
        {
            logger.NoBedAvailable(request.Ward, request.Patient.HospitalNumber); // leak TC1001 direct
            logger.AdmissionFailed(ex, request.AdmissionId); // leak TC1001 exceptions
            span.SetAdmissionOutcome("deferred:no_bed").SetAdmissionNote(ex.Message); // leak TC1001 generated-api
            logger.LogAdmissionDeferredEvent(request.Ward, "deferred:no_bed", admissionPatientId: pseudonymizer.PseudonymizeAdmissionPatientId(request.Patient.HospitalNumber)); // clean precision-pseudonym
            _decisions.Add(1, request.Ward, admissionOutcome: $"deferred:{patientRef}"); // leak TC1003 precision-pseudonym
            await TextNextOfKinAsync(request, ct);
        }
        catch (TimeoutException ex)
        {
            logger.AdmissionFailed(ex, request.AdmissionId); // clean exceptions
        }
    }

    public async Task ReportDivertsAsync(CancellationToken ct)
    {
        var wards = await beds.WardsOnDivertAsync(ct);
        logger.WardsOnDivert(wards); // clean precision-names
    }

    public void RequestTransfer(AdmissionRequest request, string trust)
    {
        s_transferRequested(logger, request.Patient.HospitalNumber, trust, null); // leak TC1001 direct
        s_transferRequested(logger, pseudonymizer.ComputeAdmissionPatientId(request.Patient.HospitalNumber), trust, null); // clean precision-pseudonym
    }

    public void RecordMove(BedMove move)
    {
        logger.BedMoved(move); // leak TC1001 logging-objects
        logger.BedMoved(move with { HospitalNumber = pseudonymizer.ComputeAdmissionPatientId(move.HospitalNumber) }); // clean precision-pseudonym
        Activity.Current?.SetTag("admission.move.bucket", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(move.HospitalNumber)))[..6]); // leak TC1002 hashes
        Activity.Current?.SetTag("admission.move.wards", $"{move.FromWard}->{move.ToWard}"); // clean strings
    }

    private async Task TextNextOfKinAsync(AdmissionRequest request, CancellationToken ct)
    {
        if (request.Patient.Mobile is not { Length: > 0 } mobile)
        {
            return;
        }
        await sms.SendAsync(mobile, $"Your relative is waiting for a bed on {request.Ward}.", ct);
        logger.NextOfKinTexted(request.AdmissionId, mobile); // leak TC1001 direct
        logger.NextOfKinTexted(request.AdmissionId, mobile[..3] + "*******"); // clean precision-about
    }
}
