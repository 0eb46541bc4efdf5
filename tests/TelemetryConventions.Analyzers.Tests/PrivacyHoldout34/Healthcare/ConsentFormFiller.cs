using System;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout34.Support.Pdf;
using PrivacyHoldout34.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout34.Healthcare;

public sealed record PatientRecord(
    string HospitalNumber,
    string NhsNumber,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string? Email,
    string? MobileNumber,
    string Ward);

public sealed record ConsentRequest(Guid ProcedureId, string ProcedureCode, string ConsultantStaffNumber, string ConsultantName, PatientRecord Patient);

/// <summary>Fills the trust's surgical consent form (form 4) before the patient signs it on the ward tablet.</summary>
public sealed class ConsentFormFiller(IPdfFormStore forms, Pseudonymizer pseudonymizer, ILogger<ConsentFormFiller> logger)
{
    public const string FormName = "consent-form-4";

    private static readonly ActivitySource Source = new("Clinic.Consent");

    public async Task<byte[]> FillAsync(ConsentRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("consent.fill");
        var patient = request.Patient;
        activity?.SetTag(DocumentAttributes.SubjectId, pseudonymizer.ComputeDocumentSubjectId(patient.HospitalNumber)); // clean precision-pseudonym
        activity?.SetTag("consent.procedure.code", request.ProcedureCode);
        logger.LogInformation("Preparing consent for procedure {ProcedureId} under consultant {Consultant}", request.ProcedureId, request.ConsultantStaffNumber); // leak TC1001 direct

        using var form = await forms.OpenAsync(FormName, cancellationToken);
        try
        {
            form.GetField("patient_name").SetValue($"{patient.GivenName} {patient.FamilyName}");
            form.GetField("nhs_number").SetValue(patient.NhsNumber);
            form.GetField("date_of_birth").SetValue(patient.DateOfBirth.ToString("dd/MM/yyyy"));
            form.GetField("procedure").SetValue(request.ProcedureCode);
            form.GetField("consultant").SetValue(request.ConsultantName);
        }
        catch (PdfFieldNotFoundException ex)
        {
            logger.LogError(ex, "Consent form {Form} no longer has the fields this service fills", FormName); // clean exceptions
            throw;
        }
        catch (PdfFieldValueException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            throw;
        }

        foreach (var field in form.Fields.Values.Where(f => f.IsRequired && string.IsNullOrEmpty(f.Value)))
        {
            logger.LogWarning("Consent form {Form} left required field {Field} empty", FormName, field.Name); // clean precision-names
        }

        activity?.SetTag("consent.nhs_number.present", !string.IsNullOrEmpty(patient.NhsNumber)); // clean precision-about
        logger.LogDebug("Consent form values: {Fields}", string.Join("; ", form.Fields.Values)); // leak TC1001 logging-objects

        var pdf = form.Flatten();
        activity?.SetTag("consent.pdf.sha256", Convert.ToHexString(SHA256.HashData(pdf))); // clean hashes
        var duplicateKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(patient.NhsNumber + "|" + request.ProcedureCode)))[..16];
        activity?.SetTag("consent.duplicate_key", duplicateKey); // leak TC1002 hashes
        return pdf;
    }
}
