using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout39.Support;
using PrivacyHoldout39.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout39.Healthcare;

// Patients invite a carer to see their record and to post in the carers' forum on their behalf. The
// invitation is mailed as a link with a one-time token; accepting it asks the carer's date of birth,
// since carers under 18 get a young-carers account instead of proxy access.

public sealed record CarerInvitation(
    Guid InvitationId,
    string PatientNhsNumber,
    string CarerEmail,
    string Relationship,
    string Token,
    DateTimeOffset ExpiresAt);

public interface ICarerInvitationStore
{
    Task SaveAsync(CarerInvitation invitation, CancellationToken cancellationToken);

    Task<CarerInvitation?> FindByTokenAsync(string token, CancellationToken cancellationToken);

    Task<int> CountOpenAsync(string patientNhsNumber, CancellationToken cancellationToken);
}

public sealed class ProxyAccessDeniedException(string message) : Exception(message);

public sealed class CarerInvitationService(
    ICarerInvitationStore store,
    IMailSender mail,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<CarerInvitationService> logger)
{
    private static readonly ActivitySource Source = new("PatientPortal.Proxy");
    private readonly Counter<long> _declined = meter.CreateCounter<long>("proxy.invitations.declined");

    public async Task<Guid> InviteAsync(string nhsNumber, string carerEmail, string relationship, CancellationToken cancellationToken)
    {
        var open = await store.CountOpenAsync(nhsNumber, cancellationToken);
        using var activity = Source.StartActivity("carer.invite");
        activity?.SetTag("proxy.invitations.open", open); // clean precision-about
        if (open >= 3)
        {
            throw new ProxyAccessDeniedException($"Patient {nhsNumber} already has {open} open carer invitations");
        }

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
        var invitation = new CarerInvitation(Guid.NewGuid(), nhsNumber, carerEmail, relationship, token, DateTimeOffset.UtcNow.AddDays(7));
        await store.SaveAsync(invitation, cancellationToken);
        logger.LogDebug("Saved invitation {@Invitation}", invitation); // leak TC1001 logging-objects

        var link = $"https://portal.example-trust.nhs.uk/carers/accept?token={token}";
        await mail.SendAsync(carerEmail, "You have been invited to help manage a patient record", link, cancellationToken);

        activity?.SetTag("proxy.invitation.id", invitation.InvitationId); // clean precision-about
        activity?.SetTag("proxy.relationship", relationship); // clean precision-about
        activity?.SetTag("proxy.carer.email_domain", carerEmail[(carerEmail.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag(CommunityAttributes.MemberContact, carerEmail); // leak TC1001 generated-api
        logger.LogDebug("Invitation mailed with link {Link}", link); // leak TC1001 strings
        meter.CreateCommunityInvitationsCounter().Add(1, "email", communityOutcome: "sent"); // clean precision-about
        return invitation.InvitationId;
    }

    public async Task<bool> AcceptAsync(string token, DateOnly carerDateOfBirth, CancellationToken cancellationToken)
    {
        var invitation = await store.FindByTokenAsync(token, cancellationToken);
        if (invitation is null)
        {
            logger.LogWarning("No open invitation matches token {Token}", token); // leak TC1001 direct
            return false;
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var age = today.Year - carerDateOfBirth.Year - (today.DayOfYear < carerDateOfBirth.DayOfYear ? 1 : 0);
        Activity.Current?.SetTag("proxy.carer.adult", age >= 18); // clean precision-about
        if (age < 18)
        {
            logger.LogInformation("Carer born {DateOfBirth} routed to young carers", carerDateOfBirth); // leak TC1001 direct
            _declined.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeCommunityMemberId(invitation.PatientNhsNumber))); // leak TC1003 precision-pseudonym
            return false;
        }

        logger.LogInformation("Carer accepted invitation {InvitationId} for {PatientRef}", invitation.InvitationId, pseudonymizer.ComputeCommunityMemberId(invitation.PatientNhsNumber)); // clean precision-pseudonym
        return true;
    }
}

[ApiController]
[Route("api/carers")]
public sealed class CarerInvitationsController(CarerInvitationService invitations, ILogger<CarerInvitationsController> logger) : ControllerBase
{
    public sealed record InviteRequest(string NhsNumber, string CarerEmail, string Relationship);

    [HttpPost("invitations")]
    public async Task<ActionResult> InviteAsync([FromBody] InviteRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var id = await invitations.InviteAsync(request.NhsNumber, request.CarerEmail, request.Relationship, cancellationToken);
            return Ok(new { id });
        }
        catch (ProxyAccessDeniedException ex)
        {
            logger.LogWarning(ex, "Carer invitation refused"); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            return BadRequest("Too many open invitations.");
        }
    }
}

// Patients rate the clinic they were seen in and may leave a comment; comments are published after a
// check, and one review per patient and clinic is allowed.
public sealed record ClinicReview(string ClinicCode, string NhsNumber, int Stars, string? Comment, string? NamedClinician);

public sealed class ClinicReviewIntake(TelemetrySecrets secrets, ILogger<ClinicReviewIntake> logger)
{
    private static readonly ActivitySource Source = new("PatientPortal.Reviews");

    public string DedupeKey(ClinicReview review)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{review.NhsNumber}|{review.ClinicCode}"));
        var key = Convert.ToHexString(digest, 0, 8);
        Activity.Current?.SetTag("review.dedupe_key", key); // leak TC1002 hashes
        return key;
    }

    public void Record(ClinicReview review)
    {
        using var activity = Source.StartActivity("review.received");
        activity?.SetTag("review.clinic", review.ClinicCode); // clean precision-about
        activity?.SetTag("review.stars", review.Stars); // clean precision-about
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(review.NhsNumber))[0] % 16;
        activity?.SetTag("review.shard", shard); // clean hashes
        if (review.NamedClinician is { Length: > 0 } clinician)
        {
            activity?.SetTag("review.named_clinician", clinician); // leak TC1001 direct
        }
        logger.LogInformation("Review for {Clinic}: {Stars} stars, comment {CommentLength} chars", review.ClinicCode, review.Stars, review.Comment?.Length ?? 0); // clean precision-about
        logger.LogInformation("Review received {Review}", review); // leak TC1001 logging-objects
    }
}
