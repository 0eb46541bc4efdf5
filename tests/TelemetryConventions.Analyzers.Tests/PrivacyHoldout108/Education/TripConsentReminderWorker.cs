namespace PrivacyHoldout108.Education;

public sealed record PendingTripConsent(string EnvelopeId, string TripCode, string StudentNumber, string GuardianEmail, string GuardianName, DateTimeOffset SentAt, DateTimeOffset ExpiresAt, int RemindersSent);

public interface ITripConsentStore
{
    Task<IReadOnlyList<PendingTripConsent>> PendingAsync(CancellationToken cancellationToken);

    Task MarkExpiredAsync(string envelopeId, CancellationToken cancellationToken);
}

/// <summary>Every morning: resends trip consent envelopes that nobody has signed, voids the ones past the trip's deadline and warns the trip leader.</summary>
public sealed class TripConsentReminderWorker(
    ITripConsentStore store,
    EnvelopesApi envelopes,
    SigningOptions options,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<TripConsentReminderWorker> logger) : BackgroundService
{
    private readonly Counter<long> _reminders = meter.CreateCounter<long>("trip_consent.reminders");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = await store.PendingAsync(stoppingToken);
        logger.LogInformation("{Count} trip consents pending across {Trips} trips", pending.Count, pending.Select(p => p.TripCode).Distinct().Count()); // clean precision-about
        logger.LogDebug("Pending consents {Pending}", pending); // leak TC1001 logging-objects
        logger.LogDebug("Pending guardians {Guardians}", pending.Select(p => p.GuardianEmail).ToList()); // leak TC1001 logging-objects

        foreach (var consent in pending)
        {
            using var span = source.StartEnrolsignWebhookReceive("reminder.run")
                .SetEnrolsignEnvelopeId(consent.EnvelopeId) // clean generated-api
                .SetEnrolsignReminderCount(consent.RemindersSent) // clean generated-api
                .SetEnrolsignSignerId(pseudonymizer.PseudonymizeEnrolsignSignerId(consent.StudentNumber)); // clean precision-pseudonym

            if (consent.ExpiresAt <= DateTimeOffset.UtcNow)
            {
                await envelopes.UpdateAsync(options.AccountId, consent.EnvelopeId, new Envelope { Status = "voided", VoidedReason = "Trip consent deadline passed" }, cancellationToken: stoppingToken);
                await store.MarkExpiredAsync(consent.EnvelopeId, stoppingToken);
                span.SetEnrolsignOutcome("expired"); // clean generated-api
                span.Activity?.SetTag("trip.code", consent.TripCode); // clean precision-names
                span.Activity?.SetTag("consent.days_outstanding", (DateTimeOffset.UtcNow - consent.SentAt).TotalDays); // clean precision-about
                logger.LogWarning("Trip {Trip}: consent for {Student} expired unsigned", consent.TripCode, consent.StudentNumber); // leak TC1001 direct
                logger.LogEnrolsignEnvelopeFailedEvent(consent.EnvelopeId, "expired", enrolsignNote: $"unsigned by {consent.GuardianName}"); // leak TC1001 generated-api
                meter.CreateEnrolsignEnvelopesCounter().Add(1, "tpl-trip-consent", "expired"); // clean generated-api
                continue;
            }

            try
            {
                await envelopes.UpdateAsync(options.AccountId, consent.EnvelopeId, resendEnvelope: true, cancellationToken: stoppingToken);
                _reminders.Add(1, new KeyValuePair<string, object?>("trip", consent.TripCode)); // clean precision-names
                _reminders.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeEnrolsignSignerId(consent.StudentNumber))); // leak TC1003 precision-pseudonym
                span.SetEnrolsignOutcome("reminded") // clean generated-api
                    .SetEnrolsignNote($"reminder {consent.RemindersSent + 1} to {consent.GuardianEmail}"); // leak TC1001 generated-api
                span.Activity?.AddEvent(new ActivityEvent("consent.reminder", tags: new ActivityTagsCollection { ["trip"] = consent.TripCode, ["sequence"] = consent.RemindersSent + 1 })); // clean precision-about
            }
            catch (ApiException ex) when (ex.ErrorCode == 400)
            {
                // "ENVELOPE_CANNOT_BE_RESENT: The envelope is not in a state that can be resent." with the error body.
                span.RecordException(ex, "resend refused", includeMessage: true); // clean exceptions
                logger.LogWarning(ex, "Resend of {EnvelopeId} refused: {Body}", consent.EnvelopeId, ex.ErrorContent); // clean exceptions
            }
            catch (HttpRequestException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
                logger.LogError(ex, "Provider unreachable resending to {GuardianEmail}", consent.GuardianEmail); // leak TC1001 direct
            }
        }
    }
}
