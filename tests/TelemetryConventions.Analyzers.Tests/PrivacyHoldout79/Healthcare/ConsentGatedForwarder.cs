namespace PrivacyHoldout79.Healthcare;

/// <summary>
/// Forwards the patient app's <c>track()</c> events to the analytics warehouse, as far as the
/// patient's consent allows. The property bags are the app's: <c>profile_updated</c> carries the
/// new <c>email</c>, <c>search_performed</c> the <c>query</c> the patient typed,
/// <c>appointment_booked</c> the appointment id, clinic and slot.
/// </summary>
public sealed class ConsentGatedForwarder(
    ILogger<ConsentGatedForwarder> logger,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    IAnalyticsForwarder forwarder,
    Meter meter)
{
    public async Task<int> ForwardAsync(TrackBatch batch, CancellationToken cancellationToken)
    {
        using var span = source.StartCarepulseIngest(batch.BatchId);
        span.SetCarepulseBatchSize(batch.Events.Count);
        logger.LogInformation("Track batch received {Batch}", batch); // clean logging-objects
        Activity.Current?.SetTag("consent.tier", batch.Consent.Tier); // clean precision-about

        var forwarded = 0;
        foreach (var e in batch.Events)
        {
            if (!batch.Consent.Analytics)
            {
                meter.CreateCarepulseEventsIngestedCounter().Add(1, e.Event, "dropped:consent"); // clean precision-about
                continue;
            }

            var safe = ConsentFilter.ForTelemetry(e.Properties, batch.Consent);
            logger.LogDebug("Forwarding {Event} with {@Properties}", e.Event, safe); // clean logging-objects

            var stripped = ConsentFilter.StripAdvertising(e.Properties, batch.Consent);
            await forwarder.ForwardAsync("patient_app_events", stripped, cancellationToken);
            span.Activity?.AddEvent(new ActivityEvent("track.forwarded", tags: new ActivityTagsCollection(stripped))); // leak TC1001 logging-objects

            if (e.Properties.TryGetValue("email", out var email) && email is string address)
            {
                logger.LogWarning("Event {Event} carries an email property at {Domain}", e.Event, address[(address.IndexOf('@') + 1)..]); // clean precision-about
                logger.LogWarning("Event {Event} carries the email property {Email}", e.Event, address); // leak TC1001 direct
            }

            logger.LogTrace("Tracked {Track}", e); // leak TC1001 logging-objects
            meter.CreateCarepulseEventsIngestedCounter().Add(1, e.Event, "forwarded", carepulseAppVersion: e.Context.AppVersion); // clean precision-about

            if (e.UserId is { } hospitalNumber)
            {
                Activity.Current?.SetBaggage("mycare.patient", pseudonymizer.ComputeCarepulseUserId(hospitalNumber)); // clean precision-pseudonym
            }
            else
            {
                Activity.Current?.SetBaggage("mycare.anonymous_id", e.AnonymousId); // leak TC1001 direct
            }

            forwarded++;
        }

        span.SetCarepulseOutcome(forwarded == batch.Events.Count ? "accepted" : "partial"); // clean precision-about
        return forwarded;
    }
}
