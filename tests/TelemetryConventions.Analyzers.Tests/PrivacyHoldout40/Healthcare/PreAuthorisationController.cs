using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout40.Support;
using TelemetryConventions;

namespace PrivacyHoldout40.Healthcare;

/// <summary>An admission of an insured (private medical insurance) patient, as the PAS holds it.</summary>
public sealed record InsuredAdmission(
    string AdmissionId,
    string HospitalNumber,
    string InsurerCode,
    string MembershipNumber,
    string Surname,
    DateOnly DateOfBirth,
    string ProcedureCode,
    string ConsultantGmcNumber,
    DateOnly AdmissionDate);

public interface IAdmissionReader
{
    Task<InsuredAdmission?> GetAsync(string admissionId, CancellationToken cancellationToken);
}

/// <summary>
/// Before an insured patient is admitted, the private hospital asks the patient's insurer to
/// pre-authorise the procedure; the shortfall (what the policy will not pay) is billed to the patient.
/// </summary>
[ApiController]
[Route("api/admissions/{admissionId}/pre-authorisation")]
public sealed class PreAuthorisationController(
    IAdmissionReader admissions,
    IInsurerGateway insurers,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<PreAuthorisationController> logger) : ControllerBase
{
    private readonly Counter<long> _requests = meter.CreateCounter<long>("clinic.preauth.requests", "{request}");
    private readonly Histogram<double> _shortfalls = meter.CreateHistogram<double>("clinic.preauth.shortfall", "GBP");

    [HttpPost("")]
    public async Task<ActionResult> RequestAsync(string admissionId, CancellationToken cancellationToken)
    {
        var admission = await admissions.GetAsync(admissionId, cancellationToken);
        if (admission is null)
        {
            return NotFound($"admission {admissionId} not found");
        }

        var activity = Activity.Current;
        activity?.SetTag("clinic.admission.id", admission.AdmissionId);
        activity?.SetTag("clinic.insurer", admission.InsurerCode); // clean direct
        activity?.SetTag("clinic.procedure", admission.ProcedureCode);
        activity?.SetTag("clinic.insurer.membership", admission.MembershipNumber); // leak TC1001 direct
        activity?.SetTag("clinic.consultant", admission.ConsultantGmcNumber); // leak TC1001 direct
        activity?.SetTag("clinic.patient.ref", pseudonymizer.Compute("clinic.patient", admission.HospitalNumber)); // clean precision-pseudonym
        activity?.SetTag("clinic.patient.age", Age(admission.DateOfBirth, admission.AdmissionDate)); // clean precision-about

        var request = new PreAuthorisationRequest(
            admission.MembershipNumber,
            admission.Surname,
            admission.DateOfBirth,
            admission.ProcedureCode,
            admission.ConsultantGmcNumber,
            admission.AdmissionDate);

        try
        {
            var response = await insurers.PreAuthoriseAsync(admission.InsurerCode, request, cancellationToken);
            activity?.SetTag("clinic.preauth.code", response.AuthorisationCode); // clean direct
            activity?.SetTag("clinic.preauth.approved", response.Approved);
            _requests.Add(1, new KeyValuePair<string, object?>("insurer", admission.InsurerCode), new KeyValuePair<string, object?>("approved", response.Approved));
            _shortfalls.Record((double)response.Shortfall, new KeyValuePair<string, object?>("insurer", admission.InsurerCode)); // clean precision-about

            if (!response.Approved)
            {
                logger.LogWarning("Pre-authorisation for admission {AdmissionId} declined by {Insurer}: {Reason}", admissionId, admission.InsurerCode, response.DeclineReason); // clean direct
                return Ok(new { response.Approved, response.DeclineReason });
            }

            if (response.Shortfall > 0)
            {
                logger.LogInformation("Patient {Surname} ({DateOfBirth:yyyy-MM-dd}) to be asked to self-fund {Shortfall:C}", admission.Surname, admission.DateOfBirth, response.Shortfall); // leak TC1001 direct
            }

            return Ok(new { response.AuthorisationCode, response.BenefitLimit, response.Shortfall });
        }
        catch (InsurerMemberNotFoundException ex)
        {
            logger.LogWarning(ex, "Insurer {Insurer} has no member for admission {AdmissionId}", admission.InsurerCode, admissionId); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "member not found on scheme " + ex.Scheme); // clean exceptions
            _requests.Add(1, new KeyValuePair<string, object?>("insurer", admission.InsurerCode), new KeyValuePair<string, object?>("member", admission.MembershipNumber)); // leak TC1003 direct
            return NotFound("The insurer does not recognise the membership number.");
        }
        catch (InsurerTimeoutException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogError(ex, "Pre-authorisation timed out at {Insurer}", ex.InsurerCode); // clean exceptions
            return BadRequest("The insurer did not answer; try again shortly.");
        }
    }

    private static int Age(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > on ? age - 1 : age;
    }
}
