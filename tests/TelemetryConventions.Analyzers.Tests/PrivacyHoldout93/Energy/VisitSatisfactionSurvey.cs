namespace PrivacyHoldout93.Energy;

/// <summary>
/// The satisfaction survey after an engineer's visit (a smart meter installation or a boiler service): an invitation
/// with a personalised link is texted or mailed to the account holder the day after; the answers are a CSAT of 1 to 5,
/// whether the engineer arrived on time, and a comment.
/// </summary>
public sealed class VisitSatisfactionSurvey(
    IInvitationSender sender,
    IInvitationStore invitations,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    SurveyOptions options,
    FormTelemetry telemetry,
    ILogger<VisitSatisfactionSurvey> logger)
{
    private const string SurveyId = "srv-visit-csat";

    private readonly Counter<long> _invitesSent = telemetry.Meter.CreateCounter<long>("visitcsat.invitations.sent");
    private readonly Counter<long> _surveyedVisits = telemetry.Meter.CreateCounter<long>("visitcsat.visits.surveyed");
    private readonly Histogram<int> _csat = telemetry.Meter.CreateHistogram<int>("visitcsat.csat");

    public sealed record CompletedVisit(string VisitId, string AccountNumber, string Region, string EngineerId, string JobType, Recipient Holder);

    public async Task InviteAsync(CompletedVisit visit, CancellationToken cancellationToken)
    {
        var invitation = new SurveyInvitation
        {
            InvitationId = $"inv-{visit.VisitId}",
            SurveyId = SurveyId,
            Recipient = visit.Holder,
            Token = InvitationTokens.NewToken(),
            Channel = visit.Holder.Phone is null ? "email" : "sms",
            ExpiresAt = DateTimeOffset.UtcNow + options.InvitationLifetime,
        };
        using var span = telemetry.Source.StartVisitcsatInvite(SurveyId)
            .SetVisitcsatRegion(visit.Region) // clean precision-names
            .SetVisitcsatChannel(invitation.Channel)
            .SetVisitcsatRespondentId(pseudonymizer.PseudonymizeVisitcsatRespondentId(visit.AccountNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("visitcsat.invitation.id", invitation.InvitationId); // clean precision-names
        span.Activity?.SetTag("visitcsat.visit.job_type", visit.JobType);
        logger.LogDebug("Inviting {Recipient} for visit {VisitId}", visit.Holder, visit.VisitId); // leak TC1001 logging-objects
        logger.LogDebug("Personalised link {Link}", invitation.Link(options.PublicBaseUrl)); // leak TC1001 cross-member
        logger.LogDebug("Invitation {Invitation} expires {ExpiresAt}", invitation, invitation.ExpiresAt); // clean logging-objects

        try
        {
            var receipt = await sender.SendAsync(invitation, cancellationToken);
            await invitations.MarkSentAsync(invitation.InvitationId, receipt, cancellationToken);
            span.SetVisitcsatOutcome("sent");
            logger.LogInformation("Invitation {InvitationId} accepted by provider: {Receipt}", invitation.InvitationId, receipt); // clean logging-objects
            _invitesSent.Add(1, new KeyValuePair<string, object?>("region", visit.Region), new KeyValuePair<string, object?>("channel", invitation.Channel)); // clean precision-names
        }
        catch (RecipientRejectedException rejected)
        {
            span.SetVisitcsatOutcome("bounced").RecordException(rejected, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Invitation {InvitationId} bounced: {Reason}", invitation.InvitationId, rejected.Reason); // clean exceptions
        }
        catch (SendThrottledException throttled)
        {
            logger.LogWarning(throttled, "Invitation {InvitationId} throttled", invitation.InvitationId); // clean exceptions
            span.SetVisitcsatOutcome("throttled").SetVisitcsatNote(throttled.Message); // clean generated-api
        }
        _surveyedVisits.Add(1, new KeyValuePair<string, object?>("engineer", visit.EngineerId)); // leak TC1003 direct
    }

    public async Task<ActionResult> AnswerAsync(string token, FormSubmission response, CancellationToken cancellationToken)
    {
        using var span = telemetry.Source.StartVisitcsatSubmit(SurveyId);
        var invitation = await invitations.FindByTokenAsync(token, cancellationToken);
        if (invitation is null)
        {
            span.SetVisitcsatOutcome("unknown_token").SetVisitcsatNote($"no invitation for token {token}"); // leak TC1001 generated-api
            return new NotFoundResult(null);
        }
        var csat = response.Score("q1_csat");
        var comment = response.Answer("q3_comment");
        var engineer = response.Hidden.GetValueOrDefault("eng");
        span.SetVisitcsatScore(csat ?? 0)
            .SetVisitcsatSubmissionId(response.SubmissionId); // clean precision-names
        _csat.Record(csat ?? 0, new KeyValuePair<string, object?>("on_time", response.Answer("q2_on_time") == "yes")); // clean precision-about
        if (csat <= 2)
        {
            logger.LogWarning("Low CSAT {Csat} for engineer {EngineerId}: {Comment}", csat, engineer, comment); // leak TC1001 direct
            span.Activity?.SetTag("visitcsat.engineer.bucket", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(engineer ?? string.Empty)))[..4]); // clean hashes
            span.Activity?.SetTag("visitcsat.engineer.hash", (engineer ?? string.Empty).GetHashCode().ToString("x8", CultureInfo.InvariantCulture)); // leak TC1002 hashes
        }
        span.Activity?.SetTag("visitcsat.comment.present", comment is not null); // clean precision-about
        span.Activity?.SetTag("visitcsat.recipient.domain", invitation.Recipient.Email.Split('@')[^1]); // clean precision-about
        return new OkResult(null);
    }
}
