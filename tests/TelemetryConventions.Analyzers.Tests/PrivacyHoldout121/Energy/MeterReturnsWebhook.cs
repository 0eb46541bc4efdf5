namespace PrivacyHoldout121.Energy;

/// <summary>A removed meter posted back to the recycler in a prepaid bag.</summary>
public sealed record MeterReturn(string Rma, string MeterSerial, string AccountNumber, string ReturnTrackingNumber);

/// <summary>Receives the carrier's webhooks for returned meters and reconciles them with exchanges.</summary>
public static class MeterReturnsWebhook
{
    private static readonly ActivitySource Source = new("Supplier.Meters.Returns");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/webhooks/meter-returns", (WebhookRequest request, IMeterReturns store, ILoggerFactory loggers) => Handle(request, store, loggers.CreateLogger("MeterReturns")));

    private static async Task<ActionResult> Handle(WebhookRequest request, IMeterReturns store, ILogger logger)
    {
        using var activity = Source.StartActivity("meter.return.webhook");
        var update = WebhookParser.Parse(request.RawBody);
        activity?.SetTag("webhook.event", update.Description); // clean precision-names
        activity?.SetTag("webhook.tracking_number", update.Result.TrackingNumber); // clean precision-names

        var ret = await store.FindAsync(update.Result.TrackingNumber);
        if (ret is null)
        {
            logger.LogWarning("Unknown return bag {TrackingNumber}: {Body}", update.Result.TrackingNumber, request.RawBody); // leak TC1001 direct
            return new NotFoundResult(null);
        }

        activity?.SetTag("meter.return.rma", ret.Rma); // clean precision-names
        logger.LogInformation("Return {Return} is {Status}", ret, update.Result.Status); // leak TC1001 logging-objects
        logger.LogInformation("Return {Rma} is {Status} with {Scans} scans", ret.Rma, update.Result.Status, update.Result.Events.Count); // clean precision-about
        activity?.SetBaggage("meter.serial", ret.MeterSerial); // leak TC1001 direct
        return new OkResult(null);
    }
}

public interface IMeterReturns
{
    Task<MeterReturn?> FindAsync(string trackingNumber);
}
