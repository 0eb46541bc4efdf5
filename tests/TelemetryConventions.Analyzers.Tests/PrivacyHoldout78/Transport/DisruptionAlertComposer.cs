namespace PrivacyHoldout78.Transport;

public sealed record SavedJourney(string JourneyId, Guid RiderId, string RiderFirstName, string Mobile, string Culture, string OriginCrs, string DestinationCrs, TimeOnly Departs);

public sealed record Disruption(string ServiceUid, string OperatorCode, int DelayMinutes, string ReasonCode);

/// <summary>
/// Alerts riders whose saved journeys are hit by a disruption: "Sam, your 07:42 Cardiff Central to
/// Leeds is 12 minutes late (signalling problem)". Station names come from the Welsh and English
/// resource sets; delays use the plural rules of the rider's language.
/// </summary>
public sealed class DisruptionAlertComposer(
    IStringLocalizer<DisruptionAlertComposer> localizer,
    INotificationSender sender,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<DisruptionAlertComposer> logger)
{
    private readonly Counter<long> _alerts = meter.CreateCounter<long>("transitcopy.alerts", "{alert}");

    public async Task AlertAsync(Disruption disruption, IReadOnlyList<SavedJourney> journeys, CancellationToken cancellationToken)
    {
        using var span = source.StartTransitcopyRender("disruption.alert");
        span.Activity?.SetTag("disruption.service", disruption.ServiceUid); // clean precision-about
        span.Activity?.SetTag("disruption.riders", journeys.Count);
        span.SetTransitcopyChannel("sms");
        foreach (var journey in journeys)
        {
            var culture = CultureInfo.GetCultureInfo(journey.Culture);
            CultureInfo.CurrentUICulture = culture;
            var plural = PluralRules.Category(culture, disruption.DelayMinutes);
            var formatter = new MessageFormatter(culture);
            var pattern = localizer[$"Alert.Delay.{plural}"].Value;
            string text;
            try
            {
                text = formatter.FormatMessage(pattern, new Dictionary<string, object?>
                {
                    ["name"] = journey.RiderFirstName,
                    ["time"] = journey.Departs.ToString("t", culture),
                    ["origin"] = localizer["Station." + journey.OriginCrs].Value,
                    ["destination"] = localizer["Station." + journey.DestinationCrs].Value,
                    ["minutes"] = disruption.DelayMinutes,
                    ["reason"] = localizer["Reason." + disruption.ReasonCode].Value,
                });
            }
            catch (MessageFormatException ex)
            {
                span.RecordException(ex, "alert pattern is malformed", includeMessage: true); // clean exceptions
                logger.LogError(ex, "Alert pattern {Pattern} in {Culture} names {Argument}", ex.Pattern, culture.Name, ex.Argument); // clean exceptions
                continue;
            }

            _alerts.Add(1, new KeyValuePair<string, object?>("operator", disruption.OperatorCode), new KeyValuePair<string, object?>("plural", plural), new KeyValuePair<string, object?>("culture", culture.Name)); // clean precision-about
            span.Activity?.AddEvent(new ActivityEvent("alert.rendered", tags: new ActivityTagsCollection { ["journey"] = journey.JourneyId, ["route"] = $"{journey.OriginCrs}-{journey.DestinationCrs}" })); // clean precision-about
            span.Activity?.AddEvent(new ActivityEvent("alert.text", tags: new ActivityTagsCollection { ["text"] = text })); // leak TC1001 strings
            logger.LogDebug("Alert for {RiderFirstName} on journey {JourneyId}", journey.RiderFirstName, journey.JourneyId); // leak TC1001 direct
            span.SetTransitcopyRiderId(pseudonymizer.PseudonymizeTransitcopyRiderId(journey.RiderId.ToString())); // clean precision-pseudonym
            logger.LogTransitcopyTranslationMissingEvent("Station." + journey.DestinationCrs, culture.Name, transitcopyRiderId: pseudonymizer.PseudonymizeTransitcopyRiderId(journey.RiderId.ToString())); // clean precision-pseudonym

            try
            {
                await sender.SendAsync(new RenderedNotification("disruption.sms", culture.Name, journey.Mobile, string.Empty, text), cancellationToken);
            }
            catch (DeliveryRejectedException ex)
            {
                span.SetTransitcopyNote(ex.Message); // leak TC1001 generated-api
                logger.LogWarning(ex, "Alert for journey {JourneyId} not delivered", journey.JourneyId); // leak TC1001 exceptions
                _alerts.Add(1, new KeyValuePair<string, object?>("rider", journey.RiderId)); // leak TC1003 direct
            }
        }
    }
}
