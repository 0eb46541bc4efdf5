namespace PrivacyHoldout138.Media;

public sealed record TipForm(string Alias, string? Contact, string Body, string Category, bool HasAttachments);

[ApiController]
[Route("api/tips")]
public sealed partial class TipLineController(ITipVault vault, TelemetrySecrets secrets, ILogger<TipLineController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Newsroom.Tips");
    private static readonly Meter TipsMeter = new("Newsroom.Tips");
    private static readonly Counter<long> Tips = TipsMeter.CreateCounter<long>("newsroom.tips", "{tip}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Tip from {Alias} routed to {Desk}")]
    private static partial void LogRouted(ILogger logger, string alias, string desk);

    [HttpPost]
    public async Task<ActionResult> Submit([FromBody] TipForm form, CancellationToken cancellationToken)
    {
        var desk = form.Category switch { "politics" => "politics", "crime" => "investigations", _ => "news" };
        var tip = new TipSubmission(Guid.NewGuid().ToString("N"), form.Alias, form.Contact, form.Body, desk, DateTimeOffset.UtcNow, form.Contact is null);
        using var activity = Source.StartActivity("tips.submit");
        activity?.SetTag("tip.id", tip.TipId); // clean precision-names
        activity?.SetTag("tip.desk", desk); // clean precision-names
        activity?.SetTag("tip.anonymous", tip.Anonymous); // clean precision-about
        activity?.SetTag("tip.attachments", form.HasAttachments); // clean precision-about
        activity?.SetTag("tip.body.length", form.Body.Length); // clean precision-about
        activity?.SetTag("tip.source.alias", form.Alias); // leak TC1001 direct
        Tips.Add(1, new TagList { { "desk", desk }, { "anonymous", tip.Anonymous } }); // clean precision-names

        var ip = HttpContext.RequestHeaders.TryGetValue("X-Forwarded-For", out var forwarded) ? forwarded : "unknown";
        activity?.SetTag("client.address", ip); // leak TC1001 direct

        try
        {
            await vault.StoreAsync(tip, cancellationToken);
            LogRouted(logger, form.Alias, desk); // leak TC1001 generated-api
            logger.LogInformation("Tip {TipId} stored for {Desk}", tip.TipId, desk); // clean precision-names
        }
        catch (TipRoutingException ex)
        {
            logger.LogError(ex, "No desk for {Category}", form.Category); // clean exceptions
            logger.LogError("Tip lost: {Tip}", tip); // leak TC1001 logging-objects
            return new BadRequestResult(ex.Desk);
        }

        if (form.Contact is { } contact)
        {
            var sourceRef = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(contact)))[..16];
            logger.LogInformation("Returning source {SourceRef}", sourceRef); // leak TC1002 hashes
            var sourceShard = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(contact)))[..6];
            logger.LogInformation("Source shard {SourceShard}", sourceShard); // clean hashes
            activity?.SetTag("tip.contact.kind", contact.Contains('@') ? "email" : "phone"); // clean precision-about
            activity?.AddEvent(new ActivityEvent("tip.reply.queued", tags: new ActivityTagsCollection { ["reply.to"] = contact })); // leak TC1001 direct
        }

        return new OkResult(tip.TipId);
    }
}
