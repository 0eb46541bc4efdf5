using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout5.Support;
using PrivacyHoldout5.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout5.Healthcare;

public sealed class AdmissionInput
{
    public string HospitalNumber { get; set; } = "";

    public string? NhsNumber { get; set; }

    public string FamilyName { get; set; } = "";

    public string? NextOfKinPhone { get; set; }

    public string WardCode { get; set; } = "";

    public string ArrivalRoute { get; set; } = "emergency";
}

public sealed record Admission(string AdmissionId, string HospitalNumber, string WardCode, DateTimeOffset AdmittedAt);

public interface IAdmissionStore
{
    Task<Admission?> FindOpenAsync(string hospitalNumber, CancellationToken cancellationToken);

    Task<Admission> CreateAsync(AdmissionInput input, CancellationToken cancellationToken);
}

/// <summary>The team's logging helpers for the admissions pages.</summary>
public static class AdmissionLogging
{
    public static void LogPatientAdmitted(this ILogger logger, string hospitalNumber, string ward) =>
        logger.LogInformation("Patient {HospitalNumber} admitted to {Ward}", hospitalNumber, ward);

    public static void LogAdmissionRejected(this ILogger logger, string admissionId, int errorCount) =>
        logger.LogWarning("Admission {AdmissionId} rejected with {ErrorCount} validation errors", admissionId, errorCount);

    public static void LogDuplicateAdmission(this ILogger logger, Pseudonym patient, string existingAdmissionId) =>
        logger.LogWarning("Patient {Patient} already has open admission {AdmissionId}", patient, existingAdmissionId);
}

/// <summary>Pages/Admissions/Admit.cshtml.cs</summary>
public sealed class AdmitPatientModel(
    IAdmissionStore store,
    Pseudonymizer pseudonymizer,
    ILogger<AdmitPatientModel> logger) : PageModel
{
    private static readonly ActivitySource Source = new("Hospital.Admissions");
    private static readonly Meter Meter = new("Hospital.Admissions");
    private static readonly AdmissionRegisteredCounter Registered = Meter.CreateAdmissionRegisteredCounter();

    [BindProperty]
    public AdmissionInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        if (!ModelState.IsValid)
        {
            activity?.SetTag("admission.validation.errors", ModelState.ErrorCount); // clean precision-about
            activity?.SetTag("admission.form.hospital_number", Input.HospitalNumber); // leak TC1001 cross-member
            return Page();
        }

        var patient = pseudonymizer.PseudonymizeAdmissionPatientId(Input.HospitalNumber);
        var existing = await store.FindOpenAsync(Input.HospitalNumber, cancellationToken);
        if (existing is not null)
        {
            logger.LogDuplicateAdmission(patient, existing.AdmissionId); // clean precision-pseudonym
            activity?.SetTag("admission.duplicate_of", existing.AdmissionId); // clean precision-names
            return RedirectToPage("./Details", new { id = existing.AdmissionId });
        }

        using var span = Source.StartAdmissionRegister(patient, Input.WardCode); // clean generated-api
        var admission = await store.CreateAsync(Input, cancellationToken);
        span.SetAdmissionId(admission.AdmissionId) // clean generated-api
            .SetAdmissionSource(Input.ArrivalRoute);
        span.Activity?.SetTag(AdmissionAttributes.PatientPhone, Input.NextOfKinPhone); // leak TC1001 generated-api
        span.Activity?.SetTag("admission.next_of_kin.present", Input.NextOfKinPhone is not null); // clean precision-about
        span.Activity?.SetTag("admission.patient.nhs_number", Input.NhsNumber ?? "unknown"); // leak TC1001 direct
        Registered.Add(1, Input.WardCode, Input.ArrivalRoute); // clean generated-api

        logger.LogPatientAdmitted(admission.HospitalNumber, admission.WardCode); // leak TC1001 cross-member
        logger.LogInformation("Admitted {FamilyName} on {Ward}", Input.FamilyName, admission.WardCode); // leak TC1001 direct
        TempData["StatusMessage"] = $"Admitted {Input.FamilyName}";
        return RedirectToPage("./Details", new { id = admission.AdmissionId });
    }

    public IActionResult OnPostCancel(string admissionId, string reason)
    {
        logger.LogAdmissionRejected(admissionId, ModelState.ErrorCount); // clean precision-names
        Activity.Current?.AddEvent(new ActivityEvent("admission.cancelled", tags: new ActivityTagsCollection
        {
            ["admission.id"] = admissionId, // clean precision-names
            ["admission.cancel.reason"] = reason,
        }));
        return RedirectToPage("./Index");
    }
}

/// <summary>Bed management: the ward board reads admissions and tells the porters.</summary>
public sealed class BedAssignmentService(Pseudonymizer pseudonymizer, ILogger<BedAssignmentService> logger)
{
    private static readonly byte[] ShardSalt = Encoding.UTF8.GetBytes("bed-board");

    public void Assign(Admission admission, string bedLabel)
    {
        var patient = pseudonymizer.PseudonymizeAdmissionPatientId(admission.HospitalNumber);
        logger.LogAdmissionBedAssignedEvent(patient, admission.WardCode); // clean generated-api
        Activity.Current?.SetTag(AdmissionAttributes.PatientPhone, patient.Value); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("admission.patient.hospital_number", patient.Value); // clean precision-pseudonym

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(admission.HospitalNumber));
        Activity.Current?.SetTag("bed.patient.ref", Convert.ToHexString(digest, 0, 6)); // leak TC1002 hashes
        var board = HMACSHA256.HashData(ShardSalt, Encoding.UTF8.GetBytes(admission.HospitalNumber));
        Activity.Current?.SetTag("bed.board.column", board[0] % 4); // leak TC1002 hashes

        var waited = (DateTimeOffset.UtcNow - admission.AdmittedAt).TotalMinutes;
        logger.LogInformation("Bed {Bed} on {Ward} assigned after {Minutes} minutes", bedLabel, admission.WardCode, waited); // clean precision-names
    }
}
