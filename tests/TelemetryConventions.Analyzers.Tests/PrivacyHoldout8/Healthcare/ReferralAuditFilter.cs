using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using PrivacyCorpus.Shared;
using PrivacyHoldout8.Support;
using PrivacyHoldout8.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout8.Healthcare;

public sealed class Patient
{
    public required string Mrn { get; init; }

    public required string Email { get; init; }

    public required string FamilyName { get; init; }

    public string? NhsNumber { get; init; }

    public DateOnly BirthDate { get; init; }
}

public sealed class ReferralDbContext : DbContext
{
    public DbSet<Patient> Patients { get; } = new(Array.Empty<Patient>());
}

/// <summary>Tags the request span with what the referral endpoints were called with.</summary>
public sealed class ReferralAuditFilter(ILogger<ReferralAuditFilter> logger, Pseudonymizer pseudonymizer) : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        var activity = Activity.Current;
        activity?.SetTag("referral.action", context.ActionName); // clean precision-names

        if (context.ActionArguments.TryGetValue("mrn", out var mrn) && mrn is string hospitalNumber)
        {
            activity?.SetTag("triage.patient.id", pseudonymizer.Pseudonymize(TelemetryPseudonyms.TriagePatientIdDomain, hospitalNumber).Value); // clean precision-pseudonym
            activity?.SetTag("referral.mrn.length", hospitalNumber.Length); // clean precision-about
        }

        if (context.ActionArguments.TryGetValue("email", out var email))
        {
            activity?.SetTag("referral.requested_by", email); // leak TC1001 direct
        }

        logger.LogDebug("Referral action {Action} with {ArgumentCount} arguments", context.ActionName, context.ActionArguments.Count); // clean precision-about
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
        if (context.Exception is { } ex)
        {
            logger.LogError("Referral action failed: {Detail}", ex.ToString()); // clean exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().Name); // clean exceptions
        }
    }
}

[ApiController]
[Route("referrals")]
public sealed class ReferralsController(ReferralDbContext db, ILogger<ReferralsController> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout8.Healthcare");
    private static readonly Meter Meter = new("PrivacyHoldout8.Healthcare");
    private static readonly UpDownCounter<int> OpenReferrals = Meter.CreateUpDownCounter<int>("referral.open");

    [HttpGet("by-email")]
    public async Task<ActionResult> FindByEmail(string email, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("referral.lookup");
        Patient? patient = null;
        try
        {
            patient = await db.Patients.FirstOrDefaultAsync(p => p.Email == email, cancellationToken);
            return patient is null ? NotFound() : Ok(patient.Mrn);
        }
        finally
        {
            activity?.SetTag("referral.found", patient is not null); // clean precision-about
            activity?.SetTag("referral.lookup.email", email); // leak TC1001 direct
            activity?.SetTag("referral.email.domain", email[(email.IndexOf('@') + 1)..]); // clean precision-about
        }
    }

    [HttpPost("{mrn}")]
    public async Task<ActionResult> Open(string mrn, string ward, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Mrn == mrn, cancellationToken);
        if (patient is null)
        {
            logger.LogWarning(string.Format(CultureInfo.InvariantCulture, "No patient with MRN {0} on ward {1}", mrn, ward)); // leak TC1001 strings
            return NotFound();
        }

        var pseudonym = pseudonymizer.Pseudonymize(TelemetryPseudonyms.TriagePatientIdDomain, patient.Mrn);
        using var referral = Source.StartTriageReferral(pseudonym); // clean generated-api
        referral.SetTriageSite(ward); // clean generated-api
        referral.SetTriageNote($"opened for {patient.FamilyName}"); // leak TC1001 generated-api
        referral.Activity?.SetTag(TriageAttributes.PatientContact, pseudonymizer.Pseudonymize("triage.patient.contact", patient.Email).Value); // leak TC1001 precision-pseudonym

        OpenReferrals.Add(1, new KeyValuePair<string, object?>("referral.ward", ward)); // clean precision-names
        OpenReferrals.Add(1, new KeyValuePair<string, object?>("triage.patient.id", pseudonym.Value)); // leak TC1003 precision-pseudonym

        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(patient.Mrn))[0] % 16;
        Activity.Current?.SetTag("referral.shard", shard); // clean hashes
        var dedupeKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(patient.NhsNumber ?? patient.Mrn)))[..12];
        Activity.Current?.SetTag("referral.dedupe_key", dedupeKey); // leak TC1002 hashes

        await db.SaveChangesAsync(cancellationToken);
        return Ok();
    }

    [HttpPost("{mrn}/escalate")]
    public ActionResult Escalate(string mrn, string reason)
    {
        using var referral = Source.StartTriageReferral(Pseudonym.FromComputed(mrn)); // leak TC1001 generated-api
        try
        {
            if (reason.Length == 0)
            {
                throw new InvalidOperationException($"Escalation for patient {mrn} has no reason");
            }
            referral.AddTriageReferralEscalatedEvent(reason); // clean generated-api
            return Ok();
        }
        catch (InvalidOperationException ex)
        {
            referral.RecordException(ex, "escalation rejected"); // clean exceptions
            referral.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return BadRequest();
        }
    }
}
