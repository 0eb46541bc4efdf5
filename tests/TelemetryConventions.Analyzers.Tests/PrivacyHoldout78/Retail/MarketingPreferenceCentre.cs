namespace PrivacyHoldout78.Retail;

public sealed record MarketingChoices(string CustomerNumber, string Email, bool EmailOptIn, bool SmsOptIn, string? Mobile, string PreferredCulture, string[] Interests);

/// <summary>The marketing preference centre linked from every email footer ("Manage your preferences").</summary>
public sealed partial class MarketingPreferenceCentre(Pseudonymizer pseudonymizer, Meter meter, ILogger<MarketingPreferenceCentre> logger)
{
    private static readonly ActivitySource Source = new("Shop.Preferences");
    private readonly Counter<long> _optIns = meter.CreateCounter<long>("shopcopy.marketing.opt_ins", "{change}");

    public void Save(MarketingChoices before, MarketingChoices after)
    {
        using var activity = Source.StartActivity("marketing.preferences.save");
        activity?.SetTag("marketing.email_opt_in", after.EmailOptIn); // clean precision-about
        activity?.SetTag("marketing.interests", string.Join(",", after.Interests)); // clean precision-about
        activity?.SetTag("marketing.customer", pseudonymizer.ComputeShopcopyCustomerId(after.CustomerNumber)); // clean precision-pseudonym
        _optIns.Add(after.EmailOptIn == before.EmailOptIn ? 0 : 1, new KeyValuePair<string, object?>("channel", "email"), new KeyValuePair<string, object?>("culture", after.PreferredCulture)); // clean precision-about
        if (before.SmsOptIn != after.SmsOptIn)
        {
            LogSmsChoice(logger, after.Mobile ?? "none", after.SmsOptIn); // leak TC1001 direct
            _optIns.Add(1, new KeyValuePair<string, object?>("channel", "sms"), new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeShopcopyCustomerId(after.CustomerNumber))); // leak TC1003 precision-pseudonym
        }
        if (before.Email != after.Email)
        {
            activity?.AddEvent(new ActivityEvent("marketing.email_changed", tags: new ActivityTagsCollection { ["from"] = before.Email, ["to"] = after.Email })); // leak TC1001 direct
            activity?.SetTag("marketing.email_domain", after.Email[(after.Email.IndexOf('@') + 1)..]); // clean precision-about
        }
        logger.LogInformation("Marketing choices saved: {Before} -> {After}", before, after); // leak TC1001 logging-objects
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS marketing for {Mobile} set to {OptIn}")]
    private static partial void LogSmsChoice(ILogger logger, string mobile, bool optIn);
}
