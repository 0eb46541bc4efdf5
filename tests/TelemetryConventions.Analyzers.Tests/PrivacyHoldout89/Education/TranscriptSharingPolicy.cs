namespace PrivacyHoldout89.Education;

/// <summary>A learner's consent to share part of their record with an organisation. A record: prints its members.</summary>
public sealed record SharingConsent(string ConsentId, string StudentNumber, string RecipientOrgId, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt);

/// <summary>The OPA input document of <c>data.campus.transcripts.decision</c>. Records: they print their members.</summary>
public sealed record TranscriptInput(TranscriptSubject Subject, TranscriptRequester Requester, string Action, IReadOnlyList<string> RequestedScopes);

public sealed record TranscriptSubject(string StudentNumber, string YearGroup, bool Over18, string? ConsentId);

public sealed record TranscriptRequester(string OrgId, string OrgType, string? AdmissionsOfficerEmail);

public interface IConsentRegistry
{
    Task<SharingConsent?> FindAsync(string studentNumber, string recipientOrgId, CancellationToken cancellationToken);
}

/// <summary>
/// Universities' admissions offices ask for transcripts through the data-sharing API. The request
/// is allowed when the learner (or, under 18, their guardian) consented to that organisation and
/// scope; the rules live in OPA. The policy's deny rules return codes, e.g.
/// <c>deny contains "consent_expired" if { input.subject.consent_id; time.now_ns() &gt; … }</c>.
/// </summary>
public sealed class TranscriptSharingPolicy(IOpaClient opa, IConsentRegistry consents, ActivitySource source, Meter meter, ILogger<TranscriptSharingPolicy> logger, Pseudonymizer pseudonymizer)
{
    private const string PolicyPath = "campus/transcripts/decision";

    public async Task<bool> MayShareAsync(string studentNumber, StudentRecord student, string orgId, string? officerEmail, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        using var span = source.StartCampusauthzAuthorize("TranscriptSharing");
        span.SetCampusauthzOperation("share").SetCampusauthzResourceType("transcript").SetCampusauthzAccessMode("consent");
        var consent = await consents.FindAsync(studentNumber, orgId, cancellationToken);
        if (consent is not null)
        {
            span.SetCampusauthzGrantId(consent.ConsentId); // clean precision-names
            logger.LogInformation("Consent {ConsentId} covers {Scopes} until {ExpiresAt:d}", consent.ConsentId, string.Join(",", consent.Scopes), consent.ExpiresAt); // clean precision-names
        }

        var over18 = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-18) >= student.DateOfBirth;
        var input = new TranscriptInput(
            new TranscriptSubject(studentNumber, student.YearGroup, over18, consent?.ConsentId),
            new TranscriptRequester(orgId, "university", officerEmail),
            "share",
            scopes);
        logger.LogDebug("OPA input for {Path}: {Input}", PolicyPath, input); // leak TC1001 logging-objects
        logger.LogDebug("OPA input requester {Requester}", input.Requester); // leak TC1001 logging-objects

        try
        {
            var response = await opa.EvaluateAsync<TranscriptInput, PolicyDecision>(PolicyPath, input, cancellationToken);
            var decision = response.Result ?? PolicyDecision.DenyAll("no_result");
            span.SetCampusauthzDecision(decision.Allow ? "allow" : "deny");
            Activity.Current?.SetTag("opa.decision_id", response.DecisionId); // clean precision-names
            Activity.Current?.SetTag("opa.deny", string.Join(",", decision.Deny)); // clean precision-about
            logger.LogInformation("OPA decision {DecisionId}: {@Decision}", response.DecisionId, decision); // clean logging-objects
            meter.CreateCampusauthzDecisionsCounter().Add(1, campusauthzPolicy: "TranscriptSharing", campusauthzDecision: decision.Allow ? "allow" : "deny", campusauthzAccessMode: "consent"); // clean precision-about
            if (!decision.Allow)
            {
                logger.LogCampusauthzAccessDeniedEvent("TranscriptSharing", decision.Deny.FirstOrDefault() ?? "unknown", campusauthzSubjectId: pseudonymizer.PseudonymizeCampusauthzSubjectId(studentNumber), campusauthzNote: $"org={orgId}; scopes={scopes.Count}"); // clean generated-api
                logger.LogCampusauthzAccessDeniedEvent("TranscriptSharing", "denied", campusauthzNote: $"requested by {officerEmail} for {student.DisplayName}"); // leak TC1001 generated-api
            }
            return decision.Allow;
        }
        catch (OpaEvaluationException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "OPA failed for {Path} (code {Code})", PolicyPath, ex.Code); // clean exceptions
            return false;
        }
        finally
        {
            Activity.Current?.SetBaggage("campus.sharing.org", orgId); // clean precision-names
            Activity.Current?.SetBaggage("campus.sharing.student", studentNumber); // leak TC1001 direct
        }
    }
}
