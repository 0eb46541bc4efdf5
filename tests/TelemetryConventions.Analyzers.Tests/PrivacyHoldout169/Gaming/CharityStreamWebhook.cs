namespace PrivacyHoldout169.Gaming;

/// <summary>Receives the streaming platform's donation alerts during the studio's charity stream.</summary>
public static class CharityStreamWebhook
{
    private static readonly ActivitySource Source = new("PlayForGood.Stream");
    private static readonly Meter Meter = new("PlayForGood.Stream");
    private static readonly Counter<double> Donated = Meter.CreateCounter<double>("playforgood.stream.donated", "GBP");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/webhooks/donation-alert", (DonationAlert alert, HttpContextInfo http, ILogger<DonationAlert> logger) => Handle(alert, http, logger));

    internal static ActionResult Handle(DonationAlert alert, HttpContextInfo http, ILogger logger)
    {
        using var activity = Source.StartActivity("stream.donation", ActivityKind.Server);
        activity?.SetTag("stream.alert_id", alert.AlertId); // clean direct
        activity?.SetTag("stream.amount", (double)alert.Amount); // clean direct
        activity?.SetTag("stream.channel", alert.ChannelName); // leak TC1001 direct
        activity?.SetTag("stream.donor_display_name", alert.DonorDisplayName); // leak TC1001 direct
        activity?.SetTag("stream.message_length", alert.Message.Length); // clean precision-about
        activity?.SetTag("stream.request", http.TraceIdentifier); // clean precision-names
        Donated.Add((double)alert.Amount, new KeyValuePair<string, object?>("channel", alert.ChannelName)); // leak TC1003 direct
        Donated.Add((double)alert.Amount, new KeyValuePair<string, object?>("currency", "GBP")); // clean direct

        logger.LogInformation("Donation alert {@Alert}", alert); // leak TC1001 logging-objects
        logger.LogInformation("Donation alert {AlertId} of {Amount}", alert.AlertId, alert.Amount); // clean logging-objects
        var shoutOut = alert switch
        {
            { Amount: >= 100m } => $"Huge thanks to {alert.DonorDisplayName}: \"{alert.Message}\"",
            _ => $"Thanks for the {alert.Amount:C}!",
        };
        activity?.AddEvent(new ActivityEvent("stream.shout_out", tags: new ActivityTagsCollection { ["text"] = shoutOut })); // leak TC1001 strings
        var anonymous = string.Equals(alert.DonorDisplayName, "Anonymous", StringComparison.OrdinalIgnoreCase);
        activity?.SetTag("stream.anonymous", anonymous); // clean precision-about
        var headline = $"{alert.Amount:C} raised on stream";
        activity?.SetTag("stream.headline", headline); // clean strings
        using var operation = Source.StartPlayforgoodOperation("twitch").SetPlayforgoodNote(alert.Message); // leak TC1001 generated-api
        operation.SetPlayforgoodDonationCount(1); // clean generated-api
        Meter.CreatePlayforgoodDonationDurationHistogram().Record(0.05, "twitch"); // clean generated-api
        return new OkResult(null);
    }
}
