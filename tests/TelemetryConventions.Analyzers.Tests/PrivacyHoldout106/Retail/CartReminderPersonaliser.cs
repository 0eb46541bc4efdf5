namespace PrivacyHoldout106.Retail;

/// <summary>A basket left at checkout, with the customer it belongs to.</summary>
public sealed record AbandonedBasket(string BasketId, string CustomerNumber, string Email, string FirstName, string Postcode, IReadOnlyList<string> Skus, decimal Total);

/// <summary>The basket reminder email: personalised from a template, checked against the suppression list.</summary>
public sealed class CartReminderPersonaliser(
    ActivitySource source,
    ILogger<CartReminderPersonaliser> logger,
    ITemplateStore templates,
    IMessageSender sender,
    ISuppressionList suppression,
    Pseudonymizer pseudonymizer)
{
    private static readonly Meter Meter = new("Retail.Messaging.Baskets");
    private static readonly Counter<long> Reminders = Meter.CreateCounter<long>("retailmsg.basket.reminders");

    public async Task SendAsync(AbandonedBasket basket, CancellationToken cancellationToken)
    {
        using var span = source.StartRetailmsgSend("email", "tpl-basket-reminder").SetRetailmsgStore("web-uk");
        Activity.Current?.SetTag("basket.id", basket.BasketId); // clean precision-names
        Activity.Current?.SetTag("basket.lines", basket.Skus.Count); // clean precision-about
        Activity.Current?.SetTag("basket.postcode", basket.Postcode); // leak TC1001 direct
        Activity.Current?.SetTag("basket.district", basket.Postcode.Split(' ')[0]); // clean precision-about

        if (await suppression.IsSuppressedAsync(basket.Email, "email", "marketing", cancellationToken))
        {
            logger.LogInformation("Basket {BasketId} reminder suppressed for {Email}", basket.BasketId, basket.Email); // leak TC1001 direct
            Reminders.Add(1, new KeyValuePair<string, object?>("outcome", "suppressed")); // clean precision-about
            return;
        }

        var template = await templates.GetAsync("tpl-basket-reminder", "en-GB", cancellationToken);
        var rendered = TemplateRenderer.Render(template, new Dictionary<string, string?> { ["first_name"] = basket.FirstName, ["items"] = basket.Skus.Count.ToString(CultureInfo.InvariantCulture) });
        Activity.Current?.SetTag("reminder.subject", rendered.Subject); // leak TC1001 strings
        span.SetRetailmsgNote(rendered.Body); // leak TC1001 generated-api
        var greeting = new StringBuilder("Hi ").Append(basket.FirstName).Append(", you left something behind");
        logger.LogDebug("Preheader {Preheader}", greeting); // leak TC1001 strings
        logger.LogDebug("Basket {@Basket}", basket); // leak TC1001 logging-objects

        try
        {
            var id = await sender.SendEmailAsync(basket.Email, rendered, new Dictionary<string, string>(), cancellationToken);
            span.SetRetailmsgMessageId(id).SetRetailmsgCustomerId(pseudonymizer.PseudonymizeRetailmsgCustomerId(basket.CustomerNumber)); // clean precision-pseudonym
        }
        catch (RecipientRejectedException ex)
        {
            logger.LogWarning(ex, "Basket reminder refused ({Status})", ex.Status); // leak TC1001 exceptions
            span.SetRetailmsgOutcome(ex.Status); // clean exceptions
        }

        var digest = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(basket.Email.Trim().ToLowerInvariant())));
        Activity.Current?.SetTag("reminder.pixel", $"https://t.example.org/o/{digest}.gif"); // leak TC1002 hashes
        Reminders.Add(1, new KeyValuePair<string, object?>("outcome", "sent"), new KeyValuePair<string, object?>("email", basket.Email)); // leak TC1003 direct
    }
}
