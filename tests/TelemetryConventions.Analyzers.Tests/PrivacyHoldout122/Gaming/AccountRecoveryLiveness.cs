namespace PrivacyHoldout122.Gaming;

public sealed record RecoveryAttempt(Guid AttemptId, Guid PlayerId, string Email, string EnrolledDocumentImageId, string Platform);

/// <summary>
/// Account recovery without the old email or authenticator: a live selfie is matched against the face on
/// the document the player verified with; a face enrolled under another account sends it to trust and safety.
/// </summary>
public sealed class AccountRecoveryLiveness(
    IBiometricsClient biometrics,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    VerificationOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<AccountRecoveryLiveness> logger)
{
    private readonly Histogram<double> _liveness = meter.CreateHistogram<double>("recovery.liveness.score");

    public async Task<bool> VerifyAsync(RecoveryAttempt attempt, SelfieCapture capture, CancellationToken cancellationToken)
    {
        using var span = source.StartPlayeridvVerify(attempt.AttemptId.ToString(), "facetrust").SetPlayeridvDocumentType("selfie_video"); // clean generated-api
        span.Activity?.SetTag("recovery.attempt", attempt.AttemptId); // clean precision-names
        span.Activity?.SetTag("recovery.email", attempt.Email); // leak TC1001 direct
        span.Activity?.SetTag("recovery.capture", capture.Id); // clean precision-names
        span.Activity?.SetTag("recovery.player_hash", attempt.PlayerId.ToString().GetHashCode()); // leak TC1002 hashes
        span.Activity?.SetTag("recovery.player_ref", Convert.ToBase64String(HMACSHA256.HashData(secrets.PseudonymKey, attempt.PlayerId.ToByteArray()))[..22]); // clean hashes

        var liveness = await biometrics.CheckLivenessAsync(capture, cancellationToken);
        span.SetPlayeridvLivenessScore(liveness.Score); // clean generated-api
        _liveness.Record(liveness.Score, new KeyValuePair<string, object?>("platform", attempt.Platform), new KeyValuePair<string, object?>("model", liveness.ModelVersion)); // clean precision-names
        span.Activity?.SetTag("liveness.spoof_signals", string.Join(",", liveness.SpoofSignals)); // clean strings
        logger.LogInformation("Liveness {@Liveness}", liveness); // clean logging-objects
        if (!liveness.IsLive || liveness.Score < options.LivenessThreshold)
        {
            span.SetPlayeridvOutcome("not-live"); // clean generated-api
            return false;
        }

        try
        {
            var match = await biometrics.MatchAsync(capture, attempt.EnrolledDocumentImageId, cancellationToken);
            span.Activity?.SetTag("face.similarity", match.Similarity); // clean precision-about
            span.Activity?.SetTag("face.embedding", string.Join(",", match.Embedding)); // leak TC1001 strings
            logger.LogDebug("Face match {Similarity:0.000}, embedding of {Dimensions} floats", match.Similarity, match.Embedding.Length); // clean precision-about
            logger.LogInformation("Face match result {Match}", match); // clean logging-objects
            return match.IsMatch && match.Similarity >= options.FaceMatchThreshold;
        }
        catch (DuplicateFaceException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            span.Activity?.SetTag("face.duplicate_of", ex.ExistingApplicantId); // leak TC1001 exceptions
            logger.LogPlayeridvVerificationFailedEvent(attempt.AttemptId.ToString(), "duplicate-face", pseudonymizer.PseudonymizePlayeridvPlayerId(attempt.PlayerId.ToString()), "face enrolled under another account"); // clean generated-api
            logger.LogPlayeridvVerificationFailedEvent(attempt.AttemptId.ToString(), "duplicate-face", playeridvNote: DuplicateNote(ex)); // leak TC1001 generated-api
            return false;
        }

        static string DuplicateNote(DuplicateFaceException ex) => $"duplicate of {ex.ExistingApplicantId}";
    }
}
