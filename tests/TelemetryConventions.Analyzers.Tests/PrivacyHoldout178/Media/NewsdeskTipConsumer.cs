namespace PrivacyHoldout178.Media;

public sealed record IncidentTip(string TipId, string SenderEmail, string Text, string IncidentArea, double? Latitude, double? Longitude);

/// <summary>The newsdesk's tips about emergencies in progress (a topic keyed by tip id).</summary>
public sealed class NewsdeskTipConsumer(IConsumer<string, IncidentTip> consumer, ILogger<NewsdeskTipConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Broadcaster.Newsdesk");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result?.Message.Value is not { } tip)
            {
                continue;
            }

            using var activity = Source.StartActivity("Tip");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("tip.area", tip.IncidentArea); // clean precision-names
            activity?.SetTag("tip.sender", tip.SenderEmail); // leak TC1001 direct
            activity?.SetTag("tip.text.words", tip.Text.Split(' ').Length); // clean precision-about
            logger.LogInformation("Tip {TipId}: {Text}", tip.TipId, tip.Text); // leak TC1001 direct
            if (tip.Latitude is { } lat && tip.Longitude is { } lon)
            {
                activity?.SetTag("tip.where", $"{lat:F5},{lon:F5}"); // leak TC1001 strings
                activity?.SetTag("tip.where.coarse", $"{Math.Round(lat, 1)},{Math.Round(lon, 1)}"); // clean strings
            }
        }

        return Task.CompletedTask;
    }
}
