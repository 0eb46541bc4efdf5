namespace PrivacyHoldout78.Retail;

public sealed record Shipment(string OrderNumber, string CustomerNumber, string FirstName, string Email, string Culture, string TimeZoneId, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string Carrier);

/// <summary>
/// The "your order has shipped" email. The subject line is under test: the personalised subject
/// ("Hi Ana, your order 100234 is on its way") against the plain one.
/// </summary>
public sealed class OrderEmailSubjects(
    ICopyExperiments experiments,
    IStringLocalizer<OrderEmailSubjects> localizer,
    TemplateEngine engine,
    INotificationSender sender,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<OrderEmailSubjects> logger)
{
    private const string Experiment = "shipped-subject-personal";
    private string? _lastRecipient;

    public async Task SendShippedAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        using var span = source.StartShopcopyRender("order.shipped.email");
        var culture = CultureInfo.GetCultureInfo(shipment.Culture);
        var zone = TimeZones.FindOrUtc(shipment.TimeZoneId);
        CultureInfo.CurrentUICulture = culture;
        var variant = experiments.Assign(Experiment, shipment.CustomerNumber);
        span.SetShopcopyCustomerId(pseudonymizer.PseudonymizeShopcopyCustomerId(shipment.CustomerNumber)); // clean precision-pseudonym
        span.SetShopcopyExperiment(Experiment); // clean precision-about
        span.SetShopcopyVariant(variant.Variant); // clean precision-about

        var window = string.Format(culture, localizer["Delivery.Window"].Value, TimeZoneInfo.ConvertTime(shipment.WindowStart, zone), TimeZoneInfo.ConvertTime(shipment.WindowEnd, zone));
        span.Activity?.SetTag("delivery.window.text", window); // clean precision-about
        span.SetShopcopyTimeZone(zone.Id); // clean precision-about

        var subject = variant.Variant == "personal"
            ? localizer["Subject.Shipped.Personal", shipment.FirstName, shipment.OrderNumber].Value
            : localizer["Subject.Shipped", shipment.OrderNumber].Value;
        if (variant.Variant == "personal")
        {
            span.SetShopcopyMessageSubject(subject); // leak TC1001 generated-api
        }
        else
        {
            span.SetShopcopyMessageSubject(subject); // clean generated-api
        }
        logger.LogInformation("Shipped email for order {OrderNumber}: subject variant {Variant}, {SubjectLength} chars", shipment.OrderNumber, variant.Variant, subject.Length); // clean precision-about

        var body = engine.Render(localizer["Body.Shipped"].Value, new Dictionary<string, string?> { ["first_name"] = shipment.FirstName, ["order"] = shipment.OrderNumber, ["window"] = window, ["carrier"] = shipment.Carrier });
        var emailTemplateId = "order.shipped.v7";
        _lastRecipient = shipment.Email;
        try
        {
            var messageId = await sender.SendAsync(new RenderedNotification(emailTemplateId, culture.Name, shipment.Email, subject, body), cancellationToken);
            logger.LogInformation("Email {MessageId} sent from template {EmailTemplateId}", messageId, emailTemplateId); // clean precision-names
        }
        catch (DeliveryRejectedException ex)
        {
            span.RecordException(ex, "email provider rejected the message"); // clean exceptions
            span.Activity?.SetTag("email.rejection", ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Email for {OrderNumber} rejected: {Reason}", shipment.OrderNumber, ex.Reason); // clean exceptions
        }
        meter.CreateShopcopyMessagesRenderedCounter().Add(1, emailTemplateId, shopcopyCulture: culture.Name, shopcopyOutcome: variant.Variant); // clean precision-about
    }

    public void OnBounceWebhook(string providerMessageId, string bounceType)
    {
        logger.LogWarning("Bounce {BounceType} for {MessageId}, last recipient {Recipient}", bounceType, providerMessageId, _lastRecipient); // leak TC1001 cross-member
    }
}
