namespace PrivacyHoldout78.Energy;

public sealed record OutageNotice(string IncidentId, string DnoRegion, string PostcodeDistrict, DateTimeOffset EstimatedRestore);

public sealed record PriorityContact(string AccountNumber, string Mobile, string Culture, bool Bilingual, string? CarerName, string? CarerMobile);

/// <summary>
/// Sends the outage text to the priority-services customers of a region, bilingual (Welsh first)
/// where the customer asked for it. One rendered text serves every customer of an incident and
/// culture: it names the area and the restoration time, not the customer.
/// </summary>
public sealed partial class OutageSmsLocaliser(
    IStringLocalizer<OutageSmsLocaliser> localizer,
    INotificationSender sender,
    Meter meter,
    ILogger<OutageSmsLocaliser> logger)
{
    private static readonly ActivitySource Source = new("Energy.Outages");
    private readonly Counter<long> _sent = meter.CreateCounter<long>("gridcopy.outage.sms", "{sms}");
    private PriorityContact? _lastFailed;

    public async Task NotifyAsync(OutageNotice notice, IReadOnlyList<PriorityContact> contacts, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("outage.notify");
        activity?.SetTag("outage.incident", notice.IncidentId); // clean precision-about
        activity?.SetTag("outage.district", notice.PostcodeDistrict); // clean precision-about
        var texts = new Dictionary<string, string>();
        foreach (var group in contacts.GroupBy(c => (c.Culture, c.Bilingual)))
        {
            var culture = CultureInfo.GetCultureInfo(group.Key.Culture);
            var restore = TimeZoneInfo.ConvertTime(notice.EstimatedRestore, TimeZones.FindOrUtc("Europe/London")).ToString("t", culture);
            CultureInfo.CurrentUICulture = culture;
            var text = localizer["Outage.Sms", notice.PostcodeDistrict, restore].Value;
            if (group.Key.Bilingual)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
                text = text + " / " + localizer["Outage.Sms", notice.PostcodeDistrict, restore].Value;
            }
            texts[group.Key.Culture] = text;
            activity?.AddEvent(new ActivityEvent("outage.text", tags: new ActivityTagsCollection { ["culture"] = culture.Name, ["text"] = text, ["recipients"] = group.Count() })); // clean strings
        }

        foreach (var contact in contacts)
        {
            var recipients = contact.CarerMobile is null ? new[] { contact.Mobile } : new[] { contact.Mobile, contact.CarerMobile };
            if (contact.CarerName is not null)
            {
                activity?.AddEvent(new ActivityEvent("outage.carer_copy", tags: new ActivityTagsCollection { ["carer"] = contact.CarerName, ["culture"] = contact.Culture })); // leak TC1001 direct
            }
            foreach (var mobile in recipients)
            {
                try
                {
                    await sender.SendAsync(new RenderedNotification("outage.sms", contact.Culture, mobile, string.Empty, texts[contact.Culture]), cancellationToken);
                    _sent.Add(1, new KeyValuePair<string, object?>("culture", contact.Culture), new KeyValuePair<string, object?>("carer", mobile == contact.CarerMobile)); // clean precision-about
                }
                catch (DeliveryRejectedException ex)
                {
                    _lastFailed = contact;
                    LogUndelivered(logger, contact.AccountNumber, ex.Reason); // leak TC1001 direct
                    _sent.Add(1, new KeyValuePair<string, object?>("outcome", ex.Reason), new KeyValuePair<string, object?>("to", mobile)); // leak TC1003 direct
                }
            }
        }
        if (_lastFailed is not null)
        {
            activity?.SetTag("outage.last_failed", _lastFailed.ToString()); // leak TC1001 cross-member
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outage SMS undelivered for account {AccountNumber}: {Reason}")]
    private static partial void LogUndelivered(ILogger logger, string accountNumber, string reason);
}
