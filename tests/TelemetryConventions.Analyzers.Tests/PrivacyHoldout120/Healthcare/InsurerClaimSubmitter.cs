namespace PrivacyHoldout120.Healthcare;

public sealed record DischargedEpisode(string EpisodeId, string HospitalNumber, string PatientName, string InsurerCode, string MembershipNumber, string PreAuthorisationCode, string ProcedureCode, string ConsultantGmcNumber, decimal InvoiceTotal);

/// <summary>After discharge, notifies the patient's medical insurer of the claim for the episode.</summary>
public sealed partial class InsurerClaimSubmitter(
    IQueueReceiver<DischargedEpisode> discharges,
    IClaimsApi claims,
    Pseudonymizer pseudonymizer,
    ILogger<InsurerClaimSubmitter> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Hospital.PrivatePatients.Claims");
    private static readonly Meter Meter = new("Hospital.PrivatePatients.Claims");
    private static readonly PmicoverClaimDurationHistogram ClaimDuration = Meter.CreatePmicoverClaimDurationHistogram();
    private static readonly Counter<long> Submitted = Meter.CreateCounter<long>("pmi.claims.submitted");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var episode = await discharges.ReceiveAsync(stoppingToken);
            if (episode is null)
            {
                continue;
            }

            await SubmitAsync(episode, stoppingToken);
        }
    }

    private async Task SubmitAsync(DischargedEpisode episode, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["EpisodeId"] = episode.EpisodeId, ["Insurer"] = episode.InsurerCode }); // clean precision-names
        using var activity = Source.StartActivity("pmi.claim.submit");
        activity?.SetTag("pmi.episode.id", episode.EpisodeId); // clean precision-names
        activity?.SetTag("pmi.preauth.code", episode.PreAuthorisationCode); // clean precision-names
        activity?.SetTag("pmi.consultant.gmc", episode.ConsultantGmcNumber); // leak TC1001 direct

        var notice = new FirstNoticeOfLoss(
            PolicyNumber: episode.MembershipNumber,
            LossDate: DateTimeOffset.UtcNow,
            Peril: "treatment",
            Circumstances: $"{episode.ProcedureCode} under pre-authorisation {episode.PreAuthorisationCode}",
            ReportedBy: "private-patients-unit",
            ContactPhone: "+44 20 7946 0000");

        try
        {
            var result = await claims.SubmitFnolAsync(notice, ct);
            activity?.SetTag("pmi.claim.id", result.ClaimId); // clean precision-names
            activity?.SetTag("pmi.claim.status", result.Status); // clean precision-about
            LogSubmitted(logger, result.ClaimId, episode.InsurerCode, episode.InvoiceTotal); // clean precision-names
            LogMember(logger, episode.MembershipNumber, episode.InsurerCode); // clean logging-objects
            LogPatient(logger, episode.PatientName, result.ClaimId); // leak TC1001 logging-objects
            logger.LogInformation("Claim intake {Result}", result); // leak TC1001 logging-objects
            Submitted.Add(1, new TagList { { "insurer", episode.InsurerCode }, { "fast_track", result.FastTrack } }); // clean direct
            ClaimDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "treatment", result.Status); // clean generated-api
        }
        catch (PolicyNotInForceException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Insurer says cover lapsed for episode {Episode} ({Type})", episode.EpisodeId, ex.GetType().Name); // clean exceptions
            logger.LogInformation(ex, "Membership lapsed"); // leak TC1001 exceptions
        }
        catch (DuplicateClaimException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogInformation("Episode {Episode} already claimed as {Existing}", episode.EpisodeId, ex.ExistingClaimId); // clean precision-names
        }
        catch (ClaimsApiException ex) when (ex.Status == 422)
        {
            logger.LogError(ex, "Insurer rejected notice {Notice}", notice); // leak TC1001 logging-objects
            var tag = pseudonymizer.PseudonymizePmicoverPatientId(episode.HospitalNumber);
            logger.LogPmicoverClaimReferredEvent(episode.EpisodeId, "rejected", tag, $"insurer {episode.InsurerCode} returned {ex.ErrorCode}"); // clean generated-api
            Submitted.Add(1, new KeyValuePair<string, object?>("patient", tag.Value)); // leak TC1003 precision-pseudonym
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Claim {ClaimId} submitted to {Insurer} for {Total}")]
    private static partial void LogSubmitted(ILogger logger, string claimId, string insurer, decimal total);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Membership {MembershipNumber} at {Insurer}")]
    private static partial void LogMember(ILogger logger, [PrivateData] string membershipNumber, string insurer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Claim for {PatientName} is {ClaimId}")]
    private static partial void LogPatient(ILogger logger, string patientName, string claimId);
}
